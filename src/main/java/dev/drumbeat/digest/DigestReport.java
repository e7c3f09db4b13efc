package dev.drumbeat.digest;

import dev.drumbeat.catalog.Tier;
import dev.drumbeat.checkin.CheckInStatus;
import dev.drumbeat.digest.DigestFacts.OpenEscalation;
import dev.drumbeat.digest.DigestFacts.ServiceFact;
import dev.drumbeat.digest.DigestFacts.Totals;
import dev.drumbeat.escalation.rules.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The digest's figures, worked out from {@link DigestFacts}: RAG counts for the period, stale and ownerless
 * counts, cost and margin now and a month ago, and the top risks. Stale and ownerless come from open
 * escalations; before the escalation sweep has recorded any, they are counted from the catalog instead
 * (ownerless: no owner or the owner left Slack; stale: owned, no check-in this period or the one before).
 * Pure.
 */
record DigestReport(
        LocalDate period,
        Instant at,
        Rag rag,
        List<Attention> attention,
        Map<Tier, Totals> byTier,
        Optional<Map<Tier, Totals>> monthAgoByTier,
        List<OpenEscalation> topEscalations,
        List<ServiceFact> topRed,
        List<ServiceFact> redAndAmber,
        List<ServiceFact> windingDown) {
    static final int TOP_RISKS = 5;
    private static final Set<Reason> STALE_OR_OWNERLESS = Set.of(Reason.STALE, Reason.OWNERLESS);

    /**
     * How many services are green, amber, red, or have no check-in for the period; services being wound down are not
     * asked, so they are not counted here (the digest lists them apart).
     */
    record Rag(int green, int amber, int red, int none) {}

    /**
     * A stale or ownerless item: from an open escalation (with its level and when it opened) or from the catalog. Its
     * {@code detail} is mrkdwn written by Drumbeat, as an escalation's is: shown as it is, mentions live.
     */
    record Attention(
            String key,
            String name,
            Reason reason,
            Optional<String> ownerName,
            Optional<Integer> level,
            Optional<Instant> openedAt,
            String detail) {}

    static DigestReport of(DigestFacts facts, Instant now) {
        List<ServiceFact> redAndAmber = facts.services().stream()
                .filter(s -> isRedOrAmber(s, facts.period()))
                .sorted(Comparator.comparing(
                                (ServiceFact s) -> s.statusIn(facts.period()).orElseThrow())
                        .reversed()
                        .thenComparing(ServiceFact::monthlyCost, Comparator.reverseOrder()))
                .toList();
        List<ServiceFact> topRed = redAndAmber.stream()
                .filter(s -> s.statusIn(facts.period()).orElseThrow() == CheckInStatus.RED)
                .limit(TOP_RISKS)
                .toList();
        List<OpenEscalation> topEscalations = facts.escalations().stream()
                .filter(e -> !e.isSnoozedAt(now))
                .limit(TOP_RISKS)
                .toList();
        Optional<Map<Tier, Totals>> monthAgo =
                facts.monthAgo().isEmpty() ? Optional.empty() : Optional.of(facts.monthAgo());
        return new DigestReport(
                facts.period(),
                now,
                rag(facts),
                attention(facts),
                byTier(facts.services()),
                monthAgo,
                topEscalations,
                topRed,
                redAndAmber,
                facts.services().stream().filter(ServiceFact::windingDown).toList());
    }

    long stale() {
        return attention.stream().filter(a -> a.reason() == Reason.STALE).count();
    }

    long ownerless() {
        return attention.stream().filter(a -> a.reason() == Reason.OWNERLESS).count();
    }

    Totals total() {
        return sum(byTier);
    }

    Optional<Totals> monthAgoTotal() {
        return monthAgoByTier.map(DigestReport::sum);
    }

    private static Totals sum(Map<Tier, Totals> totals) {
        return totals.values().stream().reduce(Totals.NONE, Totals::plus);
    }

    private static boolean isRedOrAmber(ServiceFact service, LocalDate period) {
        return service.statusIn(period).filter(s -> s != CheckInStatus.GREEN).isPresent();
    }

    private static Rag rag(DigestFacts facts) {
        Map<CheckInStatus, Integer> counts = new EnumMap<>(CheckInStatus.class);
        int none = 0;
        for (ServiceFact service : facts.services()) {
            if (service.windingDown()) {
                continue;
            }
            Optional<CheckInStatus> status = service.statusIn(facts.period());
            if (status.isPresent()) {
                counts.merge(status.get(), 1, Integer::sum);
            } else {
                none++;
            }
        }
        return new Rag(
                counts.getOrDefault(CheckInStatus.GREEN, 0),
                counts.getOrDefault(CheckInStatus.AMBER, 0),
                counts.getOrDefault(CheckInStatus.RED, 0),
                none);
    }

    private static Map<Tier, Totals> byTier(List<ServiceFact> services) {
        Map<Tier, Totals> totals = new EnumMap<>(Tier.class);
        services.forEach(s -> totals.merge(s.tier(), Totals.of(s), Totals::plus));
        return totals;
    }

    private static List<Attention> attention(DigestFacts facts) {
        if (facts.escalationsRecorded()) {
            return facts.escalations().stream()
                    .filter(e -> STALE_OR_OWNERLESS.contains(e.reason()))
                    .sorted(Comparator.comparing(OpenEscalation::openedAt))
                    .map(e -> new Attention(
                            e.key(),
                            e.name(),
                            e.reason(),
                            e.ownerName(),
                            Optional.of(e.level()),
                            Optional.of(e.openedAt()),
                            e.detail()))
                    .toList();
        }
        return DigestCatalogAttention.of(facts.services(), facts.period());
    }
}
