/**
 * The assemble stage: builds the {@link org.abierto.model.Site} from parsed files — addresses,
 * sections, reading order, translations, and each language's edition. Pure: no files, no clock.
 */
package org.abierto.assemble;
