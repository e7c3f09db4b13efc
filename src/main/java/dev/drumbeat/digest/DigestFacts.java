package dev.drumbeat.digest;

import dev.drumbeat.catalog.Tier;
import dev.drumbeat.checkin.CheckInStatus;
import dev.drumbeat.escalation.rules.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one workspace's digest is made from, read in a handful of set-based queries: the active
 * services with their latest check-in, the open escalations, whether the escalation sweep has ever recorded
 * one, and the catalog's totals by tier as they stood a month ago (empty when no service existed then).
 */
record DigestFacts(
        LocalDate period,
        List<ServiceFact> services,
        List<OpenEscalation> escalations,
        boolean escalationsRecorded,
        Map<Tier, Totals> monthAgo) {

    DigestFacts {
        services = List.copyOf(services);
        escalations = List.copyOf(escalations);
        monthAgo = Map.copyOf(monthAgo);
    }

    /** One active service; {@code ownerActive} is false when it has no owner or the owner left Slack. */
    record ServiceFact(
            long id,
            String key,
            String name,
            Tier tier,
            Optional<String> ownerName,
            boolean hasOwner,
            boolean ownerActive,
            BigDecimal unitCost,
            BigDecimal monthlyDemand,
            BigDecimal monthlyValue,
            Optional<LatestCheckIn> latest,
            boolean windingDown) {

        BigDecimal monthlyCost() {
            return unitCost.multiply(monthlyDemand);
        }

        /** The status of a check-in for {@code period}, allowing a day either way for owners in other zones. */
        Optional<CheckInStatus> statusIn(LocalDate period) {
            return latest.filter(c -> !c.period().isBefore(period.minusDays(1))
                            && !c.period().isAfter(period.plusDays(1)))
                    .map(LatestCheckIn::status);
        }

        Optional<String> hurdle() {
            return latest.map(LatestCheckIn::hurdle).filter(h -> !h.isBlank());
        }
    }

    /** A service's most recent check-in, whatever its period. */
    record LatestCheckIn(LocalDate period, CheckInStatus status, String hurdle) {}

    /** An escalation not closed yet, with its subject's name and owner for the message. */
    record OpenEscalation(
            long id,
            String subjectKind,
            String key,
            String name,
            Optional<String> ownerName,
            Reason reason,
            String detail,
            int level,
            Instant openedAt,
            Optional<Instant> snoozedUntil) {

        boolean isSnoozedAt(Instant now) {
            return snoozedUntil.filter(now::isBefore).isPresent();
        }
    }

    /** Monthly cost (Σ unit cost × demand) and value over a number of services; margin is value − cost. */
    record Totals(int services, BigDecimal cost, BigDecimal value) {
        static final Totals NONE = new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO);

        BigDecimal margin() {
            return value.subtract(cost);
        }

        Totals plus(Totals other) {
            return new Totals(services + other.services, cost.add(other.cost), value.add(other.value));
        }

        static Totals of(ServiceFact service) {
            return new Totals(1, service.monthlyCost(), service.monthlyValue());
        }
    }
}
