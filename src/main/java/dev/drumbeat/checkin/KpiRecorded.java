package dev.drumbeat.checkin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** One KPI reading recorded from Slack, with the value it replaced in the same period, if any. */
public record KpiRecorded(
        String serviceName, Kpi kpi, BigDecimal value, LocalDate periodStart, Optional<BigDecimal> replaced) {}
