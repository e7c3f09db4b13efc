package dev.drumbeat.ask.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Worked examples and edge cases of the optimiser and its greedy yardstick; the properties are in OptimiserPropertiesTest. */
class OptimiserTest {
    /** Greedy by ratio takes A (0.50) then C (0.55) for 85; C alone reaches 100 for 55. */
    static final List<Candidate> GREEDY_TRAP =
            List.of(item("a", "60", "30"), item("b", "50", "35"), item("c", "100", "55"));

    @Test
    void picks_the_least_impact_set_where_greedy_would_take_a_worse_one() {
        Optimiser.Choice choice = Optimiser.choose(GREEDY_TRAP, money("100"));

        assertThat(choice.picks()).extracting(Candidate::key).containsExactly("c");
        assertThat(choice.impact()).isEqualByComparingTo("55");
        assertThat(choice.saving()).isEqualByComparingTo("100");
        assertThat(choice.reachesTarget()).isTrue();
    }

    @Test
    void greedy_takes_the_shortest_prefix_in_order_of_impact_per_unit_saved() {
        Optimiser.Choice greedy = OptimiserGreedy.choose(GREEDY_TRAP, money("100"));

        assertThat(greedy.picks()).extracting(Candidate::key).containsExactly("a", "c");
        assertThat(greedy.impact()).isEqualByComparingTo("85");
    }

    @Test
    void picks_come_in_order_of_impact_per_unit_saved_the_least_painful_first() {
        List<Candidate> all = List.of(item("dear", "10", "9"), item("cheap", "10", "1"), item("middling", "10", "5"));

        assertThat(Optimiser.choose(all, money("30")).picks())
                .extracting(Candidate::key)
                .containsExactly("cheap", "middling", "dear");
    }

    @Test
    void a_target_of_zero_needs_no_picks_and_is_reached() {
        Optimiser.Choice choice = Optimiser.choose(GREEDY_TRAP, BigDecimal.ZERO);

        assertThat(choice.picks()).isEmpty();
        assertThat(choice.saving()).isEqualByComparingTo("0");
        assertThat(choice.reachesTarget()).isTrue();
    }

    @Test
    void a_target_above_the_total_picks_everything_that_saves_and_says_it_falls_short() {
        List<Candidate> all = List.of(item("a", "60", "30"), item("idle", "0", "0"), item("b", "50", "35"));

        Optimiser.Choice choice = Optimiser.choose(all, money("1000000000000000000000000"));

        assertThat(choice.picks()).extracting(Candidate::key).containsExactlyInAnyOrder("a", "b");
        assertThat(choice.saving()).isEqualByComparingTo("110");
        assertThat(choice.reachesTarget()).isFalse();
    }

    @Test
    void a_target_the_savings_meet_exactly_counts_as_reached() {
        Optimiser.Choice choice =
                Optimiser.choose(List.of(item("a", "0.37", "1"), item("b", "0.63", "1")), money("1.00"));

        assertThat(choice.picks()).hasSize(2);
        assertThat(choice.reachesTarget()).isTrue();
    }

    @Test
    void savings_finer_than_cents_are_compared_exactly() {
        List<Candidate> halfCents = List.of(item("a", "0.005", "1"), item("b", "0.005", "1"), item("c", "0.0049", "0"));

        assertThat(Optimiser.choose(halfCents, money("0.01")).picks())
                .extracting(Candidate::key)
                .contains("a", "b");
        assertThat(Optimiser.choose(halfCents, money("0.0099")).picks())
                .extracting(Candidate::key)
                .containsExactly("c", "a");
        assertThat(Optimiser.choose(halfCents, money("0.0149001")).reachesTarget())
                .isFalse();
    }

    @Test
    void a_candidate_that_saves_nothing_is_never_picked_even_if_it_costs_nothing() {
        List<Candidate> all = List.of(item("free", "0", "0"), item("loss", "-50", "0"), item("a", "10", "4"));

        assertThat(Optimiser.choose(all, money("10")).picks())
                .extracting(Candidate::key)
                .containsExactly("a");
        assertThat(Optimiser.choose(all, money("20")).picks())
                .extracting(Candidate::key)
                .containsExactly("a");
    }

    @Test
    void when_every_candidate_is_protected_nothing_is_picked_and_the_target_is_not_reached() {
        List<Candidate> all = List.of(spared("ledger", true, "core"), spared("trading", false, "strategic"));

        Optimiser.Choice choice = Optimiser.choose(AdvisorRules.standard().eligible(all), money("10"));

        assertThat(choice.picks()).isEmpty();
        assertThat(choice.reachesTarget()).isFalse();
    }

    @Test
    void duplicate_candidates_are_both_picked_when_both_are_needed_and_one_when_one_will_do() {
        Candidate twin = item("twin", "50", "20");
        List<Candidate> all = List.of(twin, twin, item("other", "80", "60"));

        assertThat(Optimiser.choose(all, money("100")).picks()).containsExactly(twin, twin);
        assertThat(Optimiser.choose(all, money("40")).picks()).containsExactly(twin);
    }

    @Test
    void equally_good_candidates_are_told_apart_by_key_whatever_the_input_order() {
        List<Candidate> clones =
                new ArrayList<>(List.of(item("m", "50", "20"), item("k", "50", "20"), item("z", "50", "20")));

        for (int i = 0; i < 6; i++) {
            Collections.rotate(clones, 1);
            assertThat(Optimiser.choose(clones, money("90")).picks())
                    .extracting(Candidate::key)
                    .containsExactly("k", "m");
        }
    }

    @Test
    void next_best_spares_the_highest_impact_pick_and_finds_the_best_set_without_it() {
        List<Candidate> all =
                List.of(item("a", "60", "30"), item("b", "50", "35"), item("c", "100", "55"), item("d", "45", "10"));
        Optimiser.Choice chosen = Optimiser.choose(all, money("100"));

        Optional<Optimiser.Choice> nextBest = Optimiser.nextBest(all, money("100"), chosen);

        assertThat(chosen.picks()).extracting(Candidate::key).containsExactly("d", "a");
        assertThat(chosen.impact()).isEqualByComparingTo("40");
        assertThat(nextBest.orElseThrow().picks()).extracting(Candidate::key).containsExactly("c");
        assertThat(nextBest.orElseThrow().impact()).isEqualByComparingTo("55");
    }

    @Test
    void next_best_is_empty_when_sparing_the_highest_impact_pick_leaves_the_target_out_of_reach() {
        List<Candidate> all = List.of(item("big", "100", "70"), item("small", "10", "1"));
        Optimiser.Choice chosen = Optimiser.choose(all, money("100"));

        assertThat(Optimiser.nextBest(all, money("100"), chosen)).isEmpty();
    }

    @Test
    void next_best_is_empty_when_nothing_was_picked_or_the_target_was_missed() {
        assertThat(Optimiser.nextBest(GREEDY_TRAP, BigDecimal.ZERO, Optimiser.choose(GREEDY_TRAP, BigDecimal.ZERO)))
                .isEmpty();
        assertThat(Optimiser.nextBest(GREEDY_TRAP, money("500"), Optimiser.choose(GREEDY_TRAP, money("500"))))
                .isEmpty();
    }

    @Test
    void on_a_portfolio_where_impact_equals_saving_it_proves_a_set_that_saves_the_target_to_the_cent() {
        Random random = new Random(11);
        List<Candidate> subsetSum = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String amount =
                    BigDecimal.valueOf(random.nextInt(100, 3_000_000), 2).toPlainString();
            subsetSum.add(item("s" + i, amount, amount));
        }
        BigDecimal target = new BigDecimal("1000000.01");

        Optimiser.Choice choice = Optimiser.choose(subsetSum, target);

        assertThat(choice.saving()).isEqualByComparingTo(target);
        assertThat(choice.impact()).isEqualByComparingTo(target);
        assertThat(choice.provenOptimal()).isTrue();
    }

    @Test
    void the_gap_to_the_best_possible_is_rounded_up_to_a_tenth_of_a_per_cent_or_below_that_its_first_digit() {
        assertThat(choice("100.41", "100").gapPercent()).contains(new BigDecimal("0.5"));
        assertThat(choice("100.40", "100").gapPercent()).contains(new BigDecimal("0.4"));
        assertThat(choice("100.0001", "100").gapPercent()).contains(new BigDecimal("0.0001"));
        assertThat(choice("100.00025", "100").gapPercent()).contains(new BigDecimal("0.0003"));
        assertThat(choice("100.1", "100").gapPercent()).contains(new BigDecimal("0.1"));
        assertThat(choice("100", "100").gapPercent()).contains(new BigDecimal("0.0"));
        assertThat(choice("100", "100").provenOptimal()).isTrue();
        assertThat(choice("100.0001", "100").provenOptimal()).isFalse();
        assertThat(choice("5", "0").gapPercent()).isEmpty();
    }

    @Test
    void greedy_states_the_lp_bound_as_its_lower_bound() {
        assertThat(OptimiserGreedy.choose(GREEDY_TRAP, money("100")).lowerBound())
                .isEqualByComparingTo("52");
    }

    @Test
    void answers_are_proven_optimal_except_from_greedy() {
        assertThat(Optimiser.choose(GREEDY_TRAP, money("100")).provenOptimal()).isTrue();
        assertThat(Optimiser.choose(GREEDY_TRAP, money("1000")).provenOptimal()).isTrue();
        assertThat(OptimiserGreedy.choose(GREEDY_TRAP, money("100")).provenOptimal())
                .isFalse();
    }

    private static Optimiser.Choice choice(String impact, String lowerBound) {
        return new Optimiser.Choice(List.of(), money("1"), money(impact), true, money(lowerBound));
    }

    static Candidate item(String key, String saving, String valueLost) {
        return new Candidate(
                key,
                key.toUpperCase(),
                Candidate.Kind.SERVICE,
                "core",
                false,
                money(saving),
                money(valueLost),
                BigDecimal.ZERO,
                0,
                0,
                Optional.empty());
    }

    private static Candidate spared(String key, boolean isProtected, String tier) {
        return new Candidate(
                key,
                key,
                Candidate.Kind.SERVICE,
                tier,
                isProtected,
                money("100"),
                money("1"),
                BigDecimal.ZERO,
                0,
                0,
                Optional.empty());
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
