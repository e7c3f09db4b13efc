package dev.drumbeat.people;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Who answers for a service in a check-in period, given its owner's away state: the owner when present,
 * else their personal deputy, else the service's deputy; nobody means the period is excused. A period
 * is covered when its first day falls on or before the owner's last day away. Pure and thread-safe.
 */
public final class AwayCover {
    private AwayCover() {}

    /** The person to ask for the service in the period starting {@code periodStart}; empty when excused. */
    public static Optional<String> coverFor(
            String ownerId, Optional<String> serviceDeputyId, AwayState away, LocalDate periodStart) {
        if (!away.isAwayOn(periodStart)) {
            return Optional.of(ownerId);
        }
        if (away.deputyId().isPresent()) {
            return away.deputyId();
        }
        return serviceDeputyId.filter(deputy -> !deputy.equals(ownerId));
    }
}
