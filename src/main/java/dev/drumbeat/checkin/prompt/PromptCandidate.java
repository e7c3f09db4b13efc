package dev.drumbeat.checkin.prompt;

import dev.drumbeat.people.AwayCover;
import dev.drumbeat.people.AwayState;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An active service with an active owner, and who could answer for it: the owner, or while the owner
 * is away their personal deputy or the service's deputy (each present only when active in Slack).
 */
record PromptCandidate(
        long serviceId,
        String teamId,
        String serviceKey,
        String serviceName,
        String ownerId,
        String ownerTz,
        Optional<LocalDate> ownerAwayUntil,
        Optional<Person> awayDeputy,
        Optional<Person> serviceDeputy) {

    /** Someone who can be asked, with their time zone. */
    record Person(String userId, String tz) {}

    /** Who is asked for this service in the period (see {@link AwayCover}); empty means excused. */
    Optional<Person> recipient(LocalDate periodStart) {
        AwayState away = new AwayState(ownerAwayUntil, awayDeputy.map(Person::userId));
        return AwayCover.coverFor(ownerId, serviceDeputy.map(Person::userId), away, periodStart)
                .map(this::person);
    }

    private Person person(String userId) {
        return awayDeputy
                .filter(d -> d.userId().equals(userId))
                .or(() -> serviceDeputy.filter(d -> d.userId().equals(userId)))
                .orElse(new Person(ownerId, ownerTz));
    }
}
