package dev.drumbeat.ask.advisor;

import java.util.Arrays;

/**
 * The optimiser's search as it was before it learnt to prove heavy-tailed, at-cost and tied portfolios (commit
 * 426135e), kept in the benchmark only as the baseline to measure against; see {@link OptimiserBaseline}.
 *
 * <p>The exact search behind {@link Optimiser}: a covering 0/1 knapsack (least impact whose saving reaches the target)
 * solved by an expanding core, after Pisinger's MINKNAP. Items come sorted by impact per unit saved. The greedy
 * prefix that falls just short of the target is the starting point, and a cheap heuristic gives the first best set.
 * The core of undecided items then grows one item at a time on either side of the prefix's end (adding the next
 * item after it, or dropping the last one in it), while a frontier of partial solutions keeps only those that are
 * neither dominated (another saves as much for no more impact) nor hopeless (an LP bound on the undecided items says
 * they cannot beat the best found). Nothing is rounded and every prune is a proof.
 *
 * <p>Covering knapsack is NP-hard, and portfolios whose impact is almost exactly proportional to saving (value
 * priced at cost, say) behave like subset sum: the bound stops pruning and the frontier grows with the number of
 * distinct cent amounts. So the effort is capped, deterministically, by the number of states kept: up to
 * {@link #EXACT_WORK} the search is exact; beyond it, it also drops states that could not beat the best found by
 * more than 0.1%, so a search that then finishes is within 0.1% of the optimum; at {@link #WORK_LIMIT} (some 20 to
 * 50 ms on a busy 2-core machine) it stops with the best found, which is never worse than greedy. Only the first
 * case is reported as proven optimal. Realistic portfolios of 10,000 need a few thousand states; BENCHMARKS.md
 * shows how close the unproven answers come on the degenerate ones. Not thread-safe; one instance answers one
 * question.
 */
final class BaselineSearch {
    static final long EXACT_WORK = 500_000;
    static final long WORK_LIMIT = 1_000_000;
    /** Past {@link #EXACT_WORK}, states whose bound is at least best × 1000 / 1001 are dropped: 0.1% tolerance. */
    private static final long TOLERANCE_DIVISOR = 1001;

    private final long[] w;
    private final long[] p;
    private final long target;
    private final int n;
    private final BaselineFrontier frontier = new BaselineFrontier();
    private long best = Long.MAX_VALUE;
    private int bestNode = BaselineFrontier.ROOT;
    /** Items before {@code s} are in every state, items after {@code t} in none; the frontier decides the rest. */
    private int s;

    private int t;

    private BaselineSearch(long[] saving, long[] impact, long target) {
        this.w = saving;
        this.p = impact;
        this.target = target;
        this.n = saving.length;
    }

    /** Which items to pick, and whether they are proven best. */
    record Result(boolean[] picked, boolean provenOptimal) {}

    /** The least total impact whose saving reaches the target, or every item if none does. */
    static Result solve(long[] saving, long[] impact, long target) {
        return new BaselineSearch(saving, impact, target).run();
    }

    private Result run() {
        int breakItem = 0;
        long prefixSaving = 0;
        while (breakItem < n && prefixSaving + w[breakItem] < target) {
            prefixSaving += w[breakItem++];
        }
        if (target <= 0 || breakItem == n) {
            return new Result(prefix(target <= 0 ? 0 : n), true);
        }
        long prefixImpact = Arrays.stream(p, 0, breakItem).sum();
        s = breakItem;
        t = breakItem - 1;
        frontier.start(prefixSaving, prefixImpact);
        startFrom(breakItem, prefixSaving, prefixImpact);
        growCore();
        boolean[] picked = prefix(breakItem);
        frontier.toggleAlong(bestNode, picked);
        boolean finished = frontier.isEmpty() || (t + 1 == n && s == 0);
        return new Result(picked, finished && frontier.work() < EXACT_WORK);
    }

    /** Widens the core one item at a time, alternating sides, until no state is left, no item is, or work runs out. */
    private void growCore() {
        boolean addNext = true;
        while (!frontier.isEmpty() && (t + 1 < n || s > 0) && frontier.work() < WORK_LIMIT) {
            if ((addNext && t + 1 < n) || s == 0) {
                t++;
                frontier.expand(w[t], p[t], t, this);
            } else {
                s--;
                frontier.expand(-w[s], -p[s], s, this);
            }
            addNext = !addNext;
        }
    }

    /**
     * A good first incumbent, so the bound prunes from the first step: the prefix, plus the least-impact single item
     * after it that covers the rest of the target (the break item always does), less any prefix items, worst ratio
     * first, that the surplus can spare. Never worse than greedy, which is the prefix plus the break item.
     */
    private void startFrom(int breakItem, long prefixSaving, long prefixImpact) {
        long deficit = target - prefixSaving;
        int cover = breakItem;
        for (int j = breakItem + 1; j < n; j++) {
            if (w[j] >= deficit && p[j] < p[cover]) {
                cover = j;
            }
        }
        long surplus = w[cover] - deficit;
        long impact = prefixImpact + p[cover];
        int node = frontier.link(cover, BaselineFrontier.ROOT);
        for (int i = breakItem - 1; i >= 0 && surplus > 0; i--) {
            if (w[i] <= surplus) {
                surplus -= w[i];
                impact -= p[i];
                node = frontier.link(i, node);
            }
        }
        recordBest(impact, node);
    }

    /** Whether a state would be the best solution found so far: it reaches the target with less impact. */
    boolean isBetter(long saving, long impact) {
        return saving >= target && impact < best;
    }

    void recordBest(long impact, int node) {
        best = impact;
        bestNode = node;
    }

    /**
     * Whether no completion of a state can have less impact than the bar: the best found, or a little under it once
     * past {@link #EXACT_WORK}. The lower bound on a completion is the LP bound on the items still undecided.
     */
    boolean isHopeless(long saving, long impact) {
        long bar = frontier.work() < EXACT_WORK || best == Long.MAX_VALUE ? best : best - best / TOLERANCE_DIVISOR;
        if (saving < target) {
            if (t + 1 >= n || impact >= bar) {
                return true;
            }
            // the deficit covered at the best ratio still to come: impact + deficit × p/w ≥ bar
            return OptimiserItems.compareProducts(target - saving, p[t + 1], bar - impact, w[t + 1]) >= 0;
        }
        if (s == 0) {
            return true;
        }
        // the surplus given back at the best ratio still removable: impact − surplus × p/w ≥ bar
        return impact >= bar && OptimiserItems.compareProducts(impact - bar, w[s - 1], saving - target, p[s - 1]) >= 0;
    }

    private boolean[] prefix(int length) {
        boolean[] picked = new boolean[n];
        Arrays.fill(picked, 0, length, true);
        return picked;
    }
}
