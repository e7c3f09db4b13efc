package dev.drumbeat.escalation.settings;

import java.time.Duration;

/**
 * A workspace's escalation thresholds and ladder timings (table escalation_settings). The cost thresholds are whole per
 * cents, 0 turning that check off: a service's cost drifts when it rose three months running to {@code driftTrendPercent}
 * above the months before, or jumped {@code driftSpikePercent} in one month; spend no rule took escalates when it is
 * more than {@code unallocatedPercent} of a month's bill.
 */
public record Thresholds(
        Duration grace,
        int redStreak,
        int kpiOffPeriods,
        Duration toLevel2,
        Duration toLevel3,
        int driftTrendPercent,
        int driftSpikePercent,
        int unallocatedPercent) {
    static final int DRIFT_TREND_PERCENT = 10;
    static final int DRIFT_SPIKE_PERCENT = 25;
    static final int UNALLOCATED_PERCENT = 5;

    /** The check-in and ladder thresholds, with the default cost thresholds. */
    public Thresholds(Duration grace, int redStreak, int kpiOffPeriods, Duration toLevel2, Duration toLevel3) {
        this(
                grace,
                redStreak,
                kpiOffPeriods,
                toLevel2,
                toLevel3,
                DRIFT_TREND_PERCENT,
                DRIFT_SPIKE_PERCENT,
                UNALLOCATED_PERCENT);
    }

    public static Thresholds defaults() {
        return new Thresholds(Duration.ofHours(48), 2, 3, Duration.ofHours(48), Duration.ofHours(96));
    }
}
