package dev.drumbeat.sandbox;

import dev.drumbeat.okr.Quarter;
import dev.drumbeat.sandbox.DemoPortfolioCatalog.KpiRow;
import dev.drumbeat.sandbox.DemoPortfolioCatalog.ServiceRow;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;

/**
 * The portfolio {@code drumbeat demo} starts with: Northwind Bank, a mid-sized bank's IT services business
 * plan. Forty-five services in three tiers, their KPIs with twelve weeks of readings, weekly check-ins
 * (some amber, some red, a few gone quiet), ownerless services, four initiatives led by a cloud
 * migration, and this quarter's and last quarter's OKRs. Everything is deterministic and dated relative to the
 * clock, so a newcomer always sees "the last twelve weeks"; the weeks after are {@link DemoColleagues}'. The service
 * list lives in {@code demo/*.csv}. Thread-safe; holds no state.
 */
public final class DemoPortfolio {

    /** The stand-in Slack workspace's team, as its auth.test answers. */
    public static final String TEAM_ID = SlackStandIn.TEAM_ID;

    private static final String WORKSPACE_NAME = "Northwind Bank";
    private static final int WEEKS = 12;
    /** Rows are dated as if the catalog was set up half a year ago, so nothing looks brand new. */
    private static final Duration AGE = Duration.ofDays(182);

    private final Clock clock;

    public DemoPortfolio(Clock clock) {
        this.clock = clock;
    }

    /** A person of the demo workspace, with their Slack id, time zone, Drumbeat role and job title. */
    public record DemoPerson(String userId, String handle, String realName, String tz, String role, String title) {}

    /** How many rows the demo workspace holds. */
    public record Summary(int people, int services, int kpis, int readings, int checkIns, int initiatives) {}

    /** True when the demo workspace already has services. */
    public boolean isLoaded(Jdbi jdbi) {
        return jdbi.withExtension(DemoPortfolioDao.class, dao -> dao.hasServices(TEAM_ID));
    }

    /** Loads the portfolio in one transaction; when the workspace already has services it changes nothing. */
    public Summary load(Jdbi jdbi) {
        return jdbi.inTransaction(handle -> {
            DemoPortfolioDao dao = handle.attach(DemoPortfolioDao.class);
            dao.claimWorkspace(TEAM_ID, WORKSPACE_NAME);
            if (!dao.hasServices(TEAM_ID)) {
                write(
                        new DemoPortfolioWriter(dao, TEAM_ID, clock.instant().minus(AGE)),
                        new DemoPortfolioOkrWriter(dao, TEAM_ID));
            }
            return dao.count(TEAM_ID);
        });
    }

    /** Everyone in the demo workspace, including the one who has left (see {@link #deactivatedUserIds()}). */
    public List<DemoPerson> people() {
        return DemoPortfolioPeople.ALL;
    }

    /** People deactivated in Slack; they still own a service, which is what makes it ownerless. */
    public Set<String> deactivatedUserIds() {
        return DemoPortfolioPeople.DEACTIVATED;
    }

    /** The Mondays of the twelve whole weeks before this one (UTC), oldest first. */
    static List<LocalDate> weeksBefore(Clock clock) {
        LocalDate thisMonday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return IntStream.rangeClosed(1, WEEKS)
                .mapToObj(week -> thisMonday.minusWeeks(WEEKS + 1 - week))
                .toList();
    }

    private void write(DemoPortfolioWriter writer, DemoPortfolioOkrWriter okrs) {
        Map<String, DemoPerson> people = DemoPortfolioPeople.byHandle();
        List<ServiceRow> services = DemoPortfolioCatalog.services();
        List<KpiRow> kpis = DemoPortfolioCatalog.kpis();
        List<LocalDate> weeks = weeksBefore(clock);
        writer.people(DemoPortfolioPeople.ALL, DemoPortfolioPeople.DEACTIVATED);
        writer.services(services, people);
        writer.kpis(kpis);
        writer.readings(DemoPortfolioReadings.draw(kpis, weeks));
        writer.checkIns(DemoPortfolioCheckIns.write(services, DemoPortfolioCatalog.hurdles(), people, weeks));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        writer.initiatives(DemoPortfolioInitiatives.ALL, people, today);
        okrs.write(DemoPortfolioOkrs.ALL, kpis, people, Quarter.of(today));
    }
}
