package dev.drumbeat.sandbox;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.costs.CostImportService;
import dev.drumbeat.costs.CostMonths;
import dev.drumbeat.costs.CostRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Northwind Bank's cloud bills for {@code drumbeat demo}: eight whole months before the demo's clock and the month so
 * far, from AWS, Azure and Google Cloud in each one's FOCUS export shape (see {@link DemoBillsStory} for what they
 * say), written into the demo's bills folder and imported the way an admin would: the demo's allocation rules set
 * ({@code demo/cost-rules.csv}), then each cloud's export through {@link CostImportService}. A start that finds a
 * cloud's bills already imported leaves them be, so a restart never imports twice, and an admin's own rules are never
 * replaced. Thread-safe: each start's work runs on threads of its own and is waited for.
 */
public final class DemoBills {
    private static final Logger log = LoggerFactory.getLogger(DemoBills.class);
    /** Who set the rules and imported the bills: Tom Mitchell, an admin. */
    private static final String ADMIN =
            DemoPortfolioPeople.byHandle().get("tom.mitchell").userId();

    private final Clock clock;

    /** What a start imported: whole months, rows and files, and how long writing and importing them took. */
    public record Loaded(int wholeMonths, long rows, int files, Duration took) {}

    public DemoBills(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes the bills into {@code folder} and imports them, unless they are in already. Bills that cannot be written
     * or imported (DuckDB does not run on every machine) are logged and left out: the demo runs without them.
     */
    public Optional<Loaded> load(Jdbi jdbi, Path folder, Currency currency) {
        long started = System.nanoTime();
        try {
            Set<DemoCloud> missing = missing(jdbi);
            if (missing.isEmpty()) {
                return Optional.empty();
            }
            List<Imported> imported = writeAndImport(jdbi, folder, currency, missing);
            Loaded loaded = new Loaded(
                    DemoBillsStory.WHOLE_MONTHS,
                    imported.stream().mapToLong(Imported::rows).sum(),
                    imported.stream().mapToInt(Imported::files).sum(),
                    Duration.ofNanos(System.nanoTime() - started));
            log.info(
                    "wrote and imported the demo's cloud bills: {} rows in {} files in {} ms",
                    loaded.rows(),
                    loaded.files(),
                    loaded.took().toMillis());
            return Optional.of(loaded);
        } catch (RuntimeException | LinkageError e) {
            log.warn("the demo's cloud bills were not imported ({}); the demo runs without them", e.toString());
            return Optional.empty();
        }
    }

    /** Sets the demo's rules unless the workspace has its own, then writes and imports each cloud side by side. */
    private List<Imported> writeAndImport(Jdbi jdbi, Path folder, Currency currency, Set<DemoCloud> clouds) {
        AuditLog audit = new AuditLog(clock);
        CostRules rules = new CostRules(jdbi, audit);
        if (rules.of(DemoPortfolio.TEAM_ID).isEmpty()) {
            rules.replace(DemoPortfolio.TEAM_ID, ADMIN, rules());
        }
        List<DemoBillsStory.Charge> charges = new DemoBillsStory(clock.instant()).charges(DemoBillLines.byCentre());
        CostImportService importer = new CostImportService(jdbi, audit, clock);
        return inParallel(clouds.stream()
                .map(cloud -> (Callable<Imported>) () -> {
                    List<Path> files = DemoBillsFiles.write(folder, charges, cloud);
                    long rows = importer.importFiles(DemoPortfolio.TEAM_ID, ADMIN, files, currency)
                            .rows();
                    return new Imported(files.size(), rows);
                })
                .toList());
    }

    /**
     * Starts loading DuckDB's native library in the background while the demo's database starts, when the bills in
     * {@code folder} are still to be written; the first start then does not wait for it.
     */
    public static void prepare(Path folder) {
        if (Files.exists(folder)) {
            return;
        }
        Thread loading = new Thread(
                () -> {
                    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                        log.debug("DuckDB is loaded for the demo's bills");
                    } catch (SQLException | RuntimeException | LinkageError e) {
                        log.debug("DuckDB could not be loaded ahead of the demo's bills: {}", e.toString());
                    }
                },
                "demo-bills-prepare");
        loading.setDaemon(true);
        loading.start();
    }

    private record Imported(int files, long rows) {}

    /** Runs each cloud's writing and import on a thread of its own, and waits for them all. */
    private static List<Imported> inParallel(List<Callable<Imported>> clouds) {
        ExecutorService threads = Executors.newFixedThreadPool(clouds.size(), task -> {
            Thread thread = new Thread(task, "demo-bills");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Imported> imported = new ArrayList<>();
            for (Future<Imported> cloud : threads.invokeAll(clouds)) {
                imported.add(cloud.get());
            }
            return imported;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("could not import the demo's bills", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing the demo's bills", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The clouds whose bills are not imported yet. */
    private Set<DemoCloud> missing(Jdbi jdbi) {
        Set<String> imported = new CostMonths(jdbi, clock)
                .importedFiles(DemoPortfolio.TEAM_ID).stream()
                        .map(CostMonths.ImportedFiles::billingAccountId)
                        .collect(Collectors.toSet());
        Set<DemoCloud> missing = EnumSet.noneOf(DemoCloud.class);
        for (DemoCloud cloud : DemoCloud.values()) {
            if (!imported.contains(cloud.billingAccountId())) {
                missing.add(cloud);
            }
        }
        return missing;
    }

    /** The demo's rules as {@code drumbeat costs rules} reads them: the CSV without its comment lines. */
    private static byte[] rules() {
        try (InputStream in = DemoBills.class.getClassLoader().getResourceAsStream("demo/cost-rules.csv")) {
            if (in == null) {
                throw new IllegalStateException("the demo data demo/cost-rules.csv is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#"))
                    .collect(Collectors.joining("\n", "", "\n"))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo/cost-rules.csv", e);
        }
    }
}
