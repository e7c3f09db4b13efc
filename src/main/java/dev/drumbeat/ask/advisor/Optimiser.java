package dev.drumbeat.ask.advisor;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses what to deprioritise: among eligible candidates, the set whose monthly saving reaches a target with the
 * least total {@linkplain AdvisorRules#impact impact}. Exact, not greedy: a covering knapsack solved by
 * {@link OptimiserSearch} over exact whole money units ({@link OptimiserItems}), so the answer is the true optimum;
 * only on degenerate portfolios, where proof would take too long, is it the best found, and then
 * {@link Choice#provenOptimal()} says so. Pure and thread-safe.
 *
 * <p>Candidates that save nothing are never picked. Ties between equally good sets are broken by one canonical
 * order of the candidates, so the same candidates give the same answer in any input order.
 */
public final class Optimiser {

    /**
     * A set of picks and what it adds up to, all exact.
     *
     * @param picks         in order of impact per unit saved, the least painful first
     * @param reachesTarget whether {@code saving} is at least the target asked for
     * @param provenOptimal whether no set reaching the target has less impact: false from the greedy yardstick, and
     *                      from the optimiser only when it stopped at its work limit on a degenerate portfolio
     *                      (see {@link OptimiserSearch}), in which case the picks are the best it found
     */
    public record Choice(
            List<Candidate> picks, BigDecimal saving, BigDecimal impact, boolean reachesTarget, boolean provenOptimal) {
        public Choice {
            picks = List.copyOf(picks);
        }

        static Choice of(List<Candidate> picks, BigDecimal target, boolean provenOptimal) {
            return of(picks, target, provenOptimal, ImpactWeights.defaults());
        }

        static Choice of(List<Candidate> picks, BigDecimal target, boolean provenOptimal, ImpactWeights weights) {
            BigDecimal saving = picks.stream().map(Candidate::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal impact = picks.stream().map(weights::impact).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Choice(picks, saving, impact, saving.compareTo(target) >= 0, provenOptimal);
        }
    }

    private Optimiser() {}

    /**
     * The least-impact set of {@code eligible} whose saving reaches {@code target}. When no set does, every candidate
     * that saves something (the most that can be saved) with {@code reachesTarget} false. A target of zero or less
     * needs no picks.
     */
    public static Choice choose(List<Candidate> eligible, BigDecimal target) {
        return choose(eligible, target, ImpactWeights.defaults());
    }

    /** As {@link #choose(List, BigDecimal)}, with impact weighed by a workspace's {@code weights}. */
    public static Choice choose(List<Candidate> eligible, BigDecimal target, ImpactWeights weights) {
        if (target.signum() <= 0) {
            return Choice.of(List.of(), target, true, weights);
        }
        OptimiserItems items = OptimiserItems.of(eligible, target, weights);
        if (items.totalSaving.compareTo(target) < 0) {
            return Choice.of(items.candidates, target, true, weights);
        }
        OptimiserSearch.Result result = OptimiserSearch.solve(items.saving, items.impact, items.target);
        return Choice.of(items.pick(result.picked()), target, result.provenOptimal(), weights);
    }

    /**
     * The best alternative to {@code chosen}: the least-impact set that reaches the target while sparing the chosen
     * set's highest-impact pick (and any candidate with the same key). That is the pick leadership is likeliest to
     * want kept, so the answer can show what cutting instead would look like. Empty when {@code chosen} has no picks
     * or misses the target, or when sparing that pick leaves the target out of reach.
     */
    public static Optional<Choice> nextBest(List<Candidate> eligible, BigDecimal target, Choice chosen) {
        return nextBest(eligible, target, chosen, ImpactWeights.defaults());
    }

    /** As {@link #nextBest(List, BigDecimal, Choice)}, with impact weighed by a workspace's {@code weights}. */
    public static Optional<Choice> nextBest(
            List<Candidate> eligible, BigDecimal target, Choice chosen, ImpactWeights weights) {
        if (chosen.picks().isEmpty() || !chosen.reachesTarget()) {
            return Optional.empty();
        }
        Candidate spared = chosen.picks().stream()
                .max(Comparator.comparing(weights::impact))
                .orElseThrow();
        List<Candidate> rest =
                eligible.stream().filter(c -> !c.key().equals(spared.key())).toList();
        Choice alternative = choose(rest, target, weights);
        return alternative.reachesTarget() ? Optional.of(alternative) : Optional.empty();
    }
}
