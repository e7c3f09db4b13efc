package dev.drumbeat.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Times every statement Drumbeat runs through its {@link Jdbi}, from execution to the JDBC result (all rows fetched,
 * before mapping), so the end-to-end latency can be split into its SQL and the rest. Installed on the {@code Jdbi}
 * before Drumbeat starts, so every handle it opens carries it. Statements are told apart by their text, with the kinds
 * the benchmark names: the ask's ({@link #askKinds()}) or the dashboard's ({@link DashboardStatements#kinds()}).
 * Thread-safe.
 */
final class SqlTimings implements SqlLogger {
    static final List<String> HEADER =
            List.of("| statement | per request | p50 ms | p99 ms | mean ms per request |", "|---|---:|---:|---:|---:|");
    /** What a statement is, by a phrase only its text contains; the first that matches names it. */
    private final Map<String, String> kinds;

    private final ThreadLocal<Long> started = new ThreadLocal<>();
    private final ConcurrentLinkedQueue<Timed> timed = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;

    private record Timed(String kind, long nanos) {}

    private SqlTimings(Map<String, String> kinds) {
        this.kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    }

    /** The ask's statements, by a phrase only each one's text contains. */
    static Map<String, String> askKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("with live_service", "candidates (`AdvisorDao/candidates.sql`)");
        kinds.put("select key, name from services", "service names (`AskParsers`)");
        kinds.put("select key, name from initiatives", "initiative names (`AskParsers`)");
        kinds.put("coalesce(sum(unit_cost", "monthly cost (`AskDao.monthlyCost`)");
        kinds.put("insert into asks", "keep the answer (`AskDao.insert`)");
        kinds.put("from people", "who is asking (`PeopleService.actorFor`)");
        kinds.put("slack_outbox", "outbox sender's poll (background, not the ask's)");
        return kinds;
    }

    /** Installs timings on {@code jdbi} that name statements by {@code kinds}, phrase to name, the first match winning. */
    static SqlTimings installOn(Jdbi jdbi, Map<String, String> kinds) {
        SqlTimings timings = new SqlTimings(kinds);
        jdbi.getConfig(SqlStatements.class).setSqlLogger(timings);
        return timings;
    }

    /** Forgets what was timed so far and starts keeping what runs from now on. */
    void start() {
        timed.clear();
        recording = true;
    }

    void stop() {
        recording = false;
    }

    @Override
    public void logBeforeExecution(StatementContext context) {
        started.set(System.nanoTime());
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        Long begun = started.get();
        if (recording && begun != null) {
            timed.add(new Timed(kindOf(context.getRawSql()), System.nanoTime() - begun));
        }
    }

    /** A Markdown table: each kind of statement, how many ran per request, p50, p99 and the mean per request. */
    List<String> table(int requests) {
        List<String> table = new ArrayList<>(HEADER);
        table.addAll(kindRows(requests));
        return table;
    }

    /** The table's rows without its {@link #HEADER}, then a last row with all the request's SQL. */
    List<String> rows(int requests) {
        List<String> rows = kindRows(requests);
        rows.add(String.format(
                Locale.ROOT, "| **all the request's SQL** | | | | **%.2f** |", millisPerRequest(requests)));
        return rows;
    }

    /** The mean time per request in SQL, leaving out background statements. */
    double millisPerRequest(int requests) {
        return timed.stream()
                        .filter(t -> !t.kind().contains("background"))
                        .mapToLong(Timed::nanos)
                        .sum()
                / 1e6
                / requests;
    }

    private List<String> kindRows(int requests) {
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        kinds.values().forEach(kind -> byKind.put(kind, new ArrayList<>()));
        timed.forEach(
                t -> byKind.computeIfAbsent(t.kind(), k -> new ArrayList<>()).add(t.nanos()));
        List<String> rows = new ArrayList<>();
        byKind.forEach((kind, nanos) -> {
            if (!nanos.isEmpty()) {
                rows.add(row(kind, nanos, requests));
            }
        });
        return rows;
    }

    private static String row(String kind, List<Long> nanos, int requests) {
        double[] ms = nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        double total = Arrays.stream(ms).sum();
        return String.format(
                Locale.ROOT,
                "| %s | %.2f | %.2f | %.2f | %.2f |",
                kind,
                nanos.size() / (double) requests,
                OptimiserBench.percentile(ms, 50),
                OptimiserBench.percentile(ms, 99),
                total / requests);
    }

    private String kindOf(String sql) {
        String text = sql == null ? "" : sql.replaceAll("\\s+", " ").strip();
        return kinds.entrySet().stream()
                .filter(e -> text.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("other: " + (text.length() > 60 ? text.substring(0, 60) + "…" : text));
    }
}
