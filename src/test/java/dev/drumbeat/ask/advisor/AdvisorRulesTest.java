package dev.drumbeat.ask.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which candidates a question may touch, why the others are spared, and what stopping one costs. */
class AdvisorRulesTest {

    @Test
    void a_core_unprotected_service_is_eligible() {
        assertThat(AdvisorRules.standard().spared(candidate("hr-portal", "core", false)))
                .isEmpty();
    }

    @Test
    void a_protected_candidate_is_spared_even_when_the_question_includes_strategic_work() {
        AdvisorRules includingStrategic = new AdvisorRules(true, Set.of());

        assertThat(includingStrategic.spared(candidate("ledger", "strategic", true)))
                .contains(AdvisorRules.Spared.PROTECTED);
        assertThat(includingStrategic.spared(candidate("print", "secondary", true)))
                .contains(AdvisorRules.Spared.PROTECTED);
    }

    @Test
    void a_strategic_candidate_is_spared_unless_the_question_includes_strategic_work() {
        Candidate trading = candidate("trading", " Strategic ", false);

        assertThat(AdvisorRules.standard().spared(trading)).contains(AdvisorRules.Spared.STRATEGIC);
        assertThat(new AdvisorRules(true, Set.of()).isEligible(trading)).isTrue();
    }

    @Test
    void a_candidate_the_question_excludes_is_spared_whatever_the_case_of_its_key() {
        AdvisorRules withoutPayroll = new AdvisorRules(true, Set.of("PAYROLL "));

        assertThat(withoutPayroll.spared(candidate("payroll", "core", false))).contains(AdvisorRules.Spared.EXCLUDED);
        assertThat(withoutPayroll.isEligible(candidate("payroll-archive", "core", false)))
                .isTrue();
    }

    @Test
    void an_initiative_without_a_tier_is_eligible() {
        Candidate migration = new Candidate(
                "cloud-move",
                "Cloud migration",
                Candidate.Kind.INITIATIVE,
                null,
                false,
                money("40000"),
                money("0"),
                money("0"),
                0,
                0,
                Optional.empty());

        assertThat(AdvisorRules.standard().isEligible(migration)).isTrue();
    }

    @Test
    void each_reason_reads_as_a_plain_clause() {
        assertThat(AdvisorRules.Spared.STRATEGIC.reason())
                .isEqualTo("it is strategic (ask \"including strategic\" to consider it)");
        assertThat(AdvisorRules.Spared.PROTECTED.reason()).isEqualTo("it is protected");
    }

    @Test
    void eligible_keeps_the_order_given_and_drops_the_spared() {
        List<Candidate> all = List.of(
                candidate("c", "core", false),
                candidate("b", "strategic", false),
                candidate("a", "secondary", false),
                candidate("d", "core", true));

        assertThat(new AdvisorRules(false, Set.of("x")).eligible(all))
                .extracting(Candidate::key)
                .containsExactly("c", "a");
    }

    @Test
    void impact_is_the_value_lost_when_nothing_else_weighs() {
        assertThat(AdvisorRules.impact(withImpactInputs("1234.56", "0", 0, 0))).isEqualByComparingTo("1234.56");
    }

    @Test
    void impact_adds_the_documented_weights_for_demand_kpis_on_target_and_open_dependencies() {
        Candidate c = withImpactInputs("1000", "5000", 2, 1);

        BigDecimal expected = new BigDecimal("1000")
                .add(new BigDecimal("5000").multiply(AdvisorRules.PER_DEMAND_UNIT))
                .add(AdvisorRules.PER_KPI_ON_TARGET.multiply(BigDecimal.valueOf(2)))
                .add(AdvisorRules.PER_OPEN_DEPENDENCY);
        assertThat(AdvisorRules.impact(c)).isEqualByComparingTo(expected).isEqualByComparingTo("10050");
    }

    @Test
    void negative_value_lost_demand_and_counts_count_as_zero_so_impact_is_never_negative() {
        assertThat(AdvisorRules.impact(withImpactInputs("-900", "-10", -1, -3))).isEqualByComparingTo("0");
    }

    private static Candidate candidate(String key, String tier, boolean isProtected) {
        return new Candidate(
                key,
                key,
                Candidate.Kind.SERVICE,
                tier,
                isProtected,
                money("1000"),
                money("500"),
                money("10"),
                0,
                0,
                Optional.of("U1"));
    }

    private static Candidate withImpactInputs(String valueLost, String demand, int kpis, int dependencies) {
        return new Candidate(
                "svc",
                "Service",
                Candidate.Kind.SERVICE,
                "core",
                false,
                money("100"),
                money(valueLost),
                money(demand),
                kpis,
                dependencies,
                Optional.empty());
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
