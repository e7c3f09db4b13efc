package dev.drumbeat.ask.advisor;

import java.math.BigInteger;

/**
 * Lower bounds on impact from the LP relaxation (fractions of chunks allowed), for {@link OptimiserSearch}. A state of
 * the search has decided the chunks in its core; those before the core are in, those after it out, and a completion
 * may only drop the former or add the latter. So a state short of the target fills the shortfall with the chunks after
 * the core, least impact per unit saved first, and a state past it gives the surplus back by dropping chunks before the
 * core, most impact per unit saved first, a fraction of the last one allowed. Every completion changes the saving by a
 * multiple of the outside chunks' greatest common divisor, so the shortfall is first rounded up, and the surplus down,
 * to such a multiple: that is what proves portfolios of a few repeated amounts. Exact (128-bit products) except
 * {@link #relaxed}, which is only ever used rounded down. Not thread-safe.
 */
final class OptimiserBounds {
    private final long target;
    private final long[] w;
    private final long[] p;
    private final long[] sumW;
    private final long[] sumP;
    private final long[] gcdBefore;
    private final long[] gcdFrom;
    private int s;
    private int t;
    /** The greatest common divisor of the savings outside the core; 0 when no chunk is. */
    private long step;

    /** How far past the chunk that meets a shortfall {@link #completed} looks for a cheaper one that also does. */
    private static final int CLOSING_WINDOW = 16;

    /** The saving of the state {@link #mayBeat} last searched for, and the chunk where the search ended. */
    private long searchedSaving;

    private int searchedChunk = -1;

    int completionFrom;
    int completionTo;
    int completionClosing;

    /** Bounds over chunks with these savings and impacts, in ratio order, for this target. */
    OptimiserBounds(long[] saving, long[] impact, long target) {
        this.target = target;
        this.w = saving;
        this.p = impact;
        this.sumW = prefixSums(saving);
        this.sumP = prefixSums(impact);
        int n = w.length;
        gcdBefore = new long[n + 1];
        gcdFrom = new long[n + 1];
        for (int i = 0; i < n; i++) {
            gcdBefore[i + 1] = OptimiserChunks.gcd(gcdBefore[i], w[i]);
            gcdFrom[n - 1 - i] = OptimiserChunks.gcd(gcdFrom[n - i], w[n - 1 - i]);
        }
    }

    /** The first chunk that, added to all before it, reaches the target. */
    int breakChunk() {
        int b = 0;
        while (sumW[b + 1] < target) {
            b++;
        }
        return b;
    }

    /** The LP bound on every set, rounded up to a whole unit: no set reaching the target has less impact. */
    long root() {
        int b = breakChunk();
        return sumP[b] + ceilProduct(target - sumW[b], p[b], w[b]);
    }

    /**
     * The first chunk that, added to all before it and to {@code decided}, reaches the target: 0 if {@code decided}
     * does, the number of chunks if nothing does.
     */
    int breakAfter(long decided) {
        if (decided >= target) {
            return 0;
        }
        if (decided + sumW[w.length] < target) {
            return w.length;
        }
        return firstReaching(target - decided);
    }

    /** The saving of the chunks before chunk {@code i} together. */
    long savingBefore(int i) {
        return sumW[i];
    }

    /** The impact of the chunks before chunk {@code i} together. */
    long impactBefore(int i) {
        return sumP[i];
    }

    /** Sets the core to chunks {@code from..to}. */
    void core(int from, int to) {
        s = from;
        t = to;
        searchedChunk = -1;
        step = OptimiserChunks.gcd(gcdBefore[from], gcdFrom[to + 1]);
    }

    /** Whether some completion of the state might have less impact than {@code best}, by the LP bound. */
    boolean mayBeat(long saving, long impact, long best) {
        if (saving < target) {
            long deficit = step == 0 ? Long.MAX_VALUE : OptimiserChunks.ceilDiv(target - saving, step) * step;
            if (deficit > sumW[w.length] - sumW[t + 1]) {
                return false;
            }
            int k = reachingFrom(t + 1, sumW[t + 1] + deficit);
            remember(saving, step == 1 ? k : -1);
            long bar = best - 1 - impact - (sumP[k] - sumP[t + 1]);
            return bar >= 0 && OptimiserItems.compareProducts(deficit - (sumW[k] - sumW[t + 1]), p[k], bar, w[k]) <= 0;
        }
        long need = impact - (best - 1);
        if (need <= 0) {
            return true;
        }
        long surplus = step == 0 ? 0 : (saving - target) / step * step;
        if (surplus == 0) {
            return false;
        }
        if (surplus >= sumW[s]) {
            return sumP[s] >= need;
        }
        int k = exceedingBelow(s, sumW[s] - surplus);
        remember(saving, step == 1 ? k : -1);
        long dropped = sumP[s] - sumP[k + 1];
        return dropped >= need
                || OptimiserItems.compareProducts(surplus - (sumW[s] - sumW[k + 1]), p[k], need - dropped, w[k]) >= 0;
    }

    /** The state's LP bound in floating point, {@code +∞} if no completion reaches the target. */
    double relaxed(long saving, long impact) {
        if (saving < target) {
            long deficit = step == 0 ? Long.MAX_VALUE : OptimiserChunks.ceilDiv(target - saving, step) * step;
            if (deficit > sumW[w.length] - sumW[t + 1]) {
                return Double.POSITIVE_INFINITY;
            }
            int k = reachingFrom(t + 1, sumW[t + 1] + deficit);
            double part = (double) (deficit - (sumW[k] - sumW[t + 1])) * p[k] / w[k];
            return (double) impact + (sumP[k] - sumP[t + 1]) + part;
        }
        long surplus = step == 0 ? 0 : (saving - target) / step * step;
        if (surplus == 0) {
            return impact;
        }
        if (surplus >= sumW[s]) {
            return (double) impact - sumP[s];
        }
        int k = exceedingBelow(s, sumW[s] - surplus);
        double part = (double) (surplus - (sumW[s] - sumW[k + 1])) * p[k] / w[k];
        return (double) impact - (sumP[s] - sumP[k + 1]) - part;
    }

    /**
     * The impact of the state completed whole, the way the relaxation would but without fractions: a shortfall filled
     * with the chunks right after the core until it is met, a surplus given back by dropping the chunks right before
     * the core while it lasts. {@code Long.MAX_VALUE} if the chunks after the core cannot meet the shortfall. The chunks
     * it toggles are {@link #completionFrom} to {@link #completionTo}, exclusive.
     */
    long completed(long saving, long impact) {
        if (saving < target) {
            if (target - saving > sumW[w.length] - sumW[t + 1]) {
                return Long.MAX_VALUE;
            }
            int k = recalled(saving) >= 0 ? recalled(saving) : reachingFrom(t + 1, sumW[t + 1] + target - saving);
            long left = target - saving - (sumW[k] - sumW[t + 1]);
            int closing = k;
            for (int j = k + 1; j < Math.min(w.length, k + 1 + CLOSING_WINDOW); j++) {
                if (w[j] >= left && p[j] < p[closing]) {
                    closing = j;
                }
            }
            completionFrom = t + 1;
            completionTo = k;
            completionClosing = closing;
            return impact + sumP[k] - sumP[t + 1] + p[closing];
        }
        long kept = sumW[s] - (saving - target);
        int k = kept <= 0 ? 0 : kept >= sumW[s] ? s : firstAtLeast(saving, kept);
        completionFrom = k;
        completionTo = s;
        completionClosing = -1;
        return impact - (sumP[s] - sumP[k]);
    }

    /** The least k with sumW[k] ≥ {@code kept}, for 0 < kept < sumW[s], reusing {@link #mayBeat}'s search if it can. */
    private int firstAtLeast(long saving, long kept) {
        int exceeding = recalled(saving) >= 0 ? recalled(saving) : exceedingBelow(s, kept);
        return sumW[exceeding] == kept ? exceeding : exceeding + 1;
    }

    /** Keeps where {@link #mayBeat}'s search for a state ended, for {@link #completed} of the same state. */
    private void remember(long saving, int k) {
        searchedSaving = saving;
        searchedChunk = k;
    }

    /** Where {@link #mayBeat}'s search for a state with this saving ended, under the same core; -1 if unknown. */
    private int recalled(long saving) {
        return saving == searchedSaving ? searchedChunk : -1;
    }

    /** A whole number of units surely at most {@code relaxed}, allowing for floating-point error. */
    static long floorOf(double relaxed) {
        if (relaxed == Double.POSITIVE_INFINITY) {
            return Long.MAX_VALUE;
        }
        return (long) Math.floor(relaxed - Math.abs(relaxed) * 1e-12 - 1);
    }

    /** The chunk at which the running saving first reaches {@code total}: the least k with sumW[k + 1] ≥ total. */
    private int firstReaching(long total) {
        return firstReaching(total, 0, w.length - 1);
    }

    /** As {@link #firstReaching(long)}, knowing the answer is between {@code low} and {@code high}. */
    private int firstReaching(long total, int low, int high) {
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sumW[mid + 1] >= total) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /**
     * As {@link #firstReaching} for an answer at or after {@code from}, galloping out from there: a state's fill
     * mostly ends a few chunks past its core.
     */
    private int reachingFrom(int from, long total) {
        int low = from;
        int high = from;
        for (int step = 1; sumW[high + 1] < total; step *= 2) {
            low = high + 1;
            high = Math.min(w.length - 1, high + step);
        }
        return firstReaching(total, low, high);
    }

    /**
     * The least k with sumW[k + 1] > {@code total}, for a total below sumW[{@code end}], galloping down from
     * {@code end - 1}: what a state gives back mostly starts a few chunks before its core.
     */
    private int exceedingBelow(int end, long total) {
        int high = end - 1;
        int low = high;
        for (int step = 1; low > 0 && sumW[low] > total; step *= 2) {
            high = low - 1;
            low = Math.max(0, low - step);
        }
        return firstReaching(total + 1, low, high);
    }

    private static long[] prefixSums(long[] values) {
        long[] sums = new long[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            sums[i + 1] = sums[i] + values[i];
        }
        return sums;
    }

    /** ⌈a × b / c⌉ exactly, for non-negative a and b and positive c. */
    static long ceilProduct(long a, long b, long c) {
        if (Math.multiplyHigh(a, b) == 0 && a * b >= 0) {
            return OptimiserChunks.ceilDiv(a * b, c);
        }
        BigInteger[] qr =
                BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }
}
