/**
 * The search index of each language that has a search page: the text of every page, read from its
 * final HTML, folded, stemmed and split into files that the theme's script ({@code templates/assets/search.js})
 * loads on demand. Text becomes terms the same way here and in that script ({@link org.abierto.search.Terms}).
 */
package org.abierto.search;
