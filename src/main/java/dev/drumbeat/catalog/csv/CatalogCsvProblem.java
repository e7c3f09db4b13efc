package dev.drumbeat.catalog.csv;

/**
 * One thing wrong with a catalog CSV: the line as a spreadsheet numbers it (the header is line 1),
 * the column (empty when the whole line is wrong) and the reason, in the modal's words.
 */
public record CatalogCsvProblem(int line, String column, String reason) {

    static CatalogCsvProblem ofLine(int line, String reason) {
        return new CatalogCsvProblem(line, "", reason);
    }

    /** Such as {@code line 7, column unit_cost: “12,x” is not a number}. */
    public String describe() {
        return "line " + line + (column.isEmpty() ? "" : ", column " + column) + ": " + reason;
    }
}
