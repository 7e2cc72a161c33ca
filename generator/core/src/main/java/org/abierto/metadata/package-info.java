/**
 * Machine-readable files about the report: open data (CSV, JSON, CSV on the Web), the DCAT
 * catalogue, schema.org JSON-LD, the sitemap and robots.txt. The only package that writes CSV.
 */
package org.abierto.metadata;
