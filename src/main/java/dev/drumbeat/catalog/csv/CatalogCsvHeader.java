package dev.drumbeat.catalog.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * The header line of a catalog CSV: where each known column is. Names match whatever their case and
 * surrounding spaces; blank header cells are ignored; unknown, doubled or missing required columns are problems.
 */
final class CatalogCsvHeader {
    private static final String SEMICOLONS = "the values are separated by semicolons; save the file with commas"
            + " (in Excel: “CSV UTF-8 (Comma delimited)”)";
    private final Map<String, Integer> positions = new LinkedHashMap<>();
    private final List<CatalogCsvProblem> problems = new ArrayList<>();
    private final int width;

    private CatalogCsvHeader(CSVRecord header) {
        this.width = header.size();
        for (int i = 0; i < header.size(); i++) {
            place(header.get(i).strip(), i);
        }
        CatalogCsvColumns.IMPORTED.stream()
                .filter(c -> CatalogCsvColumns.REQUIRED.contains(c) && !positions.containsKey(c))
                .forEach(c -> problems.add(new CatalogCsvProblem(1, c, "this required column is missing")));
    }

    static CatalogCsvHeader read(CSVRecord header) {
        return new CatalogCsvHeader(header);
    }

    List<CatalogCsvProblem> problems() {
        return List.copyOf(problems);
    }

    Set<String> columns() {
        return positions.keySet();
    }

    /** The record's cells by column name; cells missing at the end of a short line are blank. */
    CatalogCsvRow row(CSVRecord record, int line) {
        Map<String, String> cells = new LinkedHashMap<>();
        positions.forEach(
                (column, i) -> cells.put(column, i < record.size() ? CatalogCsvColumns.unguard(record.get(i)) : ""));
        return new CatalogCsvRow(line, cells);
    }

    /** The problem when the record has values beyond the header's columns. */
    Optional<CatalogCsvProblem> overflow(CSVRecord record, int line) {
        for (int i = width; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return Optional.of(CatalogCsvProblem.ofLine(
                        line,
                        "this line has " + record.size() + " values but the header has " + width
                                + " columns; look for a stray comma or quote"));
            }
        }
        return Optional.empty();
    }

    private void place(String written, int position) {
        String column = written.toLowerCase(Locale.ROOT);
        if (column.isEmpty() || CatalogCsvColumns.FOR_HUMANS.contains(column)) {
            return;
        }
        if (!CatalogCsvColumns.IMPORTED.contains(column)) {
            problems.add(new CatalogCsvProblem(
                    1,
                    written,
                    column.contains(";")
                            ? SEMICOLONS
                            : "unknown column; the columns are " + String.join(", ", CatalogCsvColumns.IMPORTED)));
        } else if (positions.containsKey(column)) {
            problems.add(new CatalogCsvProblem(
                    1,
                    written,
                    "this column appears twice (columns " + (positions.get(column) + 1) + " and " + (position + 1)
                            + ")"));
        } else {
            positions.put(column, position);
        }
    }
}
