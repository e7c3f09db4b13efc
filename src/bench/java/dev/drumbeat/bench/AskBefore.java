package dev.drumbeat.bench;

import java.io.PrintStream;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * The candidates query as it was before each KPI kept its latest reading (migration V10), timed on the same database
 * in the same run: the same query, but finding each KPI's latest reading with a search of its readings (a lateral
 * probe of {@code kpi_readings_latest} per KPI). It shows what the kept value saves. The text is the only copy of that
 * old probe; {@code candidates.sql} itself no longer has it.
 */
final class AskBefore {
    /** The on-target filter of {@code candidates.sql} today, replaced below by the per-KPI search it replaced. */
    static final String KEPT = "where case when k.direction = 'up' then k.latest_value >= k.target"
            + " else k.latest_value <= k.target end";
    /** A frozen copy of the old per-KPI probe, kept as it was before V10. */
    static final String SEARCHED = """
            cross join lateral (select r.value
                                  from kpi_readings r
                                 where r.kpi_id = k.id
                                 order by r.period_start desc, r.recorded_at desc, r.id desc
                                 limit 1) r
             where case when k.direction = 'up' then r.value >= k.target else r.value <= k.target end""";

    private final Jdbi jdbi;
    private final PrintStream out;

    AskBefore(Jdbi jdbi, PrintStream out) {
        this.jdbi = jdbi;
        this.out = out;
    }

    void report(String teamId) {
        String current = AskCandidates.CANDIDATES.replaceAll("\\s+", " ");
        if (!current.contains(KEPT)) {
            out.println("\nBefore V10: skipped, candidates.sql no longer has the on-target filter this replaces");
            return;
        }
        String before = current.replace(KEPT, SEARCHED);
        double[] now = time(current, teamId);
        double[] then = time(before, teamId);
        out.printf(
                Locale.ROOT,
                "%nThe candidates query, %d runs each after %d warm-up runs, rows fetched:%n%n"
                        + "| query | p50 ms | p99 ms | max ms |%n|---|---:|---:|---:|%n",
                AskStages.SQL_RUNS,
                AskStages.WARMUP);
        row("each KPI's latest reading kept on the KPI (V10, what runs)", now);
        row("each KPI's latest reading searched for (before V10)", then);
    }

    private double[] time(String sql, String teamId) {
        return AskStages.time(
                AskStages.SQL_RUNS,
                () -> jdbi.withHandle(h -> h.createQuery(sql)
                        .bind("teamId", teamId)
                        .map((rs, ctx) -> rs.getString(1))
                        .list()
                        .size()));
    }

    private void row(String what, double[] ms) {
        out.printf(
                Locale.ROOT,
                "| %s | %.1f | %.1f | %.1f |%n",
                what,
                OptimiserBench.percentile(ms, 50),
                OptimiserBench.percentile(ms, 99),
                ms[ms.length - 1]);
    }
}
