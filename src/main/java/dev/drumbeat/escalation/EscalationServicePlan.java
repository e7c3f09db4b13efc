package dev.drumbeat.escalation;

import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.escalation.settings.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what one sweep changes, from the open escalations and the findings of the moment: which open, which
 * climb (or get a fresher detail), which close because their condition cleared. The ladder: level 1 when opened,
 * level 2 after {@code toLevel2} since opened, level 3 after {@code toLevel3}; ownerless items start at the top.
 * A snoozed escalation waits, an acknowledged one stays where it is, and none goes above {@code topLevel}
 * (2 when no leadership channel is configured). Levels never go down. Pure and thread-safe.
 */
final class EscalationServicePlan {
    static final int TOP = 3;

    record Opening(Finding finding, int level) {}

    record Change(long id, int level, String detail) {}

    record Plan(List<Opening> openings, List<Change> changes, List<EscalationDao.Row> closings) {
        boolean isEmpty() {
            return openings.isEmpty() && changes.isEmpty() && closings.isEmpty();
        }
    }

    private EscalationServicePlan() {}

    static Plan plan(
            List<EscalationDao.Row> open, List<Finding> findings, Thresholds thresholds, Instant now, int topLevel) {
        Map<Key, Finding> wanted = new LinkedHashMap<>();
        findings.forEach(f -> wanted.putIfAbsent(new Key(f.subject(), f.reason()), f));
        List<Opening> openings = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<EscalationDao.Row> closings = new ArrayList<>();
        Map<Key, EscalationDao.Row> openByKey = new LinkedHashMap<>();
        open.forEach(row -> openByKey.put(new Key(row.subject(), row.reason()), row));
        for (EscalationDao.Row row : open) {
            Finding finding = wanted.get(new Key(row.subject(), row.reason()));
            if (finding == null) {
                closings.add(row);
                continue;
            }
            int level = dueLevel(row, thresholds, now, topLevel);
            if (level != row.level() || !finding.detail().equals(row.detail())) {
                changes.add(new Change(row.id(), level, finding.detail()));
            }
        }
        wanted.forEach((key, finding) -> {
            if (!openByKey.containsKey(key)) {
                openings.add(new Opening(finding, startLevel(finding.reason(), topLevel)));
            }
        });
        return new Plan(openings, changes, closings);
    }

    /**
     * Ownerless items go straight to the top: nobody below it can act on them; so does spend no rule allocates, which
     * nobody owns. An owner away with nobody covering starts with the team: a DM to the absent owner would go unread.
     */
    static int startLevel(Reason reason, int topLevel) {
        if (reason == Reason.OWNERLESS || reason == Reason.UNALLOCATED_SPEND) {
            return topLevel;
        }
        return reason == Reason.AWAY_UNCOVERED ? Math.min(2, topLevel) : 1;
    }

    /**
     * The level an open escalation should be at now: one rung at a time, each rung timed from when it reached
     * its current level (to the team after {@code toLevel2}, to leadership {@code toLevel3 - toLevel2} later),
     * held while snoozed. Acknowledging records who is on it but does not stop the climb. Never lower than it is.
     */
    static int dueLevel(EscalationDao.Row row, Thresholds thresholds, Instant now, int topLevel) {
        int start = Math.min(startLevel(row.reason(), topLevel), topLevel);
        if (row.isSnoozedAt(now) || row.level() >= topLevel) {
            return Math.max(row.level(), start);
        }
        Duration rung =
                row.level() <= 1 ? thresholds.toLevel2() : thresholds.toLevel3().minus(thresholds.toLevel2());
        Instant since = row.snoozedUntil()
                .filter(until -> until.isAfter(row.levelChangedAt()))
                .orElse(row.levelChangedAt());
        boolean climbs = !Duration.between(since, now).minus(rung).isNegative();
        return Math.max(climbs ? row.level() + 1 : row.level(), start);
    }

    /** Why an escalation closed, in words for its message: what cleared, or that the item itself went away. */
    static String closeReason(EscalationDao.Row row, Optional<EscalationDao.Item> item) {
        boolean service = row.subject().kind().equals("service");
        if (item.isEmpty()) {
            return (service ? "the service" : "the initiative") + " was removed from the catalog";
        }
        if (!item.get().active()) {
            return service ? "the service was retired" : "the initiative is finished";
        }
        return switch (row.reason()) {
            case STALE -> "a check-in arrived";
            case OWNERLESS -> "it has an active owner again";
            case RED_STREAK -> "it is no longer red";
            case KPI_OFF_TARGET -> "its KPIs are back on target";
            case INITIATIVE_SLIPPING -> "the initiative is back on track";
            case AWAY_UNCOVERED -> "the owner is back, or someone is covering";
            case COST_DRIFT -> "the latest whole month's cost is within the drift thresholds of the months before it";
            case UNALLOCATED_SPEND -> "the latest whole month's unallocated spend is back within its share of the bill";
            case MEASURE_FAILING -> "its queries give numbers again, or were unbound";
        };
    }

    private record Key(Finding.Subject subject, Reason reason) {}
}
