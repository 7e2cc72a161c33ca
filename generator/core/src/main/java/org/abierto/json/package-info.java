/** JSON output (Jackson databind): manifests, reports and open-data files. */
package org.abierto.json;
