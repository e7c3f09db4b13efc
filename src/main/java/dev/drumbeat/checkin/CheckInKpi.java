package dev.drumbeat.checkin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A KPI as the check-in modal shows it: the latest reading before the period (to compare with) and the
 * value already recorded for the period, if any (to edit).
 */
public record CheckInKpi(
        Kpi kpi, Optional<BigDecimal> previous, Optional<LocalDate> previousPeriod, Optional<BigDecimal> current) {}
