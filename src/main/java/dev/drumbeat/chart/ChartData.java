package dev.drumbeat.chart;

import dev.drumbeat.catalog.CatalogTotals;
import dev.drumbeat.checkin.Kpi;
import dev.drumbeat.costs.CostMonths;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads what a chart shows: a KPI's trend over the last {@link #WEEKS} check-in periods, a service's plan against its
 * bills ({@link PlanActual}, through {@link CostMonths}), and the portfolio's totals by tier (through {@link CatalogTotals}, so a digest's chart shows the catalog as it stood when the digest went out).
 * Thread-safe.
 */
public final class ChartData {
    public static final int WEEKS = 12;
    /** Later than any change, so {@link CatalogTotals} counts every active service as it is now, whatever the clocks. */
    private static final Instant AFTER_EVERY_CHANGE = Instant.parse("9999-01-01T00:00:00Z");

    private final Jdbi jdbi;
    private final Clock clock;
    private final CostMonths costs;

    public ChartData(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.costs = new CostMonths(jdbi, clock);
    }

    /** The KPI's trend, or empty when the workspace has no such KPI. */
    Optional<KpiTrend> trend(String teamId, long kpiId) {
        return jdbi.withExtension(
                ChartDao.class,
                dao -> dao.kpi(teamId, kpiId)
                        .map(kpi -> trends(dao, teamId, List.of(kpi)).get(0)));
    }

    /** The trends of a service's KPIs, in the card's order (by name). */
    List<KpiTrend> trendsOf(String teamId, long serviceId) {
        return jdbi.withExtension(ChartDao.class, dao -> trends(dao, teamId, dao.kpisOf(teamId, serviceId)));
    }

    /** A service's plan against its bills over the last six months, or empty when the workspace has no such service. */
    Optional<PlanActual> planActual(String teamId, long serviceId) {
        return jdbi.withExtension(ChartDao.class, dao -> dao.plannedService(teamId, serviceId))
                .map(s -> PlanActual.read(costs, teamId, serviceId, s.name(), s.plan()));
    }

    /** Totals by tier as the catalog stands now. */
    TierCosts tierCosts(String teamId) {
        return new TierCosts(totals(teamId, AFTER_EVERY_CHANGE), clock.instant());
    }

    /** Totals by tier as the catalog stood at {@code at}, rolled back through the audit log. */
    TierCosts tierCosts(String teamId, Instant at) {
        return new TierCosts(totals(teamId, at), at);
    }

    private Map<String, CatalogTotals.Totals> totals(String teamId, Instant at) {
        return jdbi.withHandle(handle -> CatalogTotals.at(handle, teamId, at));
    }

    private List<KpiTrend> trends(ChartDao dao, String teamId, List<Kpi> kpis) {
        if (kpis.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate since = today.minusWeeks(WEEKS);
        Map<Long, List<TrendPoint>> byKpi = dao
                .readings(teamId, kpis.stream().map(Kpi::id).toList(), since)
                .stream()
                .collect(Collectors.groupingBy(TrendPoint::kpiId));
        return kpis.stream()
                .map(k -> new KpiTrend(k, WEEKS, since, today, byKpi.getOrDefault(k.id(), List.of())))
                .toList();
    }
}
