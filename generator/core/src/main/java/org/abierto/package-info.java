/**
 * Abierto: a static-site generator for bilingual, accessible open-government reports.
 * {@link org.abierto.Abierto} is the whole API; the CLI and the Maven plugin are thin adapters over it.
 */
package org.abierto;
