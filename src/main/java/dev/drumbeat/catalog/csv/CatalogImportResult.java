package dev.drumbeat.catalog.csv;

import java.util.List;
import java.util.stream.Collectors;

/** What an import did: every row applied, with counts, or nothing at all, with every problem found. */
public sealed interface CatalogImportResult {

    /**
     * Counts of services created, updated and unchanged by the file, and those in Drumbeat but not in it; and a
     * sentence for each query bound or unbound (or why not).
     */
    record Imported(int created, int updated, int unchanged, int untouched, List<String> measures)
            implements CatalogImportResult {

        public Imported {
            measures = List.copyOf(measures);
        }

        public Imported(int created, int updated, int unchanged, int untouched) {
            this(created, updated, unchanged, untouched, List.of());
        }

        Imported measured(List<String> sentences) {
            return new Imported(created, updated, unchanged, untouched, sentences);
        }

        /** One or two sentences for a person, then one a line for each query bound or unbound. */
        public String summary() {
            return services() + measures.stream().map(m -> "\n" + m).collect(Collectors.joining());
        }

        private String services() {
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
