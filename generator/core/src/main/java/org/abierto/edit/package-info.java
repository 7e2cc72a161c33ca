/** Edits of the content itself, made on an editor's request (marking translations). */
package org.abierto.edit;
