/** The dev server: the site from memory, rebuilt on every edit, with live reload; loopback only by default. */
package org.abierto.serve;
