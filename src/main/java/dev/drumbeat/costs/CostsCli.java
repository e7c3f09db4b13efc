package dev.drumbeat.costs;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.catalog.csv.CatalogCsvCli;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Role;
import dev.drumbeat.core.UserError;
import dev.drumbeat.db.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * `drumbeat costs import <files…> [--team T]`: a provider's FOCUS export (every part of it) from a shell; and
 * `drumbeat costs rules <rules.csv> [--team T]`: the workspace's allocation rules, replaced all at once. Whoever can
 * run it can reach the database anyway; the audit log names it {@code cli}. Exit codes: 0 imported, 1 nothing
 * imported (the sentence says why), 2 wrong arguments.
 */
public final class CostsCli {
    private static final String USAGE = "usage: drumbeat costs import <file.csv|file.csv.gz|file.parquet…> [--team T]"
            + " | drumbeat costs rules <rules.csv> [--team T]";
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public CostsCli(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Replaces the workspace's allocation rules with the file's. */
    private int rules(Path file, Optional<String> team, Currency currency, Supplier<Database> database) {
        byte[] csv;
        try {
            csv = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + " (" + e.getClass().getSimpleName() + ").");
        }
        try (Database db = database.get()) {
            String teamId = CatalogCsvCli.team(db.jdbi(), team, false);
            AuditLog audit = new AuditLog(clock);
            Money money = new Money(currency);
            CostRuleChanges changes = new CostRuleChanges(
                    new CostRuleDrafts(db.jdbi(), audit, clock),
                    new CostReallocation(db.jdbi(), audit, clock, currency),
                    money);
            CostRuleChanges.Outcome outcome = changes.replace(new Actor(teamId, "cli", Role.ADMIN), csv);
            out.println("The allocation rules of " + teamId + " are now those in " + file + ":");
            outcome.summary().forEach(line -> out.println("  " + line));
            return 0;
        }
    }

    public int run(String[] args, Currency currency, Supplier<Database> database) {
        List<Path> files = new ArrayList<>();
        Optional<String> team = Optional.empty();
        if (args.length == 0 || !(args[0].equals("import") || args[0].equals("rules"))) {
            err.println(USAGE);
            return 2;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--team") && i + 1 < args.length) {
                team = Optional.of(args[++i]);
            } else if (args[i].startsWith("--")) {
                err.println(USAGE);
                return 2;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty() || (args[0].equals("rules") && files.size() != 1)) {
            err.println(USAGE);
            return 2;
        }
        try {
            if (args[0].equals("rules")) {
                return rules(files.get(0), team, currency, database);
            }
            try (Database db = database.get()) {
                String teamId = CatalogCsvCli.team(db.jdbi(), team, false);
                CostImportService.Imported imported = new CostImportService(db.jdbi(), new AuditLog(clock), clock)
                        .importFiles(teamId, "cli", files, currency);
                out.println("Imported " + imported.rows() + " rows from " + files.size() + " file"
                        + (files.size() == 1 ? "" : "s") + " into " + teamId + ":");
                CostImportService.describe(imported, new Money(currency)).forEach(line -> out.println("  " + line));
                return 0;
            }
        } catch (UserError e) {
            err.println("drumbeat: " + e.getMessage());
            return 1;
        }
    }
}
