package dev.drumbeat.catalog.csv;

import java.util.List;
import java.util.Set;

/** A catalog CSV read into rows: the columns its header names, its data rows, and what was wrong with its shape. */
record CatalogCsvSheet(Set<String> columns, List<CatalogCsvRow> rows, List<CatalogCsvProblem> problems) {

    CatalogCsvSheet {
        columns = Set.copyOf(columns);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    static CatalogCsvSheet rejected(List<CatalogCsvProblem> problems) {
        return new CatalogCsvSheet(Set.of(), List.of(), problems);
    }

    static CatalogCsvSheet rejected(CatalogCsvProblem problem) {
        return rejected(List.of(problem));
    }
}
