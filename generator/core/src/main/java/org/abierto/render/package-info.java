/** The render stage: pages and directives through Freemarker templates, with HTML escaping on. */
package org.abierto.render;
