package dev.drumbeat.checkin;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An active service with an active owner, and who could answer for it: the owner, or while the owner
 * is away their personal deputy or the service's deputy (each present only when active in Slack).
 */
record PromptCandidate(long serviceId, String teamId, String serviceKey, String serviceName, String ownerId,
                       String ownerTz, Optional<LocalDate> ownerAwayUntil, Optional<Person> awayDeputy,
                       Optional<Person> serviceDeputy) {

    /** Someone who can be asked, with their time zone. */
    record Person(String userId, String tz) {
    }

    /** Who is asked for this service in the period: the owner unless away, then a deputy; empty means excused. */
    Optional<Person> recipient(LocalDate periodStart) {
        boolean away = ownerAwayUntil.filter(until -> !until.isBefore(periodStart)).isPresent();
        if (!away) {
            return Optional.of(new Person(ownerId, ownerTz));
        }
        return awayDeputy.filter(d -> !d.userId().equals(ownerId))
                .or(() -> serviceDeputy.filter(d -> !d.userId().equals(ownerId)));
    }
}
