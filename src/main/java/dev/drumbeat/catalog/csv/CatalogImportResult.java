package dev.drumbeat.catalog.csv;

import java.util.List;

/** What an import did: every row applied, with counts, or nothing at all, with every problem found. */
public sealed interface CatalogImportResult {

    /** Counts of services created, updated and unchanged by the file, and those in Drumbeat but not in it. */
    record Imported(int created, int updated, int unchanged, int untouched) implements CatalogImportResult {

        /** One or two sentences for a person. */
        public String summary() {
            String counts = created + " created, " + updated + " updated, " + unchanged + " unchanged.";
            if (untouched == 0) {
                return counts;
            }
            return counts + " " + untouched + (untouched == 1 ? " service in Drumbeat is" : " services in Drumbeat are")
                    + " not in the file and " + (untouched == 1 ? "was" : "were") + " left as "
                    + (untouched == 1 ? "it is." : "they are.");
        }
    }

    record Rejected(List<CatalogCsvProblem> problems) implements CatalogImportResult {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
