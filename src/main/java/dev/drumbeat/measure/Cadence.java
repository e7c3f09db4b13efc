package dev.drumbeat.measure;

import dev.drumbeat.core.Periods;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a binding is measured: a KPI every check-in week, a service's demand every calendar month. A period is
 * named by its first day and ends where the next begins, at midnight in the owner's zone.
 */
public enum Cadence {
    WEEK(12),
    MONTH(6);

    /** How many ended periods a new binding fills from Prometheus's history. */
    private final int backfill;

    Cadence(int backfill) {
        this.backfill = backfill;
    }

    public int backfill() {
        return backfill;
    }

    /** The period {@code moment} falls in, for an owner in {@code zone}. */
    public LocalDate periodOf(Periods periods, Instant moment, ZoneId zone) {
        return this == WEEK
                ? periods.periodOf(moment, zone)
                : moment.atZone(zone).toLocalDate().with(TemporalAdjusters.firstDayOfMonth());
    }

    /**
     * The period a date falls in: a week evaluated before the check-in day was changed starts on the old weekday, and
     * evaluating on from it must land on the new grid.
     */
    public LocalDate snap(Periods periods, LocalDate day) {
        return this == WEEK
                ? day.with(TemporalAdjusters.previousOrSame(periods.day()))
                : day.with(TemporalAdjusters.firstDayOfMonth());
    }

    public LocalDate next(LocalDate period) {
        return this == WEEK ? period.plusWeeks(1) : period.plusMonths(1);
    }

    public LocalDate previous(LocalDate period) {
        return this == WEEK ? period.minusWeeks(1) : period.minusMonths(1);
    }

    public Instant start(LocalDate period, ZoneId zone) {
        return period.atStartOfDay(zone).toInstant();
    }

    /** When the period ends and is measured: the first moment of the next one (DST-safe). */
    public Instant end(LocalDate period, ZoneId zone) {
        return next(period).atStartOfDay(zone).toInstant();
    }

    /** The latest period that has ended by {@code moment}. */
    public LocalDate lastEnded(Periods periods, Instant moment, ZoneId zone) {
        return previous(periodOf(periods, moment, zone));
    }
}
