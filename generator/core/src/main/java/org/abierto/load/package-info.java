/** The load stage: finds and reads the content and theme files, in a stable order. */
package org.abierto.load;
