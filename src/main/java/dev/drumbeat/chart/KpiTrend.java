package dev.drumbeat.chart;

import dev.drumbeat.checkin.Kpi;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A KPI's readings over the last {@code weeks} check-in periods (weeks), oldest first, and the window they fall in:
 * periods starting after {@code since}, up to {@code today} (a reading from an owner ahead of UTC may be a day later).
 */
record KpiTrend(Kpi kpi, int weeks, LocalDate since, LocalDate today, List<TrendPoint> points) {

    KpiTrend {
        points = points.stream()
                .sorted(Comparator.comparing(TrendPoint::periodStart))
                .toList();
    }

    boolean isEmpty() {
        return points.isEmpty();
    }

    Optional<TrendPoint> latest() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }

    Optional<BigDecimal> lowest() {
        return points.stream().map(TrendPoint::value).min(Comparator.naturalOrder());
    }

    Optional<BigDecimal> highest() {
        return points.stream().map(TrendPoint::value).max(Comparator.naturalOrder());
    }

    boolean higherIsBetter() {
        return "up".equals(kpi.direction());
    }
}
