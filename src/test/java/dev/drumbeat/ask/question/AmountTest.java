package dev.drumbeat.ask.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drumbeat.ask.question.Amount.Per;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountTest {

    @Test
    void a_sum_per_month_is_its_own_monthly_saving() {
        assertThat(Amount.of(new BigDecimal("50000"), Per.MONTH).monthly()).isEqualByComparingTo("50000");
    }

    @Test
    void a_sum_per_quarter_or_year_is_spread_over_its_months_to_the_cent() {
        assertThat(Amount.of(new BigDecimal("40000"), Per.QUARTER).monthly()).isEqualTo(new BigDecimal("13333.33"));
        assertThat(Amount.of(new BigDecimal("1200000"), Per.YEAR).monthly()).isEqualTo(new BigDecimal("100000.00"));
    }

    @Test
    void a_percentage_is_a_monthly_share_that_becomes_money_against_the_monthly_cost() {
        Amount twoPercent = Amount.percentOfMonthlyCost(new BigDecimal("2"));

        assertThat(twoPercent.monthly()).isEqualByComparingTo("2");
        assertThat(twoPercent.monthlyAgainst(new BigDecimal("1250000"))).isEqualTo(new BigDecimal("25000.00"));
    }

    @Test
    void a_sum_ignores_the_monthly_cost_it_is_measured_against() {
        Amount sum = Amount.of(new BigDecimal("36000"), Per.YEAR);

        assertThat(sum.monthlyAgainst(new BigDecimal("999"))).isEqualTo(new BigDecimal("3000.00"));
    }

    @Test
    void equal_sums_written_differently_are_equal_amounts() {
        assertThat(Amount.of(new BigDecimal("50000.00"), Per.MONTH))
                .isEqualTo(Amount.of(new BigDecimal("5E+4"), Per.MONTH))
                .isEqualTo(Amount.of(new BigDecimal("50000"), Per.MONTH));
    }

    @Test
    void a_saving_of_nothing_or_less_is_refused() {
        assertThatThrownBy(() -> Amount.of(BigDecimal.ZERO, Per.MONTH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Amount.of(new BigDecimal("-5"), Per.YEAR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_percentage_is_always_per_month() {
        assertThatThrownBy(() -> new Amount(BigDecimal.ONE, Per.QUARTER, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
