package dev.drumbeat.catalog.csv;

import java.util.Optional;

/** The arguments of `drumbeat import|export`: at most one file, and {@code --team T…} or {@code --team=T…}. */
record CatalogCsvCliArgs(Optional<String> file, Optional<String> team) {

    /** The arguments, or empty when they are not understood. */
    static Optional<CatalogCsvCliArgs> parse(String[] args) {
        Optional<String> file = Optional.empty();
        Optional<String> team = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--team") && i + 1 < args.length && team.isEmpty()) {
                team = Optional.of(args[++i].strip());
            } else if (arg.startsWith("--team=") && team.isEmpty()) {
                team = Optional.of(arg.substring("--team=".length()).strip());
            } else if ((arg.equals("-") || !arg.startsWith("-")) && file.isEmpty()) {
                file = Optional.of(arg);
            } else {
                return Optional.empty();
            }
        }
        return team.filter(String::isEmpty).isPresent()
                ? Optional.empty()
                : Optional.of(new CatalogCsvCliArgs(file, team));
    }
}
