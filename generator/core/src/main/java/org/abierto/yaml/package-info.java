/**
 * YAML documents as plain values with the position of every node, and typed reads that report
 * mistakes at their line and column. Free of any library: the parse stage fills them.
 */
package org.abierto.yaml;
