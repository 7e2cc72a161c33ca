/**
 * The report's vocabulary: pages, languages, editions, tables. Immutable values passed between
 * the stages; nothing here reads files or knows a library.
 */
package org.abierto.model;
