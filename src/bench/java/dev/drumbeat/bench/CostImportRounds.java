package dev.drumbeat.bench;

import dev.drumbeat.costs.CostImportService;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The measured rounds of {@link CostImportBench} for one format: in each round the floor, the floor over the rules'
 * columns, then the import, each timed by the wall clock and by this JVM's CPU time (DuckDB runs in this process;
 * PostgreSQL does not). CPU time says more than wall time when other processes take the cores.
 */
final class CostImportRounds {
    /** The floor the issue names: DuckDB's own sum of the amortised cost per billing account and month. */
    static final String FLOOR = "select BillingAccountId, BillingPeriodStart, sum(EffectiveCost), count(*) as rows"
            + " from $files group by BillingAccountId, BillingPeriodStart";
    /**
     * DuckDB's own sums per distinct value of every column an import with rules must read: the same aggregate, but
     * over the columns (Tags, ResourceId, …) that a Parquet floor of three columns never opens, and the month a
     * correction corrects (ChargeClass, ChargePeriodStart), which every import must find.
     */
    static final String RULE_COLUMNS = "select count(*) as groups, sum(n) as rows from (select BillingAccountId,"
            + " BillingPeriodStart, BillingCurrency, ChargeCategory, SubAccountId, SubAccountName, ServiceName,"
            + " ResourceId, Tags, case when ChargeClass = 'Correction' then date_trunc('month', ChargePeriodStart)"
            + " end as corrected, sum(EffectiveCost), sum(BilledCost), count(*) as n from $files group by all)";

    private static final Currency USD = Currency.getInstance("USD");
    private static final double MIB = 1024.0 * 1024.0;

    /** Seconds per measured round, wall and CPU, each sorted on its own. */
    record Series(double[] wall, double[] cpu) {
        static Series of(List<double[]> samples) {
            return new Series(
                    samples.stream().mapToDouble(s -> s[0]).sorted().toArray(),
                    samples.stream().mapToDouble(s -> s[1]).sorted().toArray());
        }
    }

    /** One format's rounds: the two floors, the import, its PostgreSQL statements, and the heap each import needed. */
    record Measured(
            String format,
            Series floor,
            Series ruleColumns,
            Series imports,
            double[] postgres,
            List<HeapWatch.Peak> heap) {}

    private CostImportRounds() {}

    /** {@code warmup} rounds not counted, then {@code runs} that are. */
    static Measured measure(
            String format, List<Path> files, CostImportService service, SqlTimings sql, int warmup, int runs)
            throws SQLException {
        List<double[]> floors = new ArrayList<>();
        List<double[]> ruleColumns = new ArrayList<>();
        List<double[]> imports = new ArrayList<>();
        List<Double> postgres = new ArrayList<>();
        List<HeapWatch.Peak> heap = new ArrayList<>();
        for (int round = 0; round < warmup + runs; round++) {
            double[] floor = aggregate(files, FLOOR);
            double[] columns = aggregate(files, RULE_COLUMNS);
            double[] imported;
            HeapWatch.Peak peak;
            try (HeapWatch watch = HeapWatch.start()) {
                sql.start();
                long wall = System.nanoTime();
                long cpu = cpuNanos();
                service.importFiles(CostBenchRules.TEAM, "bench", files, USD);
                imported = new double[] {(System.nanoTime() - wall) / 1e9, (cpuNanos() - cpu) / 1e9};
                sql.stop();
                peak = watch.peak();
            }
            double statements = sql.millisPerRequest(1) / 1000;
            print(format, round, warmup, floor, columns, imported, statements, peak);
            if (round >= warmup) {
                floors.add(floor);
                ruleColumns.add(columns);
                imports.add(imported);
                postgres.add(statements);
                heap.add(peak);
            }
        }
        return new Measured(
                format,
                Series.of(floors),
                Series.of(ruleColumns),
                Series.of(imports),
                postgres.stream().mapToDouble(d -> d).sorted().toArray(),
                heap);
    }

    private static void print(
            String format,
            int round,
            int warmup,
            double[] floor,
            double[] columns,
            double[] imported,
            double statements,
            HeapWatch.Peak peak) {
        System.out.printf(
                "  %s round %d%s: floor %.2f s (CPU %.2f s), rules' columns %.2f s (CPU %.2f s), import %.2f s (CPU"
                        + " %.2f s; PostgreSQL statements %.3f s), heap peak %.0f MiB (%s), resident peak %.0f MiB%n",
                format,
                round + 1,
                round < warmup ? " (warm-up)" : "",
                floor[0],
                floor[1],
                columns[0],
                columns[1],
                imported[0],
                imported[1],
                statements,
                peak.used() / MIB,
                peak.collections() == 0
                        ? "no GC"
                        : String.format(
                                "%d GCs, at most %.0f MiB live after one",
                                peak.collections(), peak.liveAfterGc() / MIB),
                peak.residentPeak() / MIB);
    }

    /**
     * One DuckDB aggregate over the files, through the same JDBC driver and a fresh in-memory database, as an import
     * opens one: its wall and CPU seconds. Parquet is read as written; CSV with DuckDB's own type detection.
     */
    static double[] aggregate(List<Path> files, String sql) throws SQLException {
        String list = files.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ", "[", "]"));
        String source =
                files.get(0).toString().endsWith(".parquet") ? "read_parquet(" + list + ")" : "read_csv(" + list + ")";
        long wall = System.nanoTime();
        long cpu = cpuNanos();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet result = statement.executeQuery(sql.replace("$files", source))) {
            long rows = 0;
            while (result.next()) {
                rows += result.getLong("rows");
            }
            if (rows == 0) {
                throw new IllegalStateException("the floor read no rows");
            }
        }
        return new double[] {(System.nanoTime() - wall) / 1e9, (cpuNanos() - cpu) / 1e9};
    }

    /** The CPU time of every thread of this JVM so far: Java's, the collector's and DuckDB's. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double percentile(double[] sorted, double percent) {
        return OptimiserBench.percentile(sorted, percent);
    }

    static String p50p99max(double[] sorted) {
        return String.format(
                "%.2f | %.2f | %.2f",
                percentile(sorted, 50),
                percentile(sorted, 99),
                Arrays.stream(sorted).max().orElse(0));
    }
}
