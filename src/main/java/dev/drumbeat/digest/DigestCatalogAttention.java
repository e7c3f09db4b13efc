package dev.drumbeat.digest;

import dev.drumbeat.digest.DigestFacts.ServiceFact;
import dev.drumbeat.digest.DigestReport.Attention;
import dev.drumbeat.escalation.rules.Reason;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Stale and ownerless services counted straight from the catalog, for the weeks before the escalation sweep
 * has recorded anything: ownerless means no owner, or an owner who left Slack; stale means an owned service
 * with no check-in in this period or the one before. Pure.
 */
final class DigestCatalogAttention {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private DigestCatalogAttention() {}

    static List<Attention> of(List<ServiceFact> services, LocalDate period) {
        List<Attention> ownerless = new ArrayList<>();
        List<Attention> stale = new ArrayList<>();
        List<ServiceFact> oldestFirst = services.stream()
                .sorted(Comparator.comparing(
                        s -> s.latest().map(DigestFacts.LatestCheckIn::period).orElse(LocalDate.MIN)))
                .toList();
        for (ServiceFact service : oldestFirst) {
            if (!service.ownerActive()) {
                ownerless.add(item(
                        service, Reason.OWNERLESS, service.hasOwner() ? "the owner left Slack" : "no owner named"));
            } else if (!service.windingDown() && isStale(service, period)) {
                stale.add(item(
                        service,
                        Reason.STALE,
                        service.latest()
                                .map(c -> "last check-in for the week of " + DAY.format(c.period()))
                                .orElse("never checked in")));
            }
        }
        ownerless.addAll(stale);
        return ownerless;
    }

    private static boolean isStale(ServiceFact service, LocalDate period) {
        LocalDate previous = period.minusWeeks(1).minusDays(1);
        return service.latest().map(c -> c.period().isBefore(previous)).orElse(true);
    }

    private static Attention item(ServiceFact service, Reason reason, String detail) {
        return new Attention(
                service.key(), service.name(), reason, service.ownerName(), Optional.empty(), Optional.empty(), detail);
    }
}
