package dev.drumbeat.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** A KPI of a service with its latest reading, if any. */
public record KpiStatus(
        String key,
        String name,
        String unit,
        BigDecimal target,
        String direction,
        Optional<BigDecimal> lastValue,
        Optional<LocalDate> lastPeriod) {

    /** True when the latest reading is on the right side of the target. */
    public Optional<Boolean> onTarget() {
        return lastValue.map(v -> "up".equals(direction) ? v.compareTo(target) >= 0 : v.compareTo(target) <= 0);
    }
}
