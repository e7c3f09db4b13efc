package dev.drumbeat.escalation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the escalation rules need to know about one active service, read for every service in one
 * set-based query: its owner and whether they are still active, cover while they are away, its latest
 * check-in period, how many latest periods in a row were red, and the longest run of periods any KPI has
 * spent on the wrong side of its target.
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
        Optional<String> worstKpi) {
}
