package org.abierto.metadata;

import org.abierto.model.Alternate;
import org.abierto.model.OutputFile;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.Site;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sitemap.xml} (every page, with its translations as {@code xhtml:link} hreflang alternates and
 * the report's date as {@code lastmod}) and {@code robots.txt}. A sitemap needs full addresses, so it is
 * written only when the base URL is absolute.
 */
public final class Sitemap {
    static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    /**
     * What the sitemap and robots.txt are made from: the base URL, the report's date, and each page's
     * address, language and translations (the pages for unknown addresses left out). Equal inputs give
     * the same files, which is how the live preview knows it may keep them.
     */
    public record Inputs(String baseUrl, String date, List<Entry> pages) {
        public Inputs {
            pages = List.copyOf(pages);
        }
    }

    /** A page in the sitemap: its address, its language and its translations' addresses by language. */
    public record Entry(String url, String language, List<Map.Entry<String, String>> translations) {
        public Entry {
            translations = List.copyOf(translations);
        }
    }

    public static Inputs inputs(Site site) {
        List<Entry> pages = new ArrayList<>();
        for (Page page : site.pages()) {
            if (page.kind() != PageKind.NOT_FOUND) {
                pages.add(new Entry(page.url(), page.language(), page.alternates().stream().filter(Alternate::translated)
                        .map(a -> Map.entry(a.language().code(), a.page().url())).toList()));
            }
        }
        return new Inputs(site.config().baseUrl(), site.config().date(), pages);
    }

    public List<OutputFile.Generated> files(Site site) {
        return made(inputs(site));
    }

    /** The files made from {@link #inputs}. */
    public List<OutputFile.Generated> made(Inputs site) {
        List<OutputFile.Generated> files = new ArrayList<>();
        var robots = new StringBuilder("User-agent: *\nAllow: /\n");
        if (Addresses.known(site.baseUrl())) {
            files.add(new OutputFile.Generated("sitemap.xml", sitemap(site).getBytes(StandardCharsets.UTF_8)));
            robots.append("\nSitemap: ").append(Addresses.absolute(site.baseUrl(), "/sitemap.xml")).append('\n');
        }
        files.add(new OutputFile.Generated("robots.txt", robots.toString().getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private static String sitemap(Inputs site) {
        var out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(SITEMAPS);
            xml.writeStartElement(SITEMAPS, "urlset");
            xml.writeDefaultNamespace(SITEMAPS);
            xml.writeNamespace("xhtml", XHTML);
            for (Entry page : site.pages()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement(SITEMAPS, "url");
                element(xml, "loc", Addresses.absolute(site.baseUrl(), page.url()));
                if (site.date() != null) {
                    element(xml, "lastmod", site.date());
                }
                if (!page.translations().isEmpty()) {
                    link(xml, page.language(), Addresses.absolute(site.baseUrl(), page.url()));
                    for (Map.Entry<String, String> translation : page.translations()) {
                        link(xml, translation.getKey(), Addresses.absolute(site.baseUrl(), translation.getValue()));
                    }
                    link(xml, "x-default", Addresses.absolute(site.baseUrl(), "/"));
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the sitemap", e);
        }
        return out + "\n";
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(SITEMAPS, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String hreflang, String href) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement(XHTML, "link");
        xml.writeAttribute("rel", "alternate");
        xml.writeAttribute("hreflang", hreflang);
        xml.writeAttribute("href", href);
    }
}
