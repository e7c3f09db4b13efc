package dev.drumbeat.escalation.settings;

import java.time.Duration;

/** A workspace's escalation thresholds and ladder timings (table escalation_settings). */
public record Thresholds(Duration grace, int redStreak, int kpiOffPeriods, Duration toLevel2, Duration toLevel3) {

    public static Thresholds defaults() {
        return new Thresholds(Duration.ofHours(48), 2, 3, Duration.ofHours(48), Duration.ofHours(96));
    }
}
