/** Problems found by a build, each pointing at a file, line and column an editor can fix. */
package org.abierto.diagnostic;
