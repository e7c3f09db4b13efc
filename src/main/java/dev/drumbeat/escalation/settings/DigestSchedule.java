package dev.drumbeat.escalation.settings;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * When a workspace's leadership digest is due: on {@code day} at {@code hour} in {@code zone}, once in each
 * week. A week runs Monday to Sunday in that zone and is named by its Monday, so a digest missed at its hour
 * (every instance down) still goes out later the same week, and never spills into the next. Pure.
 */
public record DigestSchedule(DayOfWeek day, int hour, ZoneId zone) {

    /** What applies when a workspace has no escalation_settings row: Friday 16:00 UTC. */
    static DigestSchedule defaults() {
        return new DigestSchedule(DayOfWeek.FRIDAY, 16, ZoneOffset.UTC);
    }

    /** From the stored settings; a name that is not a weekday, an hour out of range or an unknown zone keeps the default. */
    public static DigestSchedule of(String day, int hour, String tz) {
        DigestSchedule fallback = defaults();
        return new DigestSchedule(
                dayOf(day).orElse(fallback.day()),
                hour >= 0 && hour <= 23 ? hour : fallback.hour(),
                zoneOf(tz).orElse(fallback.zone()));
    }

    /** The Monday, in this zone, of the week containing {@code now}. */
    public LocalDate weekOf(Instant now) {
        return now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The moment the digest for {@code week} falls due (DST-safe: a skipped hour moves to the next valid one). */
    Instant dueAt(LocalDate week) {
        return ZonedDateTime.of(week.with(TemporalAdjusters.nextOrSame(day)).atTime(hour, 0), zone)
                .toInstant();
    }

    public boolean isDue(Instant now) {
        return !now.isBefore(dueAt(weekOf(now)));
    }

    private static Optional<DayOfWeek> dayOf(String name) {
        try {
            return Optional.of(DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zoneOf(String tz) {
        try {
            return Optional.of(ZoneId.of(tz.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
