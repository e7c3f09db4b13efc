package dev.drumbeat.core;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * Check-in periods are weeks that start on the configured weekday in each person's own time zone;
 * a period is named by that day's date. Pure and thread-safe.
 */
public record Periods(DayOfWeek day, int hour) {

    /** A person's zone as Slack names it; an unknown or empty name falls back to UTC rather than failing a sweep. */
    public static ZoneId zone(String tz) {
        try {
            return tz == null || tz.isBlank() ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The period a moment falls in, for someone in {@code zone}. */
    public LocalDate periodOf(Instant moment, ZoneId zone) {
        return moment.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(day));
    }

    /** When the prompt for a period is due: the period's first day at the configured hour, local time (DST-safe). */
    public Instant promptAt(LocalDate periodStart, ZoneId zone) {
        return ZonedDateTime.of(periodStart.atTime(hour, 0), zone).toInstant();
    }
}
