package dev.drumbeat.catalog.csv;

import java.util.Map;

/** One data line of a catalog CSV: its spreadsheet line number and its cells by column name. */
record CatalogCsvRow(int line, Map<String, String> cells) {

    CatalogCsvRow {
        cells = Map.copyOf(cells);
    }

    /** The cell's text, or empty when the file has no such column. */
    String get(String column) {
        return cells.getOrDefault(column, "");
    }
}
