package dev.drumbeat.sandbox;

import dev.drumbeat.sandbox.DemoPortfolioCatalog.KpiRow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Draws each demo KPI's weekly readings: a straight line from its first to its last value (then level, for a
 * plateau), nudged by a seeded random jitter, so the trends look measured yet come out the same on every load.
 */
final class DemoPortfolioReadings {

    record Reading(String serviceKey, String kpiKey, LocalDate periodStart, BigDecimal value) {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DemoPortfolioReadings() {}

    /** One reading per KPI per week, weeks oldest first. */
    static List<Reading> draw(List<KpiRow> kpis, List<LocalDate> weeks) {
        List<Reading> readings = new ArrayList<>(kpis.size() * weeks.size());
        for (KpiRow kpi : kpis) {
            Random random = new Random((kpi.serviceKey() + "/" + kpi.key()).hashCode());
            for (int week = 0; week < weeks.size(); week++) {
                readings.add(new Reading(
                        kpi.serviceKey(),
                        kpi.key(),
                        weeks.get(week),
                        valueAt(kpi, week, weeks.size(), random.nextDouble() * 2 - 1)));
            }
        }
        return readings;
    }

    /** The trend at {@code week} plus {@code nudge} (between -1 and 1) times the jitter, in the CSV's precision. */
    static BigDecimal valueAt(KpiRow kpi, int week, int weeks, double nudge) {
        int moving = Math.max(1, weeks - 1 - kpi.flatWeeks());
        BigDecimal progress =
                BigDecimal.valueOf(Math.min(week, moving)).divide(BigDecimal.valueOf(moving), MathContext.DECIMAL64);
        BigDecimal trend = kpi.first().add(kpi.last().subtract(kpi.first()).multiply(progress));
        BigDecimal value = trend.add(kpi.jitter().multiply(BigDecimal.valueOf(nudge)));
        BigDecimal ceiling = kpi.unit().equals("%") ? HUNDRED : value;
        return value.max(BigDecimal.ZERO).min(ceiling).setScale(precision(kpi), RoundingMode.HALF_UP);
    }

    private static int precision(KpiRow kpi) {
        return Stream.of(kpi.target(), kpi.first(), kpi.last(), kpi.jitter())
                .mapToInt(number -> Math.max(0, number.scale()))
                .max()
                .orElse(0);
    }
}
