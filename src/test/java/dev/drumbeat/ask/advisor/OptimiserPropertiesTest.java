package dev.drumbeat.ask.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.ask.question.Question;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The optimiser's promises checked on hundreds of seeded random portfolios: never a spared pick, the target
 * reached whenever it can be, the brute-force optimum exactly, and one answer whatever the input order. Portfolios
 * mix ties, duplicates, zero savings, impacts proportional to saving (the hard, subset-sum-like case) and targets
 * that some subset meets to the cent.
 */
class OptimiserPropertiesTest {
    private static final int CASES = 400;

    @Test
    void never_picks_a_protected_strategic_or_excluded_candidate() {
        Random random = new Random(1);
        for (int c = 0; c < CASES; c++) {
            Question q = Question.random(random, 1 + random.nextInt(40));
            Set<String> sparedKeys = new HashSet<>();
            q.portfolio().stream().filter(x -> q.rules().spared(x).isPresent()).forEach(x -> sparedKeys.add(x.key()));

            assertThat(Optimiser.choose(q.eligible(), q.target()).picks()).allSatisfy(pick -> {
                assertThat(q.rules().spared(pick)).isEmpty();
                assertThat(sparedKeys).doesNotContain(pick.key());
            });
        }
    }

    @Test
    void the_chosen_saving_reaches_the_target_whenever_all_eligible_candidates_together_do() {
        Random random = new Random(2);
        for (int c = 0; c < CASES; c++) {
            Question q = Question.random(random, random.nextInt(60));
            BigDecimal total = q.eligible().stream()
                    .map(Candidate::monthlySaving)
                    .filter(s -> s.signum() > 0)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Optimiser.Choice choice = Optimiser.choose(q.eligible(), q.target());

            boolean reachable = total.compareTo(q.target()) >= 0;
            assertThat(choice.reachesTarget()).as("case %d", c).isEqualTo(reachable);
            assertThat(choice.saving().compareTo(q.target()) >= 0)
                    .isEqualTo(reachable || q.target().signum() <= 0);
            if (!reachable) {
                assertThat(choice.saving()).isEqualByComparingTo(total);
            }
        }
    }

    @Test
    void its_impact_equals_the_brute_force_optimum_on_portfolios_of_up_to_eighteen() {
        Random random = new Random(3);
        for (int c = 0; c < CASES; c++) {
            Question q = Question.random(random, random.nextInt(19));
            Optimiser.Choice choice = Optimiser.choose(q.eligible(), q.target());

            Optional<BigDecimal> optimum = BruteForce.leastImpact(q.eligible(), q.target());
            assertThat(choice.reachesTarget()).as("case %d", c).isEqualTo(optimum.isPresent());
            assertThat(choice.provenOptimal()).isTrue();
            optimum.ifPresent(best -> assertThat(choice.impact()).isEqualByComparingTo(best));
        }
    }

    @Test
    void its_impact_equals_a_dynamic_programme_on_portfolios_of_two_hundred() {
        Random random = new Random(4);
        for (int c = 0; c < 60; c++) {
            List<Candidate> portfolio = Question.wholePortfolio(random, 200);
            long total = portfolio.stream()
                    .mapToLong(p -> p.monthlySaving().longValueExact())
                    .sum();
            long target = random.nextLong(total + 1);

            Optimiser.Choice choice = Optimiser.choose(portfolio, BigDecimal.valueOf(target));

            assertThat(choice.impact())
                    .as("case %d", c)
                    .isEqualByComparingTo(
                            BigDecimal.valueOf(BruteForce.leastImpactByDynamicProgramme(portfolio, target)));
        }
    }

    @Test
    void it_is_never_worse_than_greedy() {
        Random random = new Random(5);
        for (int c = 0; c < CASES; c++) {
            Question q = Question.random(random, random.nextInt(80));

            assertThat(Optimiser.choose(q.eligible(), q.target()).impact())
                    .isLessThanOrEqualTo(
                            OptimiserGreedy.choose(q.eligible(), q.target()).impact());
        }
    }

    @Test
    void the_same_question_on_the_same_data_gives_the_same_answer_in_any_input_order() {
        Random random = new Random(6);
        for (int c = 0; c < CASES; c++) {
            Question q = Question.random(random, random.nextInt(40));
            Optimiser.Choice first = Optimiser.choose(q.eligible(), q.target());
            List<Candidate> shuffled = new ArrayList<>(q.eligible());
            Collections.shuffle(shuffled, random);

            assertThat(Optimiser.choose(q.eligible(), q.target())).isEqualTo(first);
            assertThat(Optimiser.choose(shuffled, q.target())).as("case %d", c).isEqualTo(first);
            assertThat(Optimiser.nextBest(shuffled, q.target(), first))
                    .isEqualTo(Optimiser.nextBest(q.eligible(), q.target(), first));
        }
    }

    @Test
    void the_next_best_set_reaches_the_target_without_the_highest_impact_pick_and_is_no_better() {
        Random random = new Random(7);
        for (int c = 0; c < CASES; c++) {
            Question q = Question.random(random, random.nextInt(19));
            Optimiser.Choice chosen = Optimiser.choose(q.eligible(), q.target());
            Optional<Optimiser.Choice> next = Optimiser.nextBest(q.eligible(), q.target(), chosen);

            next.ifPresent(alternative -> {
                Candidate spared = chosen.picks().stream()
                        .max(Comparator.comparing(AdvisorRules::impact))
                        .orElseThrow();
                List<Candidate> rest = q.eligible().stream()
                        .filter(x -> !x.key().equals(spared.key()))
                        .toList();
                assertThat(alternative.reachesTarget()).isTrue();
                assertThat(alternative.picks()).extracting(Candidate::key).doesNotContain(spared.key());
                assertThat(alternative.impact())
                        .isGreaterThanOrEqualTo(chosen.impact())
                        .isEqualByComparingTo(
                                BruteForce.leastImpact(rest, q.target()).orElseThrow());
            });
        }
    }

    @Test
    void on_ten_thousand_heavy_tailed_candidates_it_proves_the_optimum() {
        assertProvesTheOptimumOfTenThousand(HardPortfolios.Shape.HEAVY_TAILED, 11);
    }

    @Test
    void on_ten_thousand_candidates_of_a_few_repeated_amounts_it_proves_the_optimum() {
        assertProvesTheOptimumOfTenThousand(HardPortfolios.Shape.TIED, 13);
    }

    @Test
    void on_ten_thousand_candidates_whose_impact_is_their_saving_it_proves_a_set_saving_the_target_exactly() {
        Random random = new Random(12);
        for (int c = 0; c < 6; c++) {
            List<Candidate> portfolio = HardPortfolios.atCostInCents(random, 10_000);
            BigDecimal target = HardPortfolios.reachableTarget(random, portfolio, 0.01 + 0.1 * random.nextDouble());

            Optimiser.Choice choice = Optimiser.choose(portfolio, target);

            assertThat(choice.reachesTarget()).as("case %d", c).isTrue();
            assertThat(choice.impact()).as("case %d", c).isEqualByComparingTo(target);
            assertThat(choice.provenOptimal()).as("case %d", c).isTrue();
        }
    }

    @Test
    void on_small_heavy_tailed_at_cost_or_tied_portfolios_it_equals_brute_force_and_says_it_is_proven() {
        Random random = new Random(14);
        for (int c = 0; c < CASES; c++) {
            HardPortfolios.Shape shape = HardPortfolios.Shape.values()[c % 3];
            List<Candidate> portfolio = HardPortfolios.generate(shape, random, 1 + random.nextInt(18), 40);
            BigDecimal target = HardPortfolios.target(random, portfolio);

            Optimiser.Choice choice = Optimiser.choose(portfolio, target);

            BigDecimal optimum = BruteForce.leastImpact(portfolio, target).orElseThrow();
            assertThat(choice.impact()).as("%s case %d", shape, c).isEqualByComparingTo(optimum);
            assertThat(choice.lowerBound()).isEqualByComparingTo(optimum);
            assertThat(choice.gapPercent()).contains(new BigDecimal("0.0"));
        }
    }

    @Test
    void stopped_short_of_a_proof_it_states_a_lower_bound_that_the_optimum_respects() {
        Random random = new Random(15);
        int unproven = 0;
        for (int c = 0; c < 30; c++) {
            HardPortfolios.Shape shape = HardPortfolios.Shape.values()[c % 3];
            List<Candidate> portfolio = HardPortfolios.generate(shape, random, 2_000, 100);
            BigDecimal target = HardPortfolios.target(random, portfolio);
            OptimiserItems items = OptimiserItems.of(portfolio, target);

            OptimiserSearch.Result result = OptimiserSearch.solve(items.saving, items.impact, items.target, 20);

            BigDecimal impact = Optimiser.Choice.of(items.pick(result.picked()), target, BigDecimal.ZERO)
                    .impact();
            BigDecimal lowerBound = items.impactOf(result.lowerBound());
            BigDecimal optimum = HardPortfolios.leastImpact(portfolio, target.longValueExact())
                    .orElseThrow();
            assertThat(optimum).as("%s case %d", shape, c).isBetween(lowerBound, impact);
            unproven += lowerBound.compareTo(impact) < 0 ? 1 : 0;
        }
        assertThat(unproven).isGreaterThan(5);
    }

    private static void assertProvesTheOptimumOfTenThousand(HardPortfolios.Shape shape, long seed) {
        Random random = new Random(seed);
        for (int c = 0; c < 4; c++) {
            List<Candidate> portfolio = HardPortfolios.generate(shape, random, 10_000, 100);
            BigDecimal target = HardPortfolios.target(random, portfolio);

            Optimiser.Choice choice = Optimiser.choose(portfolio, target);

            BigDecimal optimum = HardPortfolios.leastImpact(portfolio, target.longValueExact())
                    .orElseThrow();
            assertThat(choice.reachesTarget()).as("%s case %d", shape, c).isTrue();
            assertThat(choice.impact()).as("%s case %d", shape, c).isEqualByComparingTo(optimum);
            assertThat(choice.provenOptimal()).as("%s case %d", shape, c).isTrue();
        }
    }

    /** A random question: a portfolio, the rules it is asked under, and a target. */
    record Question(List<Candidate> portfolio, AdvisorRules rules, BigDecimal target) {

        List<Candidate> eligible() {
            return rules.eligible(portfolio);
        }

        static Question random(Random random, int size) {
            List<Candidate> portfolio = portfolio(random, size);
            Set<String> excluded = new HashSet<>();
            portfolio.stream().filter(c -> random.nextInt(8) == 0).forEach(c -> excluded.add(c.key()));
            AdvisorRules rules = new AdvisorRules(random.nextBoolean(), excluded);
            return new Question(portfolio, rules, target(random, rules.eligible(portfolio)));
        }

        /** Mostly a share of the eligible total; sometimes zero, above the total, or exactly some subset's saving. */
        private static BigDecimal target(Random random, List<Candidate> eligible) {
            BigDecimal total = eligible.stream().map(Candidate::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
            return switch (random.nextInt(10)) {
                case 0 -> BigDecimal.ZERO;
                case 1 -> total.add(BigDecimal.ONE);
                case 2, 3 ->
                    eligible.stream()
                            .filter(c -> random.nextBoolean())
                            .map(Candidate::monthlySaving)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                default ->
                    total.multiply(BigDecimal.valueOf(random.nextInt(1, 101), 2))
                            .setScale(2, RoundingMode.HALF_UP);
            };
        }

        private static List<Candidate> portfolio(Random random, int size) {
            boolean proportional = random.nextInt(4) == 0;
            List<Candidate> portfolio = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (i > 0 && random.nextInt(10) == 0) {
                    Candidate twin = portfolio.get(random.nextInt(i));
                    portfolio.add(random.nextBoolean() ? twin : withKey(twin, "dup-" + i));
                } else {
                    portfolio.add(candidate(random, i, proportional));
                }
            }
            return portfolio;
        }

        private static Candidate candidate(Random random, int i, boolean proportional) {
            BigDecimal saving =
                    random.nextInt(12) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(1, 2_000_000), 2);
            BigDecimal valueLost = proportional
                    ? saving.multiply(BigDecimal.valueOf(random.nextInt(1, 3)))
                    : BigDecimal.valueOf(random.nextInt(0, 3_000_000), 2);
            boolean weighs = !proportional && random.nextInt(3) == 0;
            return new Candidate(
                    "svc-" + i,
                    "Service " + i,
                    random.nextInt(5) == 0 ? Candidate.Kind.INITIATIVE : Candidate.Kind.SERVICE,
                    List.of("strategic", "core", "secondary").get(random.nextInt(3)),
                    random.nextInt(7) == 0,
                    saving,
                    valueLost,
                    weighs ? BigDecimal.valueOf(random.nextInt(0, 100_000), 1) : BigDecimal.ZERO,
                    weighs ? random.nextInt(3) : 0,
                    weighs ? random.nextInt(2) : 0,
                    Optional.of("U" + random.nextInt(5)));
        }

        /** Whole-money savings of 1–300 and whole impacts, small enough for a dynamic programme over every saving. */
        static List<Candidate> wholePortfolio(Random random, int size) {
            List<Candidate> portfolio = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                BigDecimal saving = BigDecimal.valueOf(random.nextInt(1, 301));
                BigDecimal valueLost = random.nextBoolean()
                        ? saving.add(BigDecimal.valueOf(random.nextInt(0, 20)))
                        : BigDecimal.valueOf(random.nextInt(0, 600));
                portfolio.add(new Candidate(
                        "w-" + i,
                        "W " + i,
                        Candidate.Kind.SERVICE,
                        "core",
                        false,
                        saving,
                        valueLost,
                        BigDecimal.valueOf(random.nextInt(0, 10) * 100L),
                        0,
                        random.nextInt(8) == 0 ? 1 : 0,
                        Optional.empty()));
            }
            return portfolio;
        }

        private static Candidate withKey(Candidate c, String key) {
            return new Candidate(
                    key,
                    c.name(),
                    c.kind(),
                    c.tier(),
                    c.isProtected(),
                    c.monthlySaving(),
                    c.monthlyValueLost(),
                    c.demand(),
                    c.kpisOnTarget(),
                    c.openDependencies(),
                    c.ownerId());
        }
    }

    /** Reference answers computed the slow, obviously right way. */
    static final class BruteForce {
        private BruteForce() {}

        /** The least impact over every subset that reaches the target, walking the subsets in Gray-code order. */
        static Optional<BigDecimal> leastImpact(List<Candidate> eligible, BigDecimal target) {
            int n = eligible.size();
            BigDecimal saving = BigDecimal.ZERO;
            BigDecimal impact = BigDecimal.ZERO;
            BigDecimal best = target.signum() <= 0 ? BigDecimal.ZERO : null;
            for (int k = 1; k < 1 << n; k++) {
                int bit = Integer.numberOfTrailingZeros(k);
                boolean in = ((k ^ (k >> 1)) >> bit & 1) == 1;
                Candidate c = eligible.get(bit);
                saving = in ? saving.add(c.monthlySaving()) : saving.subtract(c.monthlySaving());
                impact = in ? impact.add(AdvisorRules.impact(c)) : impact.subtract(AdvisorRules.impact(c));
                if (saving.compareTo(target) >= 0 && (best == null || impact.compareTo(best) < 0)) {
                    best = impact;
                }
            }
            return Optional.ofNullable(best);
        }

        /** The least impact reaching a whole-money target, by a table of the least impact for each saving up to it. */
        static long leastImpactByDynamicProgramme(List<Candidate> portfolio, long target) {
            long[] least = new long[(int) target + 1];
            Arrays.fill(least, 1, least.length, Long.MAX_VALUE);
            for (Candidate c : portfolio) {
                int w = c.monthlySaving().intValueExact();
                long p = AdvisorRules.impact(c).longValueExact();
                for (int reached = (int) target; reached > 0; reached--) {
                    long before = least[Math.max(0, reached - w)];
                    if (before != Long.MAX_VALUE) {
                        least[reached] = Math.min(least[reached], before + p);
                    }
                }
            }
            return least[(int) target];
        }
    }
}
