package dev.drumbeat.ask.advisor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses what to deprioritise: among eligible candidates, the set whose monthly saving reaches a target with the
 * least total {@linkplain AdvisorRules#impact impact}. Exact, not greedy: a covering knapsack solved by
 * {@link OptimiserSearch} over exact whole money units ({@link OptimiserItems}), so the answer is the true optimum,
 * and {@link Choice#provenOptimal()} says so. Should a portfolio ever be too hard to prove within the search's fixed
 * work limit, the answer is the best found together with a proven {@link Choice#lowerBound() lower bound}, so it can
 * say how far from the best possible it could be. Pure and thread-safe.
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
     * @param lowerBound    proven: no set reaching the target has less impact (when none reaches it, the picks are
     *                      every candidate and this is their impact)
     */
    public record Choice(
            List<Candidate> picks, BigDecimal saving, BigDecimal impact, boolean reachesTarget, BigDecimal lowerBound) {
        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
        private static final BigDecimal TENTH = new BigDecimal("0.1");

        public Choice {
            picks = List.copyOf(picks);
        }

        /** Whether no set reaching the target has less impact: the impact meets the proven lower bound. */
        public boolean provenOptimal() {
            return impact.compareTo(lowerBound) <= 0;
        }

        /**
         * At most how much more impact, in per cent, the picks have than the best possible set, rounded up so it is
         * never understated: to one decimal from a tenth of a per cent, and below that to its first significant
         * digit, so a gap of cents reads as 0.0003% rather than 0.1%. Zero when proven optimal; empty when the bound
         * is zero, which only an unproven greedy answer can have.
         */
        public Optional<BigDecimal> gapPercent() {
            if (provenOptimal()) {
                return Optional.of(BigDecimal.ZERO.setScale(1));
            }
            if (lowerBound.signum() <= 0) {
                return Optional.empty();
            }
            BigDecimal gap = impact.subtract(lowerBound)
                    .multiply(HUNDRED)
                    .divide(lowerBound, new MathContext(20, RoundingMode.CEILING));
            return Optional.of(
                    gap.compareTo(TENTH) >= 0
                            ? gap.setScale(1, RoundingMode.CEILING)
                            : gap.round(new MathContext(1, RoundingMode.CEILING))
                                    .stripTrailingZeros());
        }

        static Choice of(List<Candidate> picks, BigDecimal target, BigDecimal lowerBound) {
            return of(picks, target, lowerBound, ImpactWeights.defaults());
        }

        static Choice of(List<Candidate> picks, BigDecimal target, BigDecimal lowerBound, ImpactWeights weights) {
            BigDecimal saving = picks.stream().map(Candidate::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal impact = picks.stream().map(weights::impact).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean reaches = saving.compareTo(target) >= 0;
            return new Choice(picks, saving, impact, reaches, reaches ? lowerBound : impact);
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
            return Choice.of(List.of(), target, BigDecimal.ZERO, weights);
        }
        OptimiserItems items = OptimiserItems.of(eligible, target, weights);
        if (items.totalSaving.compareTo(target) < 0) {
            return Choice.of(items.candidates, target, BigDecimal.ZERO, weights);
        }
        OptimiserSearch.Result result = OptimiserSearch.solve(items.saving, items.impact, items.target);
        BigDecimal lowerBound = items.exact ? items.impactOf(result.lowerBound()) : items.relaxedBound(target);
        return Choice.of(items.pick(result.picked()), target, lowerBound, weights);
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
