package dev.drumbeat.bench;

import dev.drumbeat.catalog.CatalogDao;
import dev.drumbeat.catalog.CatalogTotals;
import dev.drumbeat.escalation.EscalationDao;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * The portfolio's reads timed alone, in this process, on the same database, one after another with nothing else
 * running: the listing of every service with its latest check-in (rows fetched only, then mapped as Drumbeat maps
 * them), everyone's names, the open stale escalations and the totals by tier; then the listing's plan. With the SQL
 * each page ran over HTTP, this splits a page's time into SQL, mapping, and the Java that filters, sorts and renders.
 */
final class DashboardStages {
    static final int RUNS = 50;
    private static final String LISTING =
            CatalogDao.LISTING + " where s.team_id = :teamId and s.active order by lower(s.name)";
    /** A frozen copy of {@code DashboardDao.names}: it does not follow a change to the DAO's query. */
    private static final String NAMES =
            "select user_id, coalesce(nullif(real_name, ''), name) as name from people where team_id = :teamId";

    private final Jdbi jdbi;
    private final String teamId;
    private final PrintStream out;

    DashboardStages(Jdbi jdbi, String teamId, PrintStream out) {
        this.jdbi = jdbi;
        this.teamId = teamId;
        this.out = out;
    }

    void report() {
        out.printf(
                Locale.ROOT,
                "%nThe portfolio's reads, one at a time (%d runs each after %d warm-up):%n%n",
                RUNS,
                AskStages.WARMUP);
        out.println("| part | runs | p50 ms | p99 ms | max ms |");
        out.println("|---|---:|---:|---:|---:|");
        row(
                "every service with its latest check-in, rows fetched, not mapped",
                AskStages.time(
                        RUNS,
                        () -> jdbi.withHandle(h -> h.createQuery(LISTING)
                                .bind("teamId", teamId)
                                .map((rs, ctx) -> rs.getLong("id"))
                                .list()
                                .size())));
        row(
                "the same, mapped to `ServiceListing` (`CatalogDao.listServices`)",
                AskStages.time(
                        RUNS,
                        () -> jdbi.withExtension(CatalogDao.class, dao -> dao.listServices(teamId))
                                .size()));
        row(
                "display names of everyone (`DashboardDao.names`)",
                AskStages.time(
                        RUNS,
                        () -> jdbi.withHandle(h -> h.createQuery(NAMES)
                                .bind("teamId", teamId)
                                .mapToMap()
                                .list()
                                .size())));
        row(
                "open stale escalations (`EscalationDao.listOpen`)",
                AskStages.time(
                        RUNS,
                        () -> jdbi.withExtension(
                                        EscalationDao.class,
                                        dao -> dao.listOpen(teamId, new String[] {"stale"}, 100_000))
                                .size()));
        row(
                "totals by tier (`CatalogTotals`, as the tier chart reads them)",
                AskStages.time(
                        RUNS,
                        () -> jdbi.withHandle(
                                h -> CatalogTotals.at(h, teamId, Instant.parse("9999-01-01T00:00:00Z")))));
        out.println("\nEXPLAIN (ANALYZE, BUFFERS) of every service with its latest check-in:\n");
        jdbi.useHandle(h -> h.createQuery("explain (analyze, buffers) " + LISTING)
                .bind("teamId", teamId)
                .mapTo(String.class)
                .forEach(out::println));
    }

    private void row(String part, double[] sorted) {
        out.println(AskStages.timesRow(part, sorted));
    }
}
