package dev.drumbeat.bench;

import dev.drumbeat.ask.advisor.AdvisorRules;
import dev.drumbeat.ask.advisor.Candidate;
import dev.drumbeat.ask.advisor.Optimiser;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The ask's parts timed one at a time, in this process, on the same database and with the same parameters as the
 * answer: the candidates query (alone, then with mapping to {@link Candidate}), the two name reads the parser makes,
 * the monthly cost, and the optimiser on the real candidates ({@code choose} and {@code nextBest}, as the advisor
 * calls them). Each part runs sequentially, after a warm-up, with nothing else loading the machine.
 */
final class AskStages {
    static final int WARMUP = 10;
    static final int SQL_RUNS = 100;
    static final int OPTIMISER_RUNS = 200;
    /** Frozen copies of {@code AskDao.serviceNames} and {@code AskDao.initiativeNames}, which that DAO keeps private. */
    static final String SERVICE_NAMES =
            "select key, name from services where team_id = :teamId and active order by key";

    static final String INITIATIVE_NAMES =
            "select key, name from initiatives where team_id = :teamId and status in ('planned', 'active') order by key";
    private final Jdbi jdbi;
    private final String teamId;
    private final PrintStream out;

    AskStages(Jdbi jdbi, String teamId, PrintStream out) {
        this.jdbi = jdbi;
        this.teamId = teamId;
        this.out = out;
    }

    void report(BigDecimal percent) {
        List<Candidate> candidates = jdbi.withHandle(h -> AskCandidates.read(h, teamId));
        BigDecimal monthlyCost = jdbi.withHandle(h -> AskCandidates.monthlyCost(h, teamId));
        BigDecimal target = AskCandidates.target(monthlyCost, percent);
        List<Candidate> eligible = AdvisorRules.standard().eligible(candidates);
        out.printf(
                Locale.ROOT,
                "%nThe parts, one at a time (%d runs each after %d warm-up; the optimiser %d): %,d candidates,"
                        + " %,d eligible, monthly cost %s, target %s%n%n",
                SQL_RUNS,
                WARMUP,
                OPTIMISER_RUNS,
                candidates.size(),
                eligible.size(),
                monthlyCost.toPlainString(),
                target.toPlainString());
        out.println("| part | runs | p50 ms | p99 ms | max ms |");
        out.println("|---|---:|---:|---:|---:|");
        row("candidates query, rows fetched, not mapped", time(SQL_RUNS, this::candidateRows));
        row(
                "candidates query, mapped to `Candidate`",
                time(SQL_RUNS, () -> jdbi.withHandle(h -> AskCandidates.read(h, teamId))));
        row("service and initiative names (the parser's two reads)", time(SQL_RUNS, this::names));
        row("monthly cost", time(SQL_RUNS, () -> jdbi.withHandle(h -> AskCandidates.monthlyCost(h, teamId))));
        row("`Optimiser.choose`", time(OPTIMISER_RUNS, () -> Optimiser.choose(eligible, target)));
        Optimiser.Choice chosen = Optimiser.choose(eligible, target);
        row("`Optimiser.nextBest`", time(OPTIMISER_RUNS, () -> Optimiser.nextBest(eligible, target, chosen)));
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of the candidates query with the answer's parameters. */
    void explain() {
        out.println("\nEXPLAIN (ANALYZE, BUFFERS) of the candidates query:\n");
        jdbi.useHandle(h -> h.createQuery("explain (analyze, buffers) " + AskCandidates.CANDIDATES)
                .bind("teamId", teamId)
                .mapTo(String.class)
                .forEach(out::println));
    }

    /** The query as the database answers it: every row fetched, nothing mapped, so only SQL and JDBC count. */
    private Integer candidateRows() {
        return jdbi.withHandle(h -> h.createQuery(AskCandidates.CANDIDATES)
                .bind("teamId", teamId)
                .map((rs, ctx) -> rs.getString(1))
                .list()
                .size());
    }

    private Integer names() {
        return jdbi.withHandle(h -> h.createQuery(SERVICE_NAMES)
                        .bind("teamId", teamId)
                        .mapToMap()
                        .list()
                        .size()
                + h.createQuery(INITIATIVE_NAMES)
                        .bind("teamId", teamId)
                        .mapToMap()
                        .list()
                        .size());
    }

    /** Runs {@code work} {@link #WARMUP} times, then {@code runs} times, and returns its times sorted. */
    static double[] time(int runs, Supplier<?> work) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private void row(String part, double[] sorted) {
        out.println(timesRow(part, sorted));
    }

    /** A row of a parts table: the part, its runs, p50, p99 and max in ms, from times sorted as {@link #time} returns them. */
    static String timesRow(String part, double[] sorted) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f |",
                part,
                sorted.length,
                OptimiserBench.percentile(sorted, 50),
                OptimiserBench.percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }
}
