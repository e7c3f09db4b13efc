package dev.drumbeat.catalog.csv;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.UserError;
import dev.drumbeat.db.Database;
import dev.drumbeat.people.PeopleDao;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * `drumbeat import` and `drumbeat export`: the catalog CSV from a shell. Whoever can run them can reach
 * the database anyway, so they act as an admin; the audit log names the file, as {@code csv:<file>}.
 * An exported file starts with a UTF-8 byte order mark for Excel; standard output gets the bare CSV, for pipes.
 * Exit codes: 0 done, 1 nothing done (bad rows, unreadable file, unknown team), 2 wrong arguments.
 */
public final class CatalogCsvCli {
    /** Starts an exported file, as the dashboard's export does, so Excel reads it as UTF-8 and keeps accents. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public CatalogCsvCli(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Runs {@code import} or {@code export}; the database is opened only once the arguments make sense. */
    public int run(String command, String[] args, Supplier<Database> database) {
        Optional<CatalogCsvCliArgs> parsed = CatalogCsvCliArgs.parse(args);
        boolean needsFile = command.equals("import");
        if (parsed.isEmpty()
                || (needsFile && parsed.get().file().filter(f -> !f.equals("-")).isEmpty())) {
            err.println("usage: drumbeat import <catalog.csv> [--team T…] | drumbeat export [file|-] [--team T…]");
            return 2;
        }
        try {
            return needsFile ? importFile(parsed.get(), database) : export(parsed.get(), database);
        } catch (UserError e) {
            err.println("drumbeat: " + e.getMessage());
            return 1;
        }
    }

    private int importFile(CatalogCsvCliArgs args, Supplier<Database> databases) {
        Path file = Path.of(args.file().orElseThrow());
        byte[] csv = read(file);
        try (Database database = databases.get()) {
            String team = team(database.jdbi(), args.team(), true);
            CatalogImportResult result = new CatalogImportService(database.jdbi(), new AuditLog(clock))
                    .importIntoWorkspace(team, "csv:" + file.getFileName(), csv);
            if (result instanceof CatalogImportResult.Imported imported) {
                out.println("Imported " + file + " into " + team + ": " + imported.summary());
                return 0;
            }
            List<CatalogCsvProblem> problems = ((CatalogImportResult.Rejected) result).problems();
            err.println("drumbeat: nothing was imported from " + file + "; fix "
                    + (problems.size() == 1 ? "this problem" : "these " + problems.size() + " problems")
                    + " and run the import again:");
            problems.forEach(problem -> err.println(problem.describe()));
            return 1;
        }
    }

    private int export(CatalogCsvCliArgs args, Supplier<Database> databases) {
        try (Database database = databases.get()) {
            String team = team(database.jdbi(), args.team(), false);
            byte[] csv = new CatalogExport(database.jdbi()).csv(team).getBytes(StandardCharsets.UTF_8);
            Optional<String> file = args.file().filter(f -> !f.equals("-"));
            if (file.isEmpty()) {
                out.write(csv, 0, csv.length);
                out.flush();
                return 0;
            }
            write(Path.of(file.get()), withBom(csv));
            out.println("Exported the catalog of " + team + " to " + file.get() + ".");
            return 0;
        }
    }

    /**
     * The team asked for, else the database's only workspace. A database that knows no workspace yet (a fresh
     * install) takes the one asked for when {@code mayCreate}; one that knows others refuses it, as a likely typo.
     */
    public static String team(Jdbi jdbi, Optional<String> asked, boolean mayCreate) {
        List<String> workspaces = jdbi.withExtension(PeopleDao.class, PeopleDao::workspaces);
        if (asked.isPresent()) {
            if (!asked.get().matches("T[A-Z0-9]{2,}")) {
                throw new UserError("'" + asked.get() + "' is not a Slack workspace id (like T0123ABCD).");
            }
            if (!workspaces.contains(asked.get()) && !(mayCreate && workspaces.isEmpty())) {
                throw new UserError("there is no workspace " + asked.get() + " in the database"
                        + (workspaces.isEmpty() ? "" : " (it has " + String.join(", ", workspaces) + ")") + ".");
            }
            return asked.get();
        }
        if (workspaces.size() == 1) {
            return workspaces.get(0);
        }
        throw new UserError(
                workspaces.isEmpty()
                        ? "the database has no workspace yet; start `drumbeat serve` once (it asks Slack which"
                                + " workspace its token belongs to), or pass --team with your workspace's id, the T…"
                                + " in the address of Slack in a browser (app.slack.com/client/T…/)."
                        : "the database has " + workspaces.size() + " workspaces (" + String.join(", ", workspaces)
                                + "); pass --team with the one you mean.");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(
                    "cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").");
        }
    }

    private static byte[] withBom(byte[] csv) {
        byte[] all = Arrays.copyOf(BOM, BOM.length + csv.length);
        System.arraycopy(csv, 0, all, BOM.length, csv.length);
        return all;
    }

    private static void write(Path file, byte[] csv) {
        try {
            Files.write(file, csv);
        } catch (IOException e) {
            throw new UserError(
                    "cannot write " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").");
        }
    }
}
