package dev.drumbeat.bench;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Periods;
import dev.drumbeat.db.Database;
import dev.drumbeat.measure.Measurer;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.prometheus.PrometheusClient;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.PrometheusServer;
import dev.drumbeat.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Issue #16, "Speed": 10,000 bound KPIs evaluated for one week against a real Prometheus, by
 * {@link Measures#evaluateDue} as the evaluation job runs it (read the bindings, query Prometheus at most
 * {@code concurrency} at once, store every result and reading, move each binding on); against the floor, the same
 * 10,000 HTTP requests (same endpoint, form, headers, time and timeout) fired by a bare {@link HttpClient} from as many
 * threads, reading each body and nothing more. Each round runs both, in alternating order, each with a fresh client;
 * the time of every request is taken at the same point for both ({@link TimedHttpClient}, around {@code send}), with
 * the most requests in flight at once, and Prometheus's own count of the connections it accepted during the run.
 * Between rounds the week's results and readings are deleted and the bindings put back a week, outside the timing.
 * Run: {@code mvn -o -B -q -Pbench test-compile exec:java -Dbench.main=dev.drumbeat.bench.MeasureBench}; options
 * {@code -Dbench.kpis} (10000), {@code -Dbench.concurrency} (8, Drumbeat's default), {@code -Dbench.runs} (7),
 * {@code -Dbench.warmup} (2), {@code -Dbench.stepMinutes} (360, the gauges' sample interval). Not a test.
 */
public final class MeasureBench {
    static final double TARGET = 1.2;

    /** The SQL of the latest Drumbeat run, per kind: statements run, p50 and p99 ms each, and ms in all. */
    private static List<String> lastSql = List.of();

    private MeasureBench() {}

    record Run(String what, double seconds, long[] nanos, int mostInFlight, long connections) {
        double p(double q) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q * nanos.length);
            return nanos[Math.max(0, Math.min(nanos.length, rank) - 1)] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        int kpis = Integer.getInteger("bench.kpis", 10_000);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        int runs = Integer.getInteger("bench.runs", 7);
        int warmup = Integer.getInteger("bench.warmup", 2);
        Duration step = Duration.ofMinutes(Long.getLong("bench.stepMinutes", 360));
        System.out.printf(
                "Date: %s%nMachine: %s%nLoad average before: %s%n", Instant.now(), Machine.describe(), loadAverage());
        Path dir = Files.createTempDirectory("drumbeat-measure-bench");
        long started = System.nanoTime();
        try (PrometheusServer prometheus = MeasureBenchSetup.startPrometheus(dir, kpis, step);
                Database database = TestDatabase.fresh()) {
            System.out.printf(
                    "Prometheus on %,d gauges, a week every %d min, ready in %.0f s%n",
                    kpis, step.toMinutes(), (System.nanoTime() - started) / 1e9);
            Jdbi jdbi = database.jdbi();
            MeasureBenchSetup.seed(jdbi, kpis);
            SqlTimings sql = SqlTimings.installOn(
                    jdbi,
                    Map.of(
                            "from measure_bindings b", "read the bindings",
                            "insert into measure_results", "store results (a batch)",
                            "insert into kpi_readings", "store readings (a batch)",
                            "update measure_bindings b set evaluated_through", "move the bindings on"));
            int blocks = MeasureBenchSetup.awaitCompacted(prometheus.url());
            System.out.printf("Compacted into %d blocks; seeded %,d bound KPIs%n%n", blocks, kpis);
            List<Run[]> rounds = new ArrayList<>();
            for (int round = 0; round < warmup + runs; round++) {
                boolean floorFirst = round % 2 == 0;
                Run[] pair = new Run[2];
                for (int i = 0; i < 2; i++) {
                    boolean floor = (i == 0) == floorFirst;
                    MeasureBenchSetup.reset(jdbi);
                    Run run = floor
                            ? floor(prometheus.url(), kpis, concurrency)
                            : drumbeat(jdbi, sql, prometheus.url(), kpis, concurrency);
                    pair[floor ? 0 : 1] = run;
                }
                System.out.printf(
                        "%s %d: floor %.3f s, Drumbeat %.3f s, ratio %.3f (in flight at most %d and %d; connections"
                                + " accepted %d and %d)%n",
                        round < warmup ? "warm-up" : "round",
                        round < warmup ? round + 1 : round - warmup + 1,
                        pair[0].seconds(),
                        pair[1].seconds(),
                        pair[1].seconds() / pair[0].seconds(),
                        pair[0].mostInFlight(),
                        pair[1].mostInFlight(),
                        pair[0].connections(),
                        pair[1].connections());
                if (round >= warmup) {
                    rounds.add(pair);
                }
            }
            report(rounds, concurrency);
            System.out.printf("%nSQL of the last Drumbeat run (the mean column is its total, ms):%n");
            lastSql.forEach(System.out::println);
        } finally {
            DatabaseFolder.delete(dir);
        }
        System.out.printf("Load average after: %s%n", loadAverage());
    }

    private static Run floor(URI prometheus, int kpis, int concurrency) throws Exception {
        long before = MeasureBenchSetup.acceptedConnections(prometheus);
        TimedHttpClient http = new TimedHttpClient(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build());
        http.reset(kpis);
        long started = System.nanoTime();
        int answered = MeasureBenchFloor.fire(http, prometheus, kpis, concurrency);
        double seconds = (System.nanoTime() - started) / 1e9;
        long connections = MeasureBenchSetup.acceptedConnections(prometheus) - before - 1;
        if (answered != kpis) {
            throw new IllegalStateException("the floor had " + (kpis - answered) + " requests fail");
        }
        return new Run("floor", seconds, http.sortedNanos(), http.mostInFlight(), connections);
    }

    private static Run drumbeat(Jdbi jdbi, SqlTimings sql, URI prometheus, int kpis, int concurrency) throws Exception {
        long before = MeasureBenchSetup.acceptedConnections(prometheus);
        TimedHttpClient http = new TimedHttpClient(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build());
        http.reset(kpis);
        Measurer measurer = new Measurer(
                Optional.of(new PrometheusClient(
                        http,
                        new PrometheusClient.Settings(
                                prometheus, Optional.empty(), Duration.ofSeconds(10), concurrency))),
                concurrency);
        MutableClock clock = new MutableClock(MeasureBenchSetup.PERIOD_END.plusSeconds(300));
        Measures.Evaluation evaluation;
        double seconds;
        try (Measures measures =
                new Measures(jdbi, new AuditLog(clock), measurer, new Periods(DayOfWeek.MONDAY, 9), clock)) {
            sql.start();
            long started = System.nanoTime();
            evaluation = measures.evaluateDue();
            seconds = (System.nanoTime() - started) / 1e9;
            sql.stop();
        }
        lastSql = sql.table(1);
        long connections = MeasureBenchSetup.acceptedConnections(prometheus) - before - 1;
        long right = MeasureBenchSetup.storedRight(jdbi);
        if (evaluation.measured() != kpis || evaluation.results().size() != kpis || right != kpis) {
            throw new IllegalStateException("Drumbeat measured " + evaluation.measured() + " of " + kpis + " ("
                    + evaluation.results().size() + " results, " + right + " stored right): "
                    + evaluation.results().stream()
                            .filter(r -> !r.measured())
                            .limit(3)
                            .map(r -> r.detail())
                            .toList());
        }
        return new Run("Drumbeat", seconds, http.sortedNanos(), http.mostInFlight(), connections);
    }

    private static void report(List<Run[]> rounds, int concurrency) {
        double[] ratios = rounds.stream()
                .mapToDouble(p -> p[1].seconds() / p[0].seconds())
                .sorted()
                .toArray();
        double median = median(ratios);
        System.out.printf("%n| what | total s, median (min–max) | p50 ms | p99 ms | max in flight | connections |%n");
        System.out.printf("|---|---:|---:|---:|---:|---:|%n");
        for (int side = 0; side < 2; side++) {
            int s = side;
            double[] totals =
                    rounds.stream().mapToDouble(p -> p[s].seconds()).sorted().toArray();
            long[] all = rounds.stream()
                    .flatMapToLong(p -> Arrays.stream(p[s].nanos()))
                    .sorted()
                    .toArray();
            Run pooled = new Run("", 0, all, 0, 0);
            System.out.printf(
                    "| %s | %.3f (%.3f–%.3f) | %.2f | %.2f | %d | %d |%n",
                    side == 0 ? "floor: bare HttpClient" : "Drumbeat: Measures.evaluateDue",
                    median(totals),
                    totals[0],
                    totals[totals.length - 1],
                    pooled.p(0.50),
                    pooled.p(0.99),
                    rounds.stream().mapToInt(p -> p[s].mostInFlight()).max().orElse(0),
                    rounds.stream().mapToLong(p -> p[s].connections()).max().orElse(0));
        }
        System.out.printf(
                "%nRatio Drumbeat / floor per round: %s; median %.3f (target ≤ %.1f: %s). Concurrency %d.%n",
                Arrays.toString(Arrays.stream(ratios)
                        .mapToObj(r -> String.format("%.3f", r))
                        .toArray()),
                median,
                TARGET,
                median <= TARGET ? "met" : "missed",
                concurrency);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
