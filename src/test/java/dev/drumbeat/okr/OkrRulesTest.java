package dev.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** At risk at quarter boundaries, and vanity on constructed series. */
class OkrRulesTest {
    static final OkrRules RULES = OkrRules.defaults();
    static final Quarter Q1 = new Quarter(2027, 1);

    private static boolean atRisk(String progress, Confidence confidence, LocalDate day) {
        return RULES.isAtRisk(
                Optional.ofNullable(progress).map(BigDecimal::new),
                Optional.ofNullable(confidence),
                Q1.elapsedShare(day));
    }

    @Test
    void the_quarter_elapses_from_nothing_on_its_first_day_to_all_after_its_last() {
        assertThat(Q1.elapsedShare(LocalDate.parse("2026-12-31"))).isEqualByComparingTo("0");
        assertThat(Q1.elapsedShare(LocalDate.parse("2027-01-01"))).isEqualByComparingTo("0");
        assertThat(Q1.elapsedShare(LocalDate.parse("2027-02-15"))).isEqualByComparingTo("0.5");
        assertThat(Q1.elapsedShare(LocalDate.parse("2027-03-31"))).isEqualByComparingTo("0.9889");
        assertThat(Q1.elapsedShare(LocalDate.parse("2027-04-01"))).isEqualByComparingTo("1");
        assertThat(Quarter.of(LocalDate.parse("2027-04-01"))).isEqualTo(new Quarter(2027, 2));
        assertThat(Quarter.parse("2026-q4").next()).isEqualTo(Q1);
        assertThat(Q1.previous()).hasToString("2026-Q4");
        assertThatThrownBy(() -> Quarter.parse("Q5 2027")).hasMessageContaining("2027-Q1");
        assertThat(Q1.elapsedShare(LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-02")))
                .as("set on 2 March: none of its time gone")
                .isEqualByComparingTo("0");
        assertThat(Q1.elapsedShare(LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-17")))
                .as("half of the 30 days it had")
                .isEqualByComparingTo("0.5");
        assertThat(Q1.elapsedShare(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-02-15")))
                .as("set before the quarter: the whole quarter")
                .isEqualByComparingTo("0.5");
        assertThat(Q1.elapsedShare(LocalDate.parse("2027-05-01"), LocalDate.parse("2027-05-02")))
                .isEqualByComparingTo("0");
    }

    @Test
    void nothing_is_at_risk_by_progress_on_the_first_day_of_the_quarter() {
        assertThat(atRisk("0", null, LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(atRisk("0", Confidence.ON_TRACK, LocalDate.parse("2027-01-01")))
                .isFalse();
    }

    @Test
    void an_off_track_owner_puts_it_at_risk_whatever_the_progress() {
        assertThat(atRisk("1", Confidence.OFF_TRACK, LocalDate.parse("2027-01-01")))
                .isTrue();
        assertThat(atRisk(null, Confidence.OFF_TRACK, LocalDate.parse("2027-02-01")))
                .isTrue();
        assertThat(atRisk(null, Confidence.AT_RISK, LocalDate.parse("2027-03-31")))
                .as("no reading: confidence alone")
                .isFalse();
    }

    @Test
    void trailing_the_quarter_by_more_than_a_quarter_is_at_risk() {
        assertThat(atRisk("0.25", null, LocalDate.parse("2027-02-15")))
                .as("half gone, a quarter done: exactly 0.25 behind")
                .isFalse();
        assertThat(atRisk("0.24", null, LocalDate.parse("2027-02-15"))).isTrue();
        assertThat(atRisk("0.74", Confidence.ON_TRACK, LocalDate.parse("2027-04-01")))
                .as("after the last day")
                .isTrue();
        assertThat(atRisk("0.75", Confidence.ON_TRACK, LocalDate.parse("2027-04-01")))
                .isFalse();
    }

    private static OkrRules.KpiSeries series(String target, String direction, String... values) {
        return new OkrRules.KpiSeries(
                "kpi",
                new BigDecimal(target),
                direction,
                Arrays.stream(values).map(BigDecimal::new).toList());
    }

    @Test
    void an_on_track_claim_over_a_flat_kpi_is_vanity() {
        OkrRules.KpiSeries incidentCostFlat = series("10000", "down", "25000", "24800", "25100", "25000", "24900");

        assertThat(RULES.isVanity(Optional.of(Confidence.ON_TRACK), List.of(incidentCostFlat)))
                .isTrue();
        assertThat(RULES.isVanity(Optional.of(Confidence.AT_RISK), List.of(incidentCostFlat)))
                .as("an honest at-risk is not vanity")
                .isFalse();
        assertThat(RULES.isVanity(Optional.empty(), List.of(incidentCostFlat))).isFalse();
    }

    @Test
    void movement_toward_target_in_any_linked_kpi_is_not_vanity() {
        OkrRules.KpiSeries improving = series("10000", "down", "25000", "24000", "22000", "20000", "18000");
        OkrRules.KpiSeries worsening = series("99.9", "up", "99.5", "99.4", "99.3", "99.2", "99.1");

        assertThat(RULES.isVanity(Optional.of(Confidence.ON_TRACK), List.of(improving)))
                .isFalse();
        assertThat(RULES.isVanity(Optional.of(Confidence.ON_TRACK), List.of(worsening)))
                .isTrue();
        assertThat(RULES.isVanity(Optional.of(Confidence.ON_TRACK), List.of(worsening, improving)))
                .isFalse();
    }

    @Test
    void a_kpi_on_target_or_with_a_short_history_is_no_evidence_of_vanity() {
        assertThat(RULES.isVanity(
                        Optional.of(Confidence.ON_TRACK),
                        List.of(series("99.9", "up", "99.95", "99.95", "99.95", "99.95", "99.95"))))
                .isFalse();
        assertThat(RULES.isVanity(
                        Optional.of(Confidence.ON_TRACK),
                        List.of(series("10000", "down", "25000", "25000", "25000", "25000"))))
                .as("four readings, four periods")
                .isFalse();
        assertThat(RULES.isVanity(Optional.of(Confidence.ON_TRACK), List.of()))
                .as("nothing linked")
                .isFalse();
    }

    @Test
    void rules_refuse_thresholds_that_mean_nothing() {
        assertThatThrownBy(() -> new OkrRules(new BigDecimal("1.5"), 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OkrRules(new BigDecimal("0.25"), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
