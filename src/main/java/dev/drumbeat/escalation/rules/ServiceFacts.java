package dev.drumbeat.escalation.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the escalation rules need to know about one active service, read for every service in one
 * set-based query: its owner and whether they are still active, cover while they are away, its latest
 * check-in period, how many latest periods in a row were red, and the longest run of periods any KPI has
 * spent on the wrong side of its target. Deputies are present only while active in Slack.
 * {@code lastExcusedPeriod} is the latest period excused because the owner was away with nobody covering;
 * {@code createdAt} is when the service entered the catalog or its current owner took it on, whichever is
 * later, or a decision that deprioritised it was undone, so a period prompted before then is not held against it
 * (nor against a new owner); {@code windingDown} while a standing decision has it deprioritised.
 */
public record ServiceFacts(
        long serviceId,
        String teamId,
        String key,
        String name,
        Optional<String> ownerId,
        boolean ownerActive,
        String ownerTz,
        Optional<String> deputyId,
        Optional<String> teamChannel,
        Optional<LocalDate> ownerAwayUntil,
        Optional<String> awayDeputyId,
        Optional<LocalDate> lastCheckInPeriod,
        boolean excusedThisPeriod,
        int redStreak,
        int kpiOffStreak,
        Optional<String> worstKpi,
        Optional<LocalDate> lastExcusedPeriod,
        Instant createdAt,
        boolean windingDown) {

    /** Facts without excusal history or creation time: no earlier period excused, and the service always existed. */
    public ServiceFacts(
            long serviceId,
            String teamId,
            String key,
            String name,
            Optional<String> ownerId,
            boolean ownerActive,
            String ownerTz,
            Optional<String> deputyId,
            Optional<String> teamChannel,
            Optional<LocalDate> ownerAwayUntil,
            Optional<String> awayDeputyId,
            Optional<LocalDate> lastCheckInPeriod,
            boolean excusedThisPeriod,
            int redStreak,
            int kpiOffStreak,
            Optional<String> worstKpi) {
        this(
                serviceId,
                teamId,
                key,
                name,
                ownerId,
                ownerActive,
                ownerTz,
                deputyId,
                teamChannel,
                ownerAwayUntil,
                awayDeputyId,
                lastCheckInPeriod,
                excusedThisPeriod,
                redStreak,
                kpiOffStreak,
                worstKpi,
                Optional.empty(),
                Instant.EPOCH,
                false);
    }
}
