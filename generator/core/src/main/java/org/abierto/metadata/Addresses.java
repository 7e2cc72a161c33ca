package org.abierto.metadata;

import org.abierto.model.Site;

/** Addresses for the outside world: sitemaps, catalogues and JSON-LD name pages by their full address. */
final class Addresses {
    private Addresses() {
    }

    /** The base URL plus a site path; relative to the domain when the base URL is not absolute. */
    static String absolute(Site site, String sitePath) {
        return site.config().baseUrl() + sitePath.substring(1);
    }

    static boolean known(Site site) {
        return site.config().baseUrl().startsWith("http");
    }
}
