package org.abierto.metadata;

import org.abierto.model.Site;

/** Addresses for the outside world: sitemaps, catalogues and JSON-LD name pages by their full address. */
final class Addresses {
    private Addresses() {
    }

    /** The base URL plus a site path; relative to the domain when the base URL is not absolute. */
    static String absolute(Site site, String sitePath) {
        return absolute(site.config().baseUrl(), sitePath);
    }

    static String absolute(String baseUrl, String sitePath) {
        return baseUrl + sitePath.substring(1);
    }

    static boolean known(String baseUrl) {
        return baseUrl.startsWith("http");
    }
}
