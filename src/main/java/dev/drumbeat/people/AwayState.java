package dev.drumbeat.people;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a person is away: through the end of {@code until} (a day in their own time zone), with an
 * optional personal deputy who covers all their services meanwhile. Both empty means present.
 */
public record AwayState(Optional<LocalDate> until, Optional<String> deputyId) {
    public static final AwayState PRESENT = new AwayState(Optional.empty(), Optional.empty());

    public static AwayState until(LocalDate lastDayAway, Optional<String> deputyId) {
        return new AwayState(Optional.of(lastDayAway), deputyId);
    }

    /** True when {@code day} is on or before the last day away. */
    public boolean isAwayOn(LocalDate day) {
        return until.filter(last -> !day.isAfter(last)).isPresent();
    }
}
