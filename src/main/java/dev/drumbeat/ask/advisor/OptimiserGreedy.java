package dev.drumbeat.ask.advisor;

import java.math.BigDecimal;
import java.util.List;

/**
 * The obvious heuristic, kept as a yardstick for {@link Optimiser} in the benchmark: take candidates in order of
 * impact per unit saved, least first, until the saving reaches the target. Fast and often close, but not optimal; its
 * lower bound is the LP relaxation's. Pure and thread-safe.
 */
public final class OptimiserGreedy {
    private OptimiserGreedy() {}

    /** The shortest prefix, in ratio order, that reaches the target; every candidate that saves something if none does. */
    public static Optimiser.Choice choose(List<Candidate> eligible, BigDecimal target) {
        if (target.signum() <= 0) {
            return Optimiser.Choice.of(List.of(), target, BigDecimal.ZERO);
        }
        OptimiserItems items = OptimiserItems.of(eligible, target);
        int taken = 0;
        long saving = 0;
        while (taken < items.size() && saving < items.target) {
            saving += items.saving[taken++];
        }
        return Optimiser.Choice.of(items.candidates.subList(0, taken), target, items.relaxedBound(target));
    }
}
