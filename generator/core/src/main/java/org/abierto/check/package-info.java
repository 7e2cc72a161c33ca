/**
 * The check stage (jsoup): link resolution and rewriting, link and anchor checks, raw-HTML safety.
 * The only package that touches jsoup.
 */
package org.abierto.check;
