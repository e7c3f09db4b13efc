package dev.drumbeat.ask.advisor;

import java.math.BigDecimal;
import java.util.List;

/**
 * The optimiser as it was before it learnt to prove heavy-tailed, at-cost and tied portfolios: the same items, the
 * old search ({@link BaselineSearch}), which stops at its work limit with "the best found in the time allowed". Kept
 * in the benchmark only, to measure the new search against in the same run. Pure and thread-safe.
 */
public final class OptimiserBaseline {
    private OptimiserBaseline() {}

    /**
     * The old search's answer for a reachable target; its lower bound is its impact when it said proven, and zero
     * otherwise, since it stated none.
     */
    public static Optimiser.Choice choose(List<Candidate> eligible, BigDecimal target) {
        OptimiserItems items = OptimiserItems.of(eligible, target);
        BaselineSearch.Result result = BaselineSearch.solve(items.saving, items.impact, items.target);
        List<Candidate> picks = items.pick(result.picked());
        Optimiser.Choice choice = Optimiser.Choice.of(picks, target, BigDecimal.ZERO);
        return result.provenOptimal() ? Optimiser.Choice.of(picks, target, choice.impact()) : choice;
    }
}
