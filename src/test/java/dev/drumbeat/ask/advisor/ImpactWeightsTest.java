package dev.drumbeat.ask.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A workspace's impact weights: what stopping a candidate costs, and how the weights steer the optimiser. */
class ImpactWeightsTest {

    @Test
    void the_defaults_are_the_documented_weights() {
        ImpactWeights defaults = ImpactWeights.defaults();

        assertThat(defaults.perValueLost()).isEqualByComparingTo("1");
        assertThat(defaults.perKpiOnTarget()).isEqualByComparingTo("2000");
        assertThat(defaults.perOpenDependency()).isEqualByComparingTo("5000");
        assertThat(defaults.perDemandUnit()).isEqualByComparingTo("0.01");
        assertThat(defaults.impact(candidate("a", "100", "1000", "5000", 2, 1))).isEqualByComparingTo("10050");
    }

    @Test
    void each_weight_scales_its_own_part_of_impact_exactly() {
        ImpactWeights weights = new ImpactWeights(
                new BigDecimal("0.5"), new BigDecimal("2500"), new BigDecimal("100"), new BigDecimal("0.001"));

        // 1000 × 0.5 + 2 × 2500 + 1 × 100 + 5000 × 0.001
        assertThat(weights.impact(candidate("a", "100", "1000", "5000", 2, 1))).isEqualByComparingTo("5605.000");
    }

    @Test
    void negative_inputs_still_count_as_zero_under_any_weights() {
        ImpactWeights weights = new ImpactWeights(
                new BigDecimal("3"), new BigDecimal("10"), new BigDecimal("10"), new BigDecimal("10"));

        assertThat(weights.impact(candidate("a", "100", "-900", "-10", -1, -3))).isEqualByComparingTo("0");
    }

    @Test
    void a_weight_may_be_zero_but_never_negative() {
        assertThat(new ImpactWeights(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)
                        .impact(candidate("a", "100", "1000", "5000", 2, 1)))
                .isEqualByComparingTo("0");
        assertThatThrownBy(
                        () -> new ImpactWeights(BigDecimal.ONE, new BigDecimal("-1"), BigDecimal.ZERO, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_kpi_weight_decides_between_a_set_that_keeps_a_kpi_and_one_that_loses_more_value() {
        Candidate kpiBearing = candidate("kpi", "4000", "0", "0", 1, 0);
        Candidate valuable = candidate("value", "4000", "3000", "0", 0, 0);
        List<Candidate> both = List.of(kpiBearing, valuable);
        BigDecimal target = new BigDecimal("4000");

        assertThat(Optimiser.choose(both, target, ImpactWeights.defaults()).picks())
                .containsExactly(kpiBearing);
        ImpactWeights kpisMatterMore = ImpactWeights.defaults().withPerKpiOnTarget(new BigDecimal("5000"));
        Optimiser.Choice choice = Optimiser.choose(both, target, kpisMatterMore);
        assertThat(choice.picks()).containsExactly(valuable);
        assertThat(choice.impact()).isEqualByComparingTo("3000");
        assertThat(Optimiser.nextBest(both, target, choice, kpisMatterMore)
                        .orElseThrow()
                        .picks())
                .containsExactly(kpiBearing);
    }

    private static Candidate candidate(
            String key, String saving, String valueLost, String demand, int kpis, int dependencies) {
        return new Candidate(
                key,
                key,
                Candidate.Kind.SERVICE,
                "core",
                false,
                new BigDecimal(saving),
                new BigDecimal(valueLost),
                new BigDecimal(demand),
                kpis,
                dependencies,
                Optional.empty());
    }
}
