package dev.drumbeat.dashboard;

import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.catalog.CatalogTotals;
import dev.drumbeat.catalog.CheckInSummary;
import dev.drumbeat.catalog.ServiceListing;
import dev.drumbeat.catalog.Tier;
import dev.drumbeat.chart.PlanActual;
import dev.drumbeat.costs.CostMonths;
import dev.drumbeat.escalation.EscalationDao;
import dev.drumbeat.escalation.EscalationService;
import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.Reason;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The dashboard's portfolio, built from the catalog's listing, the open "stale" escalations and the bills (through
 * {@link CostMonths}) rather than a definition of its own, in a fixed number of queries however large the catalog.
 * Read-only; thread-safe.
 */
public final class PortfolioService {
    private final CatalogService catalog;
    private final EscalationService escalations;
    private final Jdbi jdbi;
    private final Clock clock;
    private final CostMonths costs;

    public PortfolioService(CatalogService catalog, EscalationService escalations, Jdbi jdbi, Clock clock) {
        this.catalog = catalog;
        this.escalations = escalations;
        this.jdbi = jdbi;
        this.clock = clock;
        this.costs = new CostMonths(jdbi, clock);
    }

    /**
     * The filtered, sorted rows; the owners to filter by; the whole portfolio's totals by tier; and the month the
     * actual costs are from, when any whole month has bills.
     */
    record Portfolio(
            List<PortfolioRow> rows,
            int allServices,
            Map<String, String> owners,
            Map<String, CatalogTotals.Totals> tiers,
            Optional<BilledMonth> billed) {}

    Portfolio portfolio(String teamId, PortfolioFilter filter) {
        Map<String, String> names = names(teamId);
        Set<Long> stale = staleServiceIds(teamId);
        Optional<BilledMonth> billed = BilledMonth.read(costs, teamId);
        List<PortfolioRow> all = catalog.list(teamId, "", "").stream()
                .map(l -> row(l, names, stale, billed))
                .toList();
        return new Portfolio(filter.apply(all), all.size(), owners(all), tiers(all), billed);
    }

    Optional<ServiceDetail> detail(String teamId, String key) {
        return catalog.card(teamId, key).map(card -> {
            Map<String, String> names = names(teamId);
            Optional<BilledMonth> billed = BilledMonth.read(costs, teamId);
            PortfolioRow row = row(card.listing(), names, staleServiceIds(teamId), billed);
            return new ServiceDetail(
                    row,
                    card.service().deputyId().map(id -> names.getOrDefault(id, id)),
                    ServiceHistory.kpis(jdbi, teamId, card),
                    ServiceHistory.weeks(jdbi, teamId, card.service().id(), names),
                    PlanActual.read(
                            costs, teamId, card.service().id(), card.service().name(), row.plan()),
                    billed);
        });
    }

    private PortfolioRow row(
            ServiceListing listing, Map<String, String> names, Set<Long> stale, Optional<BilledMonth> billed) {
        Optional<CheckInSummary> last = listing.lastCheckIn();
        Optional<Long> days = last.map(c ->
                Math.max(0, Duration.between(c.submittedAt(), clock.instant()).toDays()));
        return new PortfolioRow(
                listing.service(),
                listing.service().ownerId().map(id -> names.getOrDefault(id, id)),
                last.map(CheckInSummary::status),
                days,
                stale.contains(listing.service().id()),
                listing.isOwnerless(),
                listing.deprioritisedBy().isPresent(),
                billed.map(BilledMonth::month),
                billed.flatMap(b -> b.actual(listing.service().id())));
    }

    private Map<String, String> names(String teamId) {
        return jdbi.withExtension(DashboardDao.class, dao -> dao.names(teamId));
    }

    private Set<Long> staleServiceIds(String teamId) {
        return escalations.listOpen(teamId, EnumSet.of(Reason.STALE), EscalationService.EVERY_OPEN).stream()
                .map(EscalationDao.Listed::subject)
                .filter(s -> s.kind().equals("service"))
                .map(Finding.Subject::id)
                .collect(Collectors.toSet());
    }

    /** Owners of listed services by user id, ordered by name, for the owner filter. */
    private static Map<String, String> owners(List<PortfolioRow> all) {
        return all.stream()
                .filter(r -> r.service().ownerId().isPresent())
                .map(r -> Map.entry(r.service().ownerId().get(), r.ownerName().orElseThrow()))
                .distinct()
                .sorted(Map.Entry.comparingByValue(Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Each tier's services, monthly cost and value now, strategic first. */
    private static Map<String, CatalogTotals.Totals> tiers(List<PortfolioRow> all) {
        Map<String, CatalogTotals.Totals> byTier = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            byTier.put(
                    tier.label(),
                    CatalogTotals.Totals.of(all.stream()
                            .map(PortfolioRow::service)
                            .filter(s -> s.tier() == tier)
                            .toList()));
        }
        return byTier;
    }
}
