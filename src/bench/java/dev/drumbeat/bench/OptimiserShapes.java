package dev.drumbeat.bench;

import dev.drumbeat.ask.advisor.Candidate;
import dev.drumbeat.ask.advisor.Optimiser;
import dev.drumbeat.ask.advisor.OptimiserBaseline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The portfolio shapes that defeated the optimiser's earlier search, for {@link OptimiserBench}: heavy-tailed (a few
 * candidates worth tens of millions among thousands of small ones), value priced exactly at cost (subset sum) and
 * many ties (a few distinct amounts, repeated). Each is run through the optimiser and, in the same run, through the
 * earlier search ({@link OptimiserBaseline}), which is the baseline.
 */
final class OptimiserShapes {
    /** Shares of the total monthly cost asked to be saved, one drawn per portfolio. */
    private static final double[] SHARES = {0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4};

    private OptimiserShapes() {}

    enum Shape {
        HEAVY_TAILED("heavy-tailed"),
        HEAVY_TAILED_AT_COST("heavy-tailed, value = cost"),
        AT_COST("value = cost exactly"),
        TIED("ties"),
        TIED_AT_COST("ties, value = cost");

        final String label;

        Shape(String label) {
            this.label = label;
        }

        boolean atCost() {
            return this == HEAVY_TAILED_AT_COST || this == AT_COST || this == TIED_AT_COST;
        }
    }

    /** A portfolio and the saving asked of it. */
    record Portfolio(List<Candidate> eligible, BigDecimal target) {

        /**
         * Heavy-tailed: 5 to 15 candidates saving $10M–$60M a month, the rest log-normal (median $5,000). Value = cost
         * exactly: log-normal (median $20,000). Ties: 2 to 21 distinct amounts (log-normal, median $20,000, half of
         * them whole hundreds), each candidate one of them. Value is a log-normal multiple of cost (median 1.3, or 1
         * for ties) unless priced at cost; all to the cent, no impact weights.
         */
        static Portfolio generate(Shape shape, Random random, int size) {
            List<Candidate> all = switch (shape) {
                case HEAVY_TAILED, HEAVY_TAILED_AT_COST -> heavyTailed(shape, random, size);
                case AT_COST -> atCost(random, size);
                case TIED, TIED_AT_COST -> tied(shape, random, size);
            };
            BigDecimal total = all.stream().map(Candidate::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal share = BigDecimal.valueOf(SHARES[random.nextInt(SHARES.length)]);
            return new Portfolio(all, total.multiply(share).setScale(2, RoundingMode.HALF_UP));
        }

        private static List<Candidate> heavyTailed(Shape shape, Random random, int size) {
            int giants = 5 + random.nextInt(11);
            List<Candidate> all = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                double cost = i < giants ? 10e6 + 50e6 * random.nextDouble() : logNormal(random, 5_000, 1.0);
                all.add(candidate(i, cost, shape.atCost() ? 1 : logNormal(random, 1.3, 0.6)));
            }
            return all;
        }

        private static List<Candidate> atCost(Random random, int size) {
            List<Candidate> all = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                all.add(candidate(i, logNormal(random, 20_000, 1.2), 1));
            }
            return all;
        }

        private static List<Candidate> tied(Shape shape, Random random, int size) {
            int kinds = 2 + random.nextInt(20);
            double[] costs = new double[kinds];
            double[] ratios = new double[kinds];
            for (int k = 0; k < kinds; k++) {
                double cost = logNormal(random, 20_000, 1.2);
                costs[k] = random.nextBoolean() ? Math.max(100, Math.round(cost / 100) * 100.0) : cost;
                ratios[k] = shape.atCost() ? 1 : logNormal(random, 1, 0.5);
            }
            List<Candidate> all = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int k = random.nextInt(kinds);
                all.add(candidate(i, costs[k], ratios[k]));
            }
            return all;
        }

        private static double logNormal(Random random, double median, double sigma) {
            return Math.exp(Math.log(median) + sigma * random.nextGaussian());
        }

        private static Candidate candidate(int i, double cost, double valueRatio) {
            BigDecimal saving =
                    BigDecimal.valueOf(cost).setScale(2, RoundingMode.HALF_UP).max(new BigDecimal("0.01"));
            BigDecimal value = valueRatio == 1
                    ? saving
                    : saving.multiply(BigDecimal.valueOf(valueRatio)).setScale(2, RoundingMode.HALF_UP);
            return new Candidate(
                    "svc-" + i,
                    "Service " + i,
                    Candidate.Kind.SERVICE,
                    "core",
                    false,
                    saving,
                    value,
                    BigDecimal.ZERO,
                    0,
                    0,
                    Optional.empty());
        }
    }

    /** The optimiser and the baseline on many portfolios of one shape: time, proofs, stated gaps, baseline's loss. */
    record Run(
            Shape shape,
            int size,
            double[] ms,
            double[] baselineMs,
            int proven,
            int baselineProven,
            double worstGap,
            double[] baselineExtra) {

        static Run of(Shape shape, int size, int portfolios, Random random) {
            double[] ms = new double[portfolios];
            double[] baselineMs = new double[portfolios];
            List<Double> extra = new ArrayList<>();
            int proven = 0;
            int baselineProven = 0;
            double worstGap = 0;
            for (int i = 0; i < portfolios; i++) {
                Portfolio portfolio = Portfolio.generate(shape, random, size);
                System.gc();
                long start = System.nanoTime();
                Optimiser.Choice choice = Optimiser.choose(portfolio.eligible(), portfolio.target());
                ms[i] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                Optimiser.Choice baseline = OptimiserBaseline.choose(portfolio.eligible(), portfolio.target());
                baselineMs[i] = (System.nanoTime() - start) / 1e6;
                proven += choice.provenOptimal() ? 1 : 0;
                baselineProven += baseline.provenOptimal() ? 1 : 0;
                worstGap = Math.max(worstGap, percentOver(choice.impact(), choice.lowerBound()));
                if (choice.provenOptimal()) {
                    extra.add(percentOver(baseline.impact(), choice.impact()));
                }
                if (baseline.impact().compareTo(choice.lowerBound()) < 0) {
                    throw new IllegalStateException("the baseline beat a proven bound on " + shape + " " + i);
                }
            }
            double[] sortedExtra =
                    extra.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Run(shape, size, ms, baselineMs, proven, baselineProven, worstGap, sortedExtra);
        }

        static String header() {
            return "| shape | portfolios | proven optimal | worst stated gap | optimiser p50 / p99 / max ms "
                    + "| before: proven | before: worse | before: extra impact where worse, median / worst "
                    + "| before: p50 / p99 ms |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|";
        }

        String row() {
            int n = ms.length;
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            double[] baselineSorted = baselineMs.clone();
            Arrays.sort(baselineSorted);
            return String.format(
                    "| %s | %d | %d of %d | %s | %.1f / %.1f / %.1f | %d of %d | %d of %d | %.4f%% / %.4f%% | %.1f / %.1f |",
                    shape.label,
                    n,
                    proven,
                    n,
                    proven == n ? "–" : String.format("%.5f%%", worstGap),
                    OptimiserBench.percentile(sorted, 50),
                    OptimiserBench.percentile(sorted, 99),
                    sorted[n - 1],
                    baselineProven,
                    n,
                    Arrays.stream(baselineExtra).filter(extra -> extra > 0).count(),
                    baselineExtra.length,
                    OptimiserBench.percentile(
                            Arrays.stream(baselineExtra)
                                    .filter(extra -> extra > 0)
                                    .toArray(),
                            50),
                    baselineExtra.length == 0 ? Double.NaN : baselineExtra[baselineExtra.length - 1],
                    OptimiserBench.percentile(baselineSorted, 50),
                    OptimiserBench.percentile(baselineSorted, 99));
        }

        private static double percentOver(BigDecimal impact, BigDecimal bound) {
            if (bound.signum() == 0) {
                return impact.signum() == 0 ? 0 : Double.POSITIVE_INFINITY;
            }
            return impact.subtract(bound)
                    .multiply(BigDecimal.valueOf(100))
                    .divide(bound, 6, RoundingMode.HALF_UP)
                    .doubleValue();
        }
    }
}
