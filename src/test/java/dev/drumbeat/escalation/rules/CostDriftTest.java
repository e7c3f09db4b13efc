package dev.drumbeat.escalation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The drift detector against the acceptance, over seeded series: a steady 22% rise over six months is caught by
 * its third month, a one-month +40% spike in that month, ±5% noise never, and too few months are not judged. The
 * detector runs after every month of a series, as the sweep would once each month's bills are in.
 */
class CostDriftTest {
    static final int TREND = 10;
    static final int SPIKE = 25;
    static final YearMonth FIRST = YearMonth.of(2024, 1);
    /** 22% over six months, compounding: about 3.37% a month. */
    static final double MONTHLY_RISE = Math.pow(1.22, 1.0 / 6);

    @Test
    void a_steady_rise_of_22_percent_over_six_months_is_caught_by_the_end_of_its_third_month_at_the_latest() {
        SplittableRandom random = new SplittableRandom(15);
        for (int series = 0; series < 500; series++) {
            int flat = 3 + random.nextInt(4);
            double level = 100 + random.nextDouble() * 500_000;
            double rate = series % 2 == 0 ? MONTHLY_RISE : 1.034;
            List<BigDecimal> costs = new ArrayList<>();
            for (int m = 0; m < flat; m++) {
                costs.add(cents(level));
            }
            for (int m = 1; m <= 6; m++) {
                costs.add(cents(level * Math.pow(rate, m)));
            }

            int caught = firstCaught(costs).orElseThrow(() -> new AssertionError("never caught: " + costs));

            assertThat(caught - flat + 1)
                    .as("rise month caught in %s (flat %d months)", costs, flat)
                    .isBetween(1, 3);
            assertThat(judge(costs.subList(0, caught + 1)).orElseThrow().kind()).isEqualTo(CostDrift.Kind.TREND);
        }
    }

    @Test
    void a_one_month_spike_of_40_percent_over_a_flat_baseline_is_caught_in_that_month() {
        SplittableRandom random = new SplittableRandom(40);
        for (int series = 0; series < 500; series++) {
            int flat = 3 + random.nextInt(9);
            double level = 100 + random.nextDouble() * 500_000;
            List<BigDecimal> costs = new ArrayList<>();
            for (int m = 0; m < flat; m++) {
                costs.add(cents(level));
            }
            costs.add(cents(level * 1.40));

            assertThat(firstCaught(costs)).as("caught in %s", costs).contains(flat);
            CostDrift.Drift drift = judge(costs).orElseThrow();
            assertThat(drift.kind()).isEqualTo(CostDrift.Kind.SPIKE);
            assertThat(drift.change()).isCloseTo(new BigDecimal("0.4"), within(new BigDecimal("0.0001")));
            assertThat(drift.from()).isEqualTo(FIRST.plusMonths(flat - 3L));
        }
    }

    @Test
    void ordinary_noise_within_five_percent_of_a_flat_level_is_never_caught_in_a_thousand_seeded_series() {
        SplittableRandom random = new SplittableRandom(5);
        for (int series = 0; series < 1000; series++) {
            double level = 100 + random.nextDouble() * 500_000;
            List<BigDecimal> costs = new ArrayList<>();
            for (int m = 0; m < 12; m++) {
                costs.add(cents(level * (0.95 + random.nextDouble() * 0.10)));
            }

            assertThat(firstCaught(costs)).as("series %d: %s", series, costs).isEmpty();
        }
    }

    @Test
    void a_service_with_fewer_months_of_bills_than_the_detector_needs_is_not_judged() {
        assertThat(judge(costs("100", "100", "300")))
                .as("a tripling after two months")
                .isEmpty();
        assertThat(judge(costs("100", "110", "121", "133", "146")))
                .as("five months rising 10% a month: a trend needs six")
                .isEmpty();
        assertThat(judge(costs("100", "100", "100", "140")))
                .as("four months are enough for a spike")
                .isPresent();
    }

    @Test
    void a_month_without_bills_breaks_the_run_so_only_the_months_since_count() {
        SortedMap<YearMonth, BigDecimal> gap = new TreeMap<>();
        for (int m = 0; m < 6; m++) {
            gap.put(FIRST.plusMonths(m), new BigDecimal("100"));
        }
        gap.put(FIRST.plusMonths(7), new BigDecimal("100"));
        gap.put(FIRST.plusMonths(8), new BigDecimal("100"));
        gap.put(FIRST.plusMonths(9), new BigDecimal("200"));

        assertThat(CostDrift.judge(gap, FIRST.plusMonths(9), TREND, SPIKE)).isEmpty();
    }

    @Test
    void months_after_the_latest_whole_month_are_never_looked_at() {
        SortedMap<YearMonth, BigDecimal> months = series(costs("100", "100", "100", "100", "900"));

        assertThat(CostDrift.judge(months, FIRST.plusMonths(3), TREND, SPIKE)).isEmpty();
    }

    @Test
    void a_spike_clears_when_the_next_month_is_back_at_the_level_before() {
        assertThat(judge(costs("100", "100", "100", "140"))).isPresent();
        assertThat(judge(costs("100", "100", "100", "140", "100"))).isEmpty();
    }

    @Test
    void a_rise_that_levels_off_is_still_drift_until_the_new_level_has_held_for_some_months() {
        List<BigDecimal> rise = costs("100", "100", "100", "103.37", "106.86", "110.46", "114.19", "118.04", "122");
        List<BigDecimal> held = new ArrayList<>(rise);
        held.addAll(costs("122", "122", "122"));

        assertThat(judge(rise)).isPresent();
        assertThat(judge(held.subList(0, 10))).as("a month at the new level").isPresent();
        assertThat(judge(held.subList(0, 11))).as("two months at the new level").isPresent();
        assertThat(judge(held))
                .as("the new level is now half the months before")
                .isEmpty();
    }

    @Test
    void the_thresholds_decide() {
        List<BigDecimal> rise = costs("100", "100", "100", "103.37", "106.86", "110.46");
        assertThat(CostDrift.judge(series(rise), FIRST.plusMonths(5), 12, SPIKE))
                .isEmpty();
        assertThat(CostDrift.judge(series(rise), FIRST.plusMonths(5), 10, SPIKE))
                .isPresent();

        List<BigDecimal> spike = costs("100", "100", "100", "140");
        assertThat(CostDrift.judge(series(spike), FIRST.plusMonths(3), TREND, 41))
                .isEmpty();
        assertThat(CostDrift.judge(series(spike), FIRST.plusMonths(3), TREND, 40))
                .isPresent();
    }

    @Test
    void nothing_is_judged_against_months_that_cost_nothing_or_were_credits() {
        assertThat(judge(costs("0", "0", "0", "50"))).isEmpty();
        assertThat(judge(costs("-10", "5", "4", "50"))).isEmpty();
    }

    @Test
    void a_trend_says_its_baseline_months_its_rise_and_the_change() {
        CostDrift.Drift drift =
                judge(costs("100", "100", "100", "104", "107", "111")).orElseThrow();

        assertThat(drift.kind()).isEqualTo(CostDrift.Kind.TREND);
        assertThat(drift.from()).isEqualTo(FIRST);
        assertThat(drift.to()).isEqualTo(FIRST.plusMonths(2));
        assertThat(drift.average()).isEqualByComparingTo("100");
        assertThat(drift.rise())
                .extracting(CostDrift.Month::month)
                .containsExactly(FIRST.plusMonths(3), FIRST.plusMonths(4), FIRST.plusMonths(5));
        assertThat(drift.change()).isEqualByComparingTo("0.11");
    }

    /** The index of the first month after which the detector finds drift, judging after every month. */
    private static Optional<Integer> firstCaught(List<BigDecimal> costs) {
        for (int m = 0; m < costs.size(); m++) {
            if (judge(costs.subList(0, m + 1)).isPresent()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static Optional<CostDrift.Drift> judge(List<BigDecimal> costs) {
        return CostDrift.judge(series(costs), FIRST.plusMonths(costs.size() - 1L), TREND, SPIKE);
    }

    private static SortedMap<YearMonth, BigDecimal> series(List<BigDecimal> costs) {
        SortedMap<YearMonth, BigDecimal> months = new TreeMap<>();
        for (int m = 0; m < costs.size(); m++) {
            months.put(FIRST.plusMonths(m), costs.get(m));
        }
        return months;
    }

    private static List<BigDecimal> costs(String... amounts) {
        return new ArrayList<>(List.of(amounts).stream().map(BigDecimal::new).toList());
    }

    private static BigDecimal cents(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN);
    }
}
