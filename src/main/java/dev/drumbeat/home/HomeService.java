package dev.drumbeat.home;

import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.catalog.CatalogTotals;
import dev.drumbeat.catalog.CheckInSummary;
import dev.drumbeat.catalog.ServiceListing;
import dev.drumbeat.checkin.CheckInService;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Role;
import dev.drumbeat.escalation.EscalationDao;
import dev.drumbeat.escalation.EscalationService;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.okr.OkrHome;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Gathers what a person's Home tab shows from the features that own it, and for leadership and admins the
 * portfolio's health too. Thread-safe.
 */
public final class HomeService {
    /** How many risks leadership's health view lists. */
    static final int TOP_RISKS = 5;
    /** The {@link Portfolio#byStatus} key of services that have never checked in. */
    static final String NEVER_CHECKED_IN = "never";

    private final CatalogService catalog;
    private final CheckInService checkIns;
    private final EscalationService escalations;
    private final OkrHome okrs;

    public HomeService(CatalogService catalog, CheckInService checkIns, EscalationService escalations, OkrHome okrs) {
        this.catalog = catalog;
        this.checkIns = checkIns;
        this.escalations = escalations;
        this.okrs = okrs;
    }

    /** What a Home tab shows, all for one person; {@code portfolio} only for leadership and admins. */
    record Facts(
            List<ServiceListing> services,
            CheckInService.Pending pending,
            List<EscalationDao.Listed> escalations,
            List<String> keyResults,
            Optional<Portfolio> portfolio) {}

    /**
     * The portfolio's health for leadership: services by the status of their latest check-in, whatever its week
     * ({@link #NEVER_CHECKED_IN} when there is none), how many are ownerless, stale and
     * escalated, monthly cost and value, and the highest open escalations.
     */
    record Portfolio(
            Map<String, Long> byStatus,
            long ownerless,
            long stale,
            long escalated,
            BigDecimal monthlyCost,
            BigDecimal monthlyValue,
            List<EscalationDao.Listed> topRisks) {}

    Facts factsFor(Actor actor) {
        String teamId = actor.teamId();
        List<ServiceListing> all = catalog.list(teamId, "", actor.userId());
        List<ServiceListing> mine = catalog.list(teamId, "mine", actor.userId());
        Set<String> keys = mine.stream().map(l -> l.service().key()).collect(Collectors.toSet());
        List<EscalationDao.Listed> open =
                escalations.listOpen(teamId, EnumSet.allOf(Reason.class), EscalationService.EVERY_OPEN);
        Optional<Portfolio> portfolio =
                actor.role() == Role.MEMBER ? Optional.empty() : Optional.of(portfolio(all, open));
        return new Facts(
                mine,
                checkIns.pending(teamId, actor.userId()),
                open.stream().filter(e -> keys.contains(e.key())).toList(),
                okrs.linesFor(teamId, actor.userId()),
                portfolio);
    }

    private static Portfolio portfolio(List<ServiceListing> all, List<EscalationDao.Listed> open) {
        Map<String, Long> byStatus = all.stream()
                .collect(Collectors.groupingBy(
                        l -> l.lastCheckIn().map(CheckInSummary::status).orElse(NEVER_CHECKED_IN),
                        TreeMap::new,
                        Collectors.counting()));
        CatalogTotals.Totals totals = CatalogTotals.Totals.of(
                all.stream().map(ServiceListing::service).toList());
        List<EscalationDao.Listed> top = open.stream()
                .sorted(Comparator.comparingInt(EscalationDao.Listed::level)
                        .reversed()
                        .thenComparing(EscalationDao.Listed::openedAt))
                .limit(TOP_RISKS)
                .toList();
        return new Portfolio(
                byStatus,
                all.stream().filter(ServiceListing::isOwnerless).count(),
                open.stream().filter(e -> e.reason() == Reason.STALE).count(),
                open.size(),
                totals.cost(),
                totals.value(),
                top);
    }
}
