package dev.drumbeat.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.catalog.CatalogTotals.Totals;
import dev.drumbeat.checkin.Kpi;
import dev.drumbeat.core.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Charts described in words, for screen readers and for anyone whose Slack does not load the image. */
class ChartWordsTest {

    @Test
    void a_trend_says_what_it_spans_its_latest_reading_and_the_target() {
        String alt = ChartWords.trendAlt(ChartRendererTest.trend("98.9", "99.95", "99.2"));

        assertThat(alt)
                .isEqualTo("Availability over the last 12 weeks: 3 readings from 98.9% to 99.95%, latest 99.2%"
                        + " against a ≥ 99.9% target, off target; higher is better.");
    }

    @Test
    void a_lower_is_better_kpi_with_one_reading_on_target() {
        Kpi latency = new Kpi(8, "p95", "p95 latency", "ms", new BigDecimal("250"), "down");
        KpiTrend trend = new KpiTrend(
                latency,
                12,
                LocalDate.of(2026, 9, 3),
                LocalDate.of(2026, 11, 26),
                List.of(new TrendPoint(8, LocalDate.of(2026, 11, 23), new BigDecimal("210"))));

        assertThat(ChartWords.trendAlt(trend))
                .isEqualTo("p95 latency over the last 12 weeks: 1 reading, 210 ms against a"
                        + " ≤ 250 ms target, on target; lower is better.");
        assertThat(ChartWords.trendTitle(trend)).isEqualTo("p95 latency · last 12 weeks");
    }

    @Test
    void a_trend_without_readings_says_so() {
        assertThat(ChartWords.trendAlt(ChartRendererTest.trend()))
                .isEqualTo(
                        "Availability over the last 12 weeks: no readings yet, against a ≥ 99.9% target; higher is better.");
    }

    @Test
    void a_very_long_kpi_name_is_clipped_to_slacks_alt_text_limit() {
        Kpi wordy = new Kpi(9, "w", "x".repeat(2500), "", BigDecimal.ONE, "up");
        KpiTrend trend = new KpiTrend(wordy, 12, LocalDate.of(2026, 9, 3), LocalDate.of(2026, 11, 26), List.of());

        assertThat(ChartWords.trendAlt(trend)).hasSize(ChartWords.MAX_ALT).endsWith("…");
        assertThat(ChartWords.trendTitle(trend)).hasSize(ChartWords.MAX_ALT);
    }

    @Test
    void the_tier_chart_reads_out_each_tiers_cost_and_margin() {
        Map<String, Totals> byTier = new LinkedHashMap<>();
        byTier.put("strategic", new Totals(1, new BigDecimal("45000"), new BigDecimal("90000")));
        byTier.put("core", new Totals(2, new BigDecimal("30000"), new BigDecimal("12000")));
        byTier.put("secondary", new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO));
        String alt = ChartWords.tierAlt(
                new TierCosts(byTier, Instant.parse("2026-11-23T09:00:00Z")), new Money(Currency.getInstance("USD")));

        assertThat(alt)
                .isEqualTo("Monthly cost and margin by tier: strategic cost $45,000, margin $45,000 (1 service);"
                        + " core cost $30,000, margin −$18,000 (2 services); secondary no services.");
    }
}
