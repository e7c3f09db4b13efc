package dev.drumbeat.sandbox;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's clock: real time, moved forward on request, so a week of check-ins, reminders, escalations and the
 * digest can be watched in minutes. Only ever moves forward; a restarted demo's resumes where it stood, even when
 * that was behind real time. Thread-safe.
 */
public final class DemoClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> ahead;

    public DemoClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    /** A clock that stands at {@code stoodAt} now and runs on from there: a restarted demo's, where it stopped. */
    public static DemoClock resumedAt(Clock base, Instant stoodAt) {
        return new DemoClock(base, new AtomicReference<>(Duration.between(base.instant(), stoodAt)));
    }

    private DemoClock(Clock base, AtomicReference<Duration> ahead) {
        this.base = base;
        this.ahead = ahead;
    }

    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the demo's clock only moves forward");
        }
        ahead.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** Moves to the next Monday 09:00 in {@code zone}, when the week's check-in prompts go out there. */
    public Instant advanceToMondayNine(ZoneId zone) {
        ZonedDateTime now = instant().atZone(zone);
        ZonedDateTime monday =
                now.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(LocalTime.of(9, 0));
        return advance(Duration.between(now, monday));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new DemoClock(base.withZone(zone), ahead);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(ahead.get());
    }
}
