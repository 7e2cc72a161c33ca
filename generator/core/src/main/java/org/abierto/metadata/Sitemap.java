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

/**
 * {@code sitemap.xml} (every page, with its translations as {@code xhtml:link} hreflang alternates and
 * the report's date as {@code lastmod}) and {@code robots.txt}. A sitemap needs full addresses, so it is
 * written only when the base URL is absolute.
 */
public final class Sitemap {
    static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    public List<OutputFile.Generated> files(Site site) {
        List<OutputFile.Generated> files = new ArrayList<>();
        var robots = new StringBuilder("User-agent: *\nAllow: /\n");
        if (Addresses.known(site)) {
            files.add(new OutputFile.Generated("sitemap.xml", sitemap(site).getBytes(StandardCharsets.UTF_8)));
            robots.append("\nSitemap: ").append(Addresses.absolute(site, "/sitemap.xml")).append('\n');
        }
        files.add(new OutputFile.Generated("robots.txt", robots.toString().getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private static String sitemap(Site site) {
        var out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(SITEMAPS);
            xml.writeStartElement(SITEMAPS, "urlset");
            xml.writeDefaultNamespace(SITEMAPS);
            xml.writeNamespace("xhtml", XHTML);
            for (Page page : site.pages()) {
                if (page.kind() == PageKind.NOT_FOUND) {
                    continue;
                }
                xml.writeCharacters("\n  ");
                xml.writeStartElement(SITEMAPS, "url");
                element(xml, "loc", Addresses.absolute(site, page.url()));
                if (site.config().date() != null) {
                    element(xml, "lastmod", site.config().date());
                }
                List<Alternate> translations = page.alternates().stream().filter(Alternate::translated).toList();
                if (!translations.isEmpty()) {
                    link(xml, page.language(), Addresses.absolute(site, page.url()));
                    for (Alternate alternate : translations) {
                        link(xml, alternate.language().code(), Addresses.absolute(site, alternate.page().url()));
                    }
                    link(xml, "x-default", Addresses.absolute(site, "/"));
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
