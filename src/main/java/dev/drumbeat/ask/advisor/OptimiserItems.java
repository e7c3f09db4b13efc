package dev.drumbeat.ask.advisor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The optimiser's view of a question: the eligible candidates that save something, in one canonical order (least
 * impact per unit saved first, then larger saving, then key), with saving, impact and target as exact whole units
 * of a common decimal scale. The canonical order is what makes answers independent of the input's order.
 *
 * <p>Units are exact whenever the amounts fit in a long at their own finest scale, which any real catalog does
 * (cents up to about 10^16). Otherwise the scale is reduced, rounding savings down and the target up, so a set the
 * optimiser finds feasible truly reaches the target in exact money; the reported totals are always exact.
 */
final class OptimiserItems {
    /** Headroom so that no subset sum or difference of units can overflow a long. */
    private static final BigDecimal LIMIT = BigDecimal.valueOf(Long.MAX_VALUE / 4);

    final List<Candidate> candidates;
    final long[] saving;
    final long[] impact;
    final long target;
    /** The exact saving of every candidate together: the most any set can save. */
    final BigDecimal totalSaving;
    /** The decimal places of one unit of impact. */
    final int impactScale;
    /** Whether every amount is exact in units; only absurdly large ones are not. */
    final boolean exact;
    /** What impact is weighed by. */
    private final ImpactWeights weights;

    private OptimiserItems(
            List<Candidate> candidates,
            long[] saving,
            long[] impact,
            long target,
            BigDecimal totalSaving,
            int impactScale,
            boolean exact,
            ImpactWeights weights) {
        this.candidates = candidates;
        this.saving = saving;
        this.impact = impact;
        this.target = target;
        this.totalSaving = totalSaving;
        this.impactScale = impactScale;
        this.exact = exact;
        this.weights = weights;
    }

    static OptimiserItems of(List<Candidate> eligible, BigDecimal target) {
        return of(eligible, target, ImpactWeights.defaults());
    }

    static OptimiserItems of(List<Candidate> eligible, BigDecimal target, ImpactWeights weights) {
        List<Candidate> useful =
                eligible.stream().filter(c -> c.monthlySaving().signum() > 0).toList();
        List<BigDecimal> savings =
                new ArrayList<>(useful.stream().map(Candidate::monthlySaving).toList());
        List<BigDecimal> impacts = useful.stream().map(weights::impact).toList();
        BigDecimal total = savings.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal reachable = target.min(total);
        savings.add(reachable);
        int savingFinest = finestScale(savings);
        int impactFinest = finestScale(impacts);
        int savingScale = scaleFor(savings, savingFinest);
        int impactScale = scaleFor(impacts, impactFinest);
        boolean exact = savingScale == savingFinest && impactScale == impactFinest;
        long[] w = new long[useful.size()];
        long[] p = new long[useful.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = toUnits(savings.get(i), savingScale, RoundingMode.FLOOR);
            p[i] = toUnits(impacts.get(i), impactScale, RoundingMode.HALF_EVEN);
        }
        long units = toUnits(reachable, savingScale, RoundingMode.CEILING);
        return sorted(useful, w, p, units, total, impactScale, exact, weights);
    }

    /** An amount of impact given in units, in money. */
    BigDecimal impactOf(long units) {
        return BigDecimal.valueOf(units, impactScale);
    }

    /**
     * The LP bound on the impact of any set that reaches the target (fractions of candidates allowed), worked out in
     * exact money and rounded down: for answers whose units were not exact, and for greedy.
     */
    BigDecimal relaxedBound(BigDecimal goal) {
        List<Candidate> byRatio = new ArrayList<>(candidates);
        byRatio.sort((a, b) -> weights.impact(a)
                .multiply(b.monthlySaving())
                .compareTo(weights.impact(b).multiply(a.monthlySaving())));
        BigDecimal bound = BigDecimal.ZERO;
        BigDecimal left = goal;
        for (Candidate c : byRatio) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal share = left.min(c.monthlySaving());
            bound = bound.add(
                    weights.impact(c).multiply(share).divide(c.monthlySaving(), impactScale + 10, RoundingMode.FLOOR));
            left = left.subtract(share);
        }
        return bound;
    }

    int size() {
        return candidates.size();
    }

    /** The candidates at the given positions, in canonical order. */
    List<Candidate> pick(boolean[] picked) {
        List<Candidate> picks = new ArrayList<>();
        for (int i = 0; i < picked.length; i++) {
            if (picked[i]) {
                picks.add(candidates.get(i));
            }
        }
        return picks;
    }

    /** Compares a / b with c / d exactly, for positive b and d: the order of impact per unit saved. */
    static int compareRatios(long a, long b, long c, long d) {
        return compareProducts(a, d, c, b);
    }

    /** Compares a × b with c × d exactly (128-bit), for non-negative arguments. */
    static int compareProducts(long a, long b, long c, long d) {
        long high = Math.multiplyHigh(a, b);
        long otherHigh = Math.multiplyHigh(c, d);
        return high != otherHigh ? Long.compare(high, otherHigh) : Long.compareUnsigned(a * b, c * d);
    }

    private static OptimiserItems sorted(
            List<Candidate> useful,
            long[] w,
            long[] p,
            long target,
            BigDecimal total,
            int impactScale,
            boolean exact,
            ImpactWeights weights) {
        Comparator<Integer> order = (i, j) -> compareRatios(p[i], w[i], p[j], w[j]);
        order = order.thenComparing((i, j) -> Long.compare(w[j], w[i]))
                .thenComparing(i -> useful.get(i).key())
                .thenComparing(i -> useful.get(i).toString());
        Integer[] index = new Integer[useful.size()];
        Arrays.setAll(index, i -> i);
        Arrays.sort(index, order);
        List<Candidate> candidates = new ArrayList<>(index.length);
        long[] saving = new long[index.length];
        long[] impact = new long[index.length];
        for (int k = 0; k < index.length; k++) {
            candidates.add(useful.get(index[k]));
            saving[k] = w[index[k]];
            impact[k] = p[index[k]];
        }
        return new OptimiserItems(List.copyOf(candidates), saving, impact, target, total, impactScale, exact, weights);
    }

    /** The scale at which every amount is a whole number of units. */
    private static int finestScale(List<BigDecimal> amounts) {
        int scale = 0;
        for (BigDecimal amount : amounts) {
            if (amount.scale() > scale) {
                scale = Math.max(scale, amount.stripTrailingZeros().scale());
            }
        }
        return scale;
    }

    /** The finest scale, at most {@code finest}, at which the amounts' sum still fits under {@link #LIMIT}. */
    private static int scaleFor(List<BigDecimal> amounts, int finest) {
        int scale = finest;
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal amount : amounts) {
            sum = sum.add(amount.abs());
        }
        while (scale > 0 && sum.movePointRight(scale).compareTo(LIMIT) > 0) {
            scale--;
        }
        if (sum.movePointRight(scale).compareTo(LIMIT) > 0) {
            throw new ArithmeticException("amounts too large to optimise: " + sum);
        }
        return scale;
    }

    private static long toUnits(BigDecimal amount, int scale, RoundingMode mode) {
        return amount.movePointRight(scale).setScale(0, mode).longValueExact();
    }
}
