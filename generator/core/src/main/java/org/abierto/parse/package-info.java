/**
 * The parse stage: front matter (YAML, with positions) and Markdown bodies (Flexmark) of pages,
 * and the YAML of data, i18n and site files.
 */
package org.abierto.parse;
