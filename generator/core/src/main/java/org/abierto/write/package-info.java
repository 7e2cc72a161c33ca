/** The write stage: the only filesystem writes, into a staging folder swapped in atomically. */
package org.abierto.write;
