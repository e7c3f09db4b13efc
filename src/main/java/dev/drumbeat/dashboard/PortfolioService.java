package dev.drumbeat.dashboard;

import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.catalog.CatalogTotals;
import dev.drumbeat.catalog.CheckInSummary;
import dev.drumbeat.catalog.ServiceListing;
import dev.drumbeat.catalog.Tier;
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
 * The dashboard's portfolio, built from the catalog's listing and the open "stale" escalations rather than a
 * definition of its own, in a fixed number of queries however large the catalog. Read-only; thread-safe.
 */
public final class PortfolioService {
    private final CatalogService catalog;
    private final EscalationService escalations;
    private final Jdbi jdbi;
    private final Clock clock;

    public PortfolioService(CatalogService catalog, EscalationService escalations, Jdbi jdbi, Clock clock) {
        this.catalog = catalog;
        this.escalations = escalations;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The filtered, sorted rows; the owners to filter by; and the whole portfolio's totals by tier. */
    record Portfolio(
            List<PortfolioRow> rows,
            int allServices,
            Map<String, String> owners,
            Map<String, CatalogTotals.Totals> tiers) {}

    Portfolio portfolio(String teamId, PortfolioFilter filter) {
        Map<String, String> names = names(teamId);
        Set<Long> stale = staleServiceIds(teamId);
        List<PortfolioRow> all = catalog.list(teamId, "", "").stream()
                .map(l -> row(l, names, stale))
                .toList();
        return new Portfolio(filter.apply(all), all.size(), owners(all), tiers(all));
    }

    Optional<ServiceDetail> detail(String teamId, String key) {
        return catalog.card(teamId, key).map(card -> {
            Map<String, String> names = names(teamId);
            PortfolioRow row = row(card.listing(), names, staleServiceIds(teamId));
            return new ServiceDetail(
                    row,
                    card.service().deputyId().map(id -> names.getOrDefault(id, id)),
                    ServiceHistory.kpis(jdbi, teamId, card),
                    ServiceHistory.weeks(jdbi, teamId, card.service().id(), names));
        });
    }

    private PortfolioRow row(ServiceListing listing, Map<String, String> names, Set<Long> stale) {
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
                listing.deprioritisedBy().isPresent());
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
