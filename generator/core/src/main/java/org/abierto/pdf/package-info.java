/**
 * The report as a PDF: one document per language, laid out from the document template's HTML with
 * openhtmltopdf on PDFBox, tagged for PDF/UA-1, with an embedded open font, and byte for byte the same
 * from the same content. The only package that touches openhtmltopdf and PDFBox.
 */
package org.abierto.pdf;
