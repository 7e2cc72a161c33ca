package org.abierto.model;

/**
 * A file that holds the whole report, offered for download beside its pages: the PDF of one language,
 * or the offline copy of the site (a ZIP).
 *
 * @param url    its address from the site root ({@code /es/haciendo-transparencia.pdf})
 * @param format its format, as readers know it: {@code PDF}, {@code ZIP}
 * @param bytes  its size, or -1 while it is made only when asked for (the live preview)
 * @param pages  its number of pages (a PDF), or null
 * @param sha256 its SHA-256, in hexadecimal (the offline copy), or null
 */
public record Download(String url, String format, long bytes, Integer pages, String sha256) {

    /** Whether its size is known: false in the live preview, which makes it only when it is asked for. */
    public boolean made() {
        return bytes >= 0;
    }
}
