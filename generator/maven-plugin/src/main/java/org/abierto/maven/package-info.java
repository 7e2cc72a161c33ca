/** The Maven goals {@code abierto:build} and {@code abierto:check}: thin adapters over {@link org.abierto.Abierto}. */
package org.abierto.maven;
