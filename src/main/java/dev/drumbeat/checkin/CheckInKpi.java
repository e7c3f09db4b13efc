package dev.drumbeat.checkin;

import dev.drumbeat.measure.Measures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A KPI as the check-in modal shows it: the latest reading before the period (to compare with) and the
 * value already recorded for the period, if any (to edit), with where that value came from.
 */
public record CheckInKpi(
        Kpi kpi,
        Optional<BigDecimal> previous,
        Optional<LocalDate> previousPeriod,
        Optional<BigDecimal> current,
        Optional<String> currentSource) {

    /** The period's value when a person typed it or a system pushed it, which outranks a measured one. */
    public Optional<BigDecimal> typed() {
        return currentSource.filter(source -> !Measures.SOURCE.equals(source)).flatMap(source -> current);
    }
}
