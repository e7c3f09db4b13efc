package dev.drumbeat.dashboard;

import dev.drumbeat.catalog.KpiStatus;
import dev.drumbeat.chart.PlanActual;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the service page and {@code /api/v1/services/{key}} show about one service: its row, KPIs, check-in
 * history, its last six months of plan against the bills, and the month its actual cost in the row is from.
 */
record ServiceDetail(
        PortfolioRow row,
        Optional<String> deputyName,
        List<Kpi> kpis,
        List<Week> history,
        PlanActual costs,
        Optional<BilledMonth> billed) {

    /** A KPI with its latest reading, and its id for the chart. */
    record Kpi(long id, KpiStatus status) {}

    /** One week of check-in history, with each KPI's value that week by KPI key. */
    record Week(
            LocalDate periodStart,
            Optional<String> status,
            String hurdle,
            Optional<String> submittedBy,
            Optional<Instant> submittedAt,
            Map<String, BigDecimal> values) {}
}
