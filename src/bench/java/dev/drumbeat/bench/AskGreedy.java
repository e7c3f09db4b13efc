package dev.drumbeat.bench;

import dev.drumbeat.ask.advisor.AdvisorRules;
import dev.drumbeat.ask.advisor.Candidate;
import dev.drumbeat.ask.advisor.Optimiser;
import dev.drumbeat.ask.advisor.OptimiserGreedy;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The exact optimiser beside the greedy heuristic on the generated workspace's real candidates, as the advisor reads
 * them: for a few named shares of monthly cost, and for every share from 0.1% to 20% in steps of 0.1%, how often
 * greedy's answer costs more impact and by how much.
 */
final class AskGreedy {
    static final List<String> NAMED = List.of("0.5", "1", "2", "5", "10");
    static final int SWEEP_STEPS = 200;
    private final List<Candidate> eligible;
    private final BigDecimal monthlyCost;
    private final PrintStream out;

    AskGreedy(List<Candidate> candidates, BigDecimal monthlyCost, PrintStream out) {
        this.eligible = AdvisorRules.standard().eligible(candidates);
        this.monthlyCost = monthlyCost;
        this.out = out;
    }

    void report() {
        out.printf(
                Locale.ROOT, "%nGreedy beside the optimiser on the same %,d eligible candidates:%n%n", eligible.size());
        out.println(
                "| target | monthly target $ | optimiser picks | optimiser impact $ | greedy picks | greedy impact $"
                        + " | greedy's extra impact | proven optimal |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        NAMED.forEach(percent -> out.println(row(new BigDecimal(percent))));
        sweep();
    }

    private String row(BigDecimal percent) {
        BigDecimal target = AskCandidates.target(monthlyCost, percent);
        Optimiser.Choice exact = Optimiser.choose(eligible, target);
        Optimiser.Choice greedy = OptimiserGreedy.choose(eligible, target);
        return String.format(
                Locale.ROOT,
                "| %s%% | %s | %d | %s | %d | %s | %.2f%% | %s |",
                percent.toPlainString(),
                whole(target),
                exact.picks().size(),
                whole(exact.impact()),
                greedy.picks().size(),
                whole(greedy.impact()),
                extraPercent(greedy, exact),
                exact.provenOptimal() ? "yes" : "no");
    }

    private void sweep() {
        double[] extra = new double[SWEEP_STEPS];
        int worse = 0;
        int proven = 0;
        for (int step = 1; step <= SWEEP_STEPS; step++) {
            BigDecimal target = AskCandidates.target(monthlyCost, BigDecimal.valueOf(step, 1));
            Optimiser.Choice exact = Optimiser.choose(eligible, target);
            Optimiser.Choice greedy = OptimiserGreedy.choose(eligible, target);
            if (greedy.impact().compareTo(exact.impact()) < 0) {
                throw new IllegalStateException("greedy beat the optimiser at " + step / 10.0 + "% of monthly cost");
            }
            worse += greedy.impact().compareTo(exact.impact()) > 0 ? 1 : 0;
            proven += exact.provenOptimal() ? 1 : 0;
            extra[step - 1] = extraPercent(greedy, exact);
        }
        Arrays.sort(extra);
        double[] whereWorse = Arrays.stream(extra).filter(e -> e > 0).toArray();
        out.printf(
                Locale.ROOT,
                "%nEvery target from 0.1%% to 20%% in steps of 0.1%% (%d targets): greedy worse on %d"
                        + " (%.0f%%); greedy's extra impact median %.2f%%, p90 %.2f%%, worst %.2f%%; median where worse %.2f%%;"
                        + " optimiser proven optimal on %d of %d%n",
                SWEEP_STEPS,
                worse,
                100.0 * worse / SWEEP_STEPS,
                OptimiserBench.percentile(extra, 50),
                OptimiserBench.percentile(extra, 90),
                extra[SWEEP_STEPS - 1],
                OptimiserBench.percentile(whereWorse, 50),
                proven,
                SWEEP_STEPS);
    }

    private static double extraPercent(Optimiser.Choice greedy, Optimiser.Choice exact) {
        if (exact.impact().signum() == 0) {
            return greedy.impact().signum() == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return greedy.impact()
                .subtract(exact.impact())
                .multiply(BigDecimal.valueOf(100))
                .divide(exact.impact(), 6, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static String whole(BigDecimal amount) {
        return String.format(
                Locale.ROOT, "%,d", amount.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
