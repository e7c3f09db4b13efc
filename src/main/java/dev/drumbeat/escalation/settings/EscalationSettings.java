package dev.drumbeat.escalation.settings;

import dev.drumbeat.digest.DigestDao;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A workspace's escalation thresholds, ladder timings, digest time and the bills' thresholds ({@link Costs}), in the
 * units the table stores them (escalation_settings). {@link ThresholdsDao} and {@link DigestDao} read the same row for
 * the sweeps.
 */
record EscalationSettings(
        int graceHours,
        int redStreak,
        int kpiWeeks,
        int teamAfterHours,
        int leadershipAfterHours,
        DayOfWeek digestDay,
        int digestHour,
        ZoneId digestZone,
        Costs costs) {
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** The bills' thresholds, whole per cents: a steady rise and a spike that are cost drift, and unallocated spend. */
    record Costs(int driftTrendPercent, int driftSpikePercent, int unallocatedPercent) {
        Costs withDriftTrendPercent(int percent) {
            return new Costs(percent, driftSpikePercent, unallocatedPercent);
        }

        Costs withDriftSpikePercent(int percent) {
            return new Costs(driftTrendPercent, percent, unallocatedPercent);
        }

        Costs withUnallocatedPercent(int percent) {
            return new Costs(driftTrendPercent, driftSpikePercent, percent);
        }
    }

    /** UTC is always the zone named {@code UTC}, so the default and a stored "UTC" compare equal. */
    EscalationSettings {
        digestZone = digestZone.equals(ZoneOffset.UTC) ? UTC : digestZone;
    }

    /** What a workspace without a row has: the same defaults the sweeps and the table use. */
    static EscalationSettings defaults() {
        Thresholds t = Thresholds.defaults();
        DigestSchedule digest = DigestSchedule.defaults();
        return new EscalationSettings(
                (int) t.grace().toHours(),
                t.redStreak(),
                t.kpiOffPeriods(),
                (int) t.toLevel2().toHours(),
                (int) t.toLevel3().toHours(),
                digest.day(),
                digest.hour(),
                digest.zone(),
                new Costs(t.driftTrendPercent(), t.driftSpikePercent(), t.unallocatedPercent()));
    }

    EscalationSettings withGraceHours(int hours) {
        return new EscalationSettings(
                hours,
                redStreak,
                kpiWeeks,
                teamAfterHours,
                leadershipAfterHours,
                digestDay,
                digestHour,
                digestZone,
                costs);
    }

    EscalationSettings withRedStreak(int weeks) {
        return new EscalationSettings(
                graceHours,
                weeks,
                kpiWeeks,
                teamAfterHours,
                leadershipAfterHours,
                digestDay,
                digestHour,
                digestZone,
                costs);
    }

    EscalationSettings withKpiWeeks(int weeks) {
        return new EscalationSettings(
                graceHours,
                redStreak,
                weeks,
                teamAfterHours,
                leadershipAfterHours,
                digestDay,
                digestHour,
                digestZone,
                costs);
    }

    EscalationSettings withTeamAfterHours(int hours) {
        return new EscalationSettings(
                graceHours, redStreak, kpiWeeks, hours, leadershipAfterHours, digestDay, digestHour, digestZone, costs);
    }

    EscalationSettings withLeadershipAfterHours(int hours) {
        return new EscalationSettings(
                graceHours, redStreak, kpiWeeks, teamAfterHours, hours, digestDay, digestHour, digestZone, costs);
    }

    EscalationSettings withDigest(DayOfWeek day, int hour, ZoneId zone) {
        return new EscalationSettings(
                graceHours, redStreak, kpiWeeks, teamAfterHours, leadershipAfterHours, day, hour, zone, costs);
    }

    EscalationSettings withCosts(Costs changed) {
        return new EscalationSettings(
                graceHours,
                redStreak,
                kpiWeeks,
                teamAfterHours,
                leadershipAfterHours,
                digestDay,
                digestHour,
                digestZone,
                changed);
    }
}
