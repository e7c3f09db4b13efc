/**
 * The catalog as CSV, the format people keep in Excel: the all-or-nothing import that names the bad row, the export,
 * their HTTP API and the `drumbeat import`/`export` command line. Entry: {@code CatalogCsvFeature}.
 */
package dev.drumbeat.catalog.csv;
