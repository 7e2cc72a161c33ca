/**
 * The write stage: the only filesystem writes, into a staging folder swapped in atomically, into an
 * output folder proven Abierto's by its manifest and held by one build at a time.
 */
package org.abierto.write;
