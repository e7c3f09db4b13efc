package dev.drumbeat.bench;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.costs.CostImportService;
import dev.drumbeat.costs.CostRules;
import dev.drumbeat.db.Database;
import dev.drumbeat.support.TestDatabase;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Importing one large enterprise's month of FOCUS bills (issue #15, "Speed"): {@link FocusMonth}'s 10 million rows,
 * as Parquet and as gzip CSV, each in several parts, into a workspace with 30 allocation rules. For each format, in
 * turn within each round: DuckDB's own {@code sum(EffectiveCost), count(*)} per billing account and month over the
 * same files, through the same JDBC driver; the floor the target is judged against, DuckDB's own aggregate of every
 * column an import must read (the rules' columns and the month a correction corrects), a Parquet scan of three
 * columns never opening the rest; and
 * {@link CostImportService#importFiles} end to end (DuckDB scan and the PostgreSQL transaction), with the Java heap
 * it needed and the time its PostgreSQL statements took. Then checks that what was stored, allocated plus
 * unallocated, equals the files' amortised total to the cent, as DuckDB reads it directly. The work runs in a child
 * JVM with {@code -Xmx1g}, so an import that needs more heap fails loudly. Run:
 * {@code mvn -o -B -q -Pbench test-compile exec:java -Dbench.main=dev.drumbeat.bench.CostImportBench}
 * ({@code -Dbench.rows=500000} for a smaller month; {@code -Dbench.runs}, {@code -Dbench.warmup},
 * {@code -Dbench.seed} and {@code -Dbench.dir}, where the generated files are kept between runs, default 5, 1, 15
 * and {@code $TMPDIR/drumbeat-cost-bench}; {@code -Dbench.formats=parquet} or {@code csv} for one format only). Not a
 * test: at 10 million rows it generates the files for about 10 minutes the first time, then runs for about 7.
 */
public final class CostImportBench {
    static final long HEAP_LIMIT = 1L << 30;
    static final double TARGET_RATIO = 1.5;
    private static final double MIB = 1024.0 * 1024.0;

    private CostImportBench() {}

    public static void main(String[] args) throws Exception {
        if (!Boolean.getBoolean("bench.forked")) {
            fork(args);
            return;
        }
        long rows = Long.getLong("bench.rows", 10_000_000);
        long seed = Long.getLong("bench.seed", 15);
        int runs = Integer.getInteger("bench.runs", 5);
        int warmup = Integer.getInteger("bench.warmup", 1);
        Path root = Path.of(System.getProperty(
                "bench.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "drumbeat-cost-bench")
                        .toString()));
        System.out.printf(
                "Date: %s%nMachine: %s%nJVM heap limit: %.0f MiB (%s)%nDuckDB %s%nLoad average before: %s%n%n",
                Instant.now(),
                Machine.describe(),
                Runtime.getRuntime().maxMemory() / MIB,
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")),
                duckVersion(),
                loadAverage());
        FocusMonth month = generate(root, rows, seed);
        CpuSnapshot cpuBefore = CpuSnapshot.now(Optional.empty());
        List<CostImportRounds.Measured> measured = new ArrayList<>();
        boolean cents = true;
        try (Database database = TestDatabase.fresh()) {
            Jdbi jdbi = database.jdbi();
            createRules(jdbi, month);
            CostImportService service = new CostImportService(jdbi, new AuditLog(Clock.systemUTC()), Clock.systemUTC());
            SqlTimings sql = SqlTimings.installOn(jdbi, Map.of());
            for (String format : formats()) {
                List<Path> files = format.equals("Parquet") ? month.parquet() : month.csvGz();
                FocusMonth.Totals totals = FocusMonth.totals(files);
                measured.add(CostImportRounds.measure(format, files, service, sql, warmup, runs));
                cents &= checkStored(format, jdbi, totals);
            }
        }
        CpuSnapshot cpuAfter = CpuSnapshot.now(Optional.empty());
        boolean met = report(measured, runs, warmup) & cents;
        double wall = (cpuAfter.nanos() - cpuBefore.nanos()) / 1e9;
        long jvm = cpuAfter.jvmTicks() - cpuBefore.jvmTicks();
        System.out.printf(
                "%nCPU in cores over the measured part (%.0f s): this JVM %.2f (DuckDB included), everything else"
                        + " %.2f (PostgreSQL and other sessions included); load average after: %s%n",
                wall,
                jvm / CpuSnapshot.TICKS_PER_SECOND / wall,
                (cpuAfter.allBusyTicks() - cpuBefore.allBusyTicks() - jvm) / CpuSnapshot.TICKS_PER_SECOND / wall,
                loadAverage());
        System.out.println(met ? "All targets met." : "A target was missed; see above.");
    }

    /** Parquet and gzip CSV, or only the one {@code -Dbench.formats=parquet} or {@code csv} names. */
    private static List<String> formats() {
        String named = System.getProperty("bench.formats", "parquet,csv");
        List<String> formats = new ArrayList<>();
        if (named.contains("parquet")) {
            formats.add("Parquet");
        }
        if (named.contains("csv")) {
            formats.add("gzip CSV");
        }
        return formats;
    }

    private static FocusMonth generate(Path root, long rows, long seed) throws IOException {
        long started = System.nanoTime();
        FocusMonth month = FocusMonth.at(root, rows, seed);
        System.out.printf(
                "%s %,d rows (seed %d) in %s%s%n  Parquet: %d parts, %.0f MiB; gzip CSV: %d parts, %.0f MiB%n%n",
                month.generatedNow() ? "Generated" : "Reused",
                rows,
                seed,
                month.folder(),
                month.generatedNow() ? String.format(" in %.0f s", (System.nanoTime() - started) / 1e9) : "",
                month.parquet().size(),
                size(month.parquet()),
                month.csvGz().size(),
                size(month.csvGz()));
        return month;
    }

    /** The workspace's services, and its rules through {@link CostRules#replace} as an admin uploads them. */
    private static void createRules(Jdbi jdbi, FocusMonth month) throws IOException {
        CostBenchRules.createServices(jdbi);
        String rules = CostBenchRules.csv(month.accountIds());
        Files.writeString(month.folder().resolve("rules.csv"), rules);
        int count = new CostRules(jdbi, new AuditLog(Clock.systemUTC()))
                .replace(CostBenchRules.TEAM, "bench", rules.getBytes(StandardCharsets.UTF_8));
        System.out.printf(
                "Workspace %s: %d allocation rules (as %s)%n",
                CostBenchRules.TEAM, count, month.folder().resolve("rules.csv"));
    }

    /** Allocated plus unallocated, as stored, against the files' total as DuckDB reads it: equal to the cent? */
    static boolean checkStored(String format, Jdbi jdbi, FocusMonth.Totals totals) {
        BigDecimal stored = one(jdbi, "select sum(effective_cost) from cost_periods where team_id = ?");
        BigDecimal allocated =
                one(jdbi, "select coalesce(sum(effective_cost), 0) from cost_allocations where team_id = ?");
        BigDecimal unallocated = one(jdbi, "select sum(unallocated_cost) from cost_periods where team_id = ?");
        BigDecimal rows = one(jdbi, "select sum(row_count) from cost_periods where team_id = ?");
        BigDecimal difference = allocated.add(unallocated).subtract(totals.effectiveCost());
        boolean cent = difference.abs().compareTo(new BigDecimal("0.005")) < 0
                && stored.subtract(totals.effectiveCost()).abs().compareTo(new BigDecimal("0.005")) < 0
                && rows.longValueExact() == totals.rows();
        System.out.printf(
                "%n%s, the files as DuckDB reads them: %,d rows, %,d resources, Tags on %.1f%% of rows, amortised"
                        + " %s, billed %s%n  stored: %s rows; allocated %s + unallocated %s (%.2f%%) = %s; difference"
                        + " %s: %s%n",
                format,
                totals.rows(),
                totals.resources(),
                100 * totals.taggedShare(),
                cents(totals.effectiveCost()),
                cents(totals.billedCost()),
                rows.toPlainString(),
                cents(allocated),
                cents(unallocated),
                100 * unallocated.doubleValue() / totals.effectiveCost().doubleValue(),
                cents(allocated.add(unallocated)),
                difference.stripTrailingZeros().toPlainString(),
                cent ? "equal to the cent" : "NOT EQUAL TO THE CENT");
        jdbi.useHandle(handle -> handle.createQuery("select s.key, round(sum(a.effective_cost), 2) from"
                        + " cost_allocations a join services s on s.id = a.service_id where a.team_id = ? group by"
                        + " s.key order by 2 desc limit 5")
                .bind(0, CostBenchRules.TEAM)
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString())
                .list()
                .forEach(line -> System.out.println("  largest services: " + line)));
        return cent;
    }

    private static boolean report(List<CostImportRounds.Measured> measured, int runs, int warmup) {
        System.out.printf(
                "%n%d measured rounds after %d warm-up, seconds (nearest rank: with 5 rounds p99 is the slowest; CPU is"
                        + " this JVM's, DuckDB's threads included):%n%n",
                runs, warmup);
        System.out.println("| format | what | p50 s | p99 s | max s | CPU p50 s |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (CostImportRounds.Measured m : measured) {
            row(m.format(), "floor: DuckDB `sum(EffectiveCost), count(*)` per account and month", m.floor());
            row(
                    m.format(),
                    "floor over the rules' columns: DuckDB's sums per account, month, currency, category,"
                            + " sub-account, provider service, resource, Tags and the month a correction corrects",
                    m.ruleColumns());
            row(m.format(), "**import**: `CostImportService.importFiles`", m.imports());
            System.out.printf(
                    "| %s | – of which PostgreSQL statements (JDBI SqlLogger, commit not included) | %s | |%n",
                    m.format(), CostImportRounds.p50p99max(m.postgres()));
        }
        System.out.println();
        System.out.println("| format | import / floor (DuckDB's own aggregate of every column the import reads), p50"
                + " (p99) | by CPU, p50 | import / DuckDB's sum of one column per account and month, p50 | by CPU, p50"
                + " | heap peak | live after GC | resident peak | targets |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        boolean met = true;
        for (CostImportRounds.Measured m : measured) {
            double p50 = ratio(m.imports().wall(), m.ruleColumns().wall(), 50);
            long heap = m.heap().stream().mapToLong(HeapWatch.Peak::used).max().orElse(0);
            boolean ratio = p50 <= TARGET_RATIO;
            boolean small = heap <= HEAP_LIMIT;
            met &= ratio && small;
            System.out.printf(
                    "| %s | %.2f× (%.2f×) | %.2f× | %.2f× | %.2f× | %.0f MiB | %.0f MiB | %.0f MiB"
                            + " | ratio ≤ %.1f× %s;"
                            + " heap ≤ 1 GiB %s |%n",
                    m.format(),
                    p50,
                    ratio(m.imports().wall(), m.ruleColumns().wall(), 99),
                    ratio(m.imports().cpu(), m.ruleColumns().cpu(), 50),
                    ratio(m.imports().wall(), m.floor().wall(), 50),
                    ratio(m.imports().cpu(), m.floor().cpu(), 50),
                    heap / MIB,
                    m.heap().stream()
                                    .mapToLong(HeapWatch.Peak::liveAfterGc)
                                    .max()
                                    .orElse(0)
                            / MIB,
                    m.heap().stream()
                                    .mapToLong(HeapWatch.Peak::residentPeak)
                                    .max()
                                    .orElse(-1)
                            / MIB,
                    TARGET_RATIO,
                    ratio ? "met" : "MISSED",
                    small ? "met" : "MISSED");
        }
        return met;
    }

    private static double ratio(double[] sorted, double[] floor, double percent) {
        return CostImportRounds.percentile(sorted, percent) / CostImportRounds.percentile(floor, percent);
    }

    private static void row(String format, String what, CostImportRounds.Series series) {
        System.out.printf(
                "| %s | %s | %s | %.2f |%n",
                format, what, CostImportRounds.p50p99max(series.wall()), CostImportRounds.percentile(series.cpu(), 50));
    }

    private static BigDecimal one(Jdbi jdbi, String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bind(0, CostBenchRules.TEAM)
                .mapTo(BigDecimal.class)
                .one());
    }

    private static String cents(BigDecimal amount) {
        return String.format("$%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double size(List<Path> files) throws IOException {
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        return bytes / MIB;
    }

    private static String duckVersion() throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet result = statement.executeQuery("select version()")) {
            result.next();
            return result.getString(1);
        }
    }

    private static String loadAverage() {
        try {
            return String.join(
                    " ",
                    Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" "))
                            .subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Runs this benchmark again in a JVM of its own with a 1 GiB heap, as Maven's JVM (where exec:java runs) has
     * Maven's heap, and passes on every {@code bench.*} setting.
     */
    private static void fork(String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Dbench.forked=true"));
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("bench.") && !name.equals("bench.main"))
                .sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of("-cp", SenderProcess.classpath(), CostImportBench.class.getName()));
        command.addAll(Arrays.asList(args));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the benchmark's JVM (-Xmx1g) ended with exit code " + exit);
        }
    }
}
