package dev.drumbeat.ask.advisor;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The exact search behind {@link Optimiser}: a covering 0/1 knapsack (least impact whose saving reaches the target)
 * solved by an expanding core, after Pisinger's MINKNAP, over {@link OptimiserChunks} sorted by impact per unit saved.
 * The greedy prefix that falls just short of the target is the start, and cheap heuristics ({@link OptimiserStart},
 * {@link OptimiserExactFill}) give the first best set. Then:
 *
 * <ol>
 *   <li>The largest chunks are decided first, both ways each: a fraction of a giant is what makes the LP bound weak
 *       on heavy-tailed portfolios, and leaving one out or taking it in moves where the rest must end.
 *   <li>From each state that leaves, best bound first, a core of undecided chunks grows one at a time on either side
 *       of that state's own break (adding the next chunk after it, or dropping the last one before it). A frontier of
 *       partial solutions keeps only those neither dominated (another saves as much for no more impact) nor hopeless
 *       ({@link OptimiserBounds}: the LP bound of what is undecided says they cannot beat the best found). Each state
 *       kept is also completed whole, which keeps finding better sets.
 * </ol>
 *
 * Nothing is rounded and every prune is a proof. The search ends proven as soon as the best found meets the LP bound
 * of the whole portfolio, or nothing is left to explore. Covering knapsack is NP-hard, so the effort is capped,
 * deterministically, at {@link #WORK_LIMIT} states kept; a search stopped there still proves a lower bound: the least
 * LP bound of anything left unexplored. Not thread-safe; one instance answers one question.
 */
final class OptimiserSearch {
    static final long WORK_LIMIT = 1_000_000;
    /** At most this many of the chunks saving at least {@code 1 / LARGE_SHARE} of the target are decided first. */
    static final int LARGEST = 24;

    static final long LARGE_SHARE = 16;
    /** Past this many states kept, each new best set is also improved locally ({@link OptimiserImprove}). */
    static final long IMPROVE_AFTER = 50_000;
    /** The most states left by the largest chunks to search one by one; more share one core. */
    static final int SEPARATE = 64;

    private final OptimiserChunks chunks;
    private final OptimiserBounds whole;
    private final long workLimit;
    private final int breakChunk;
    private final OptimiserFrontier frontier = new OptimiserFrontier();
    private final OptimiserBest best;
    /** The chunks not yet decided for every state, in ratio order; the core and {@link #bounds} are over them. */
    private int[] rest;

    private OptimiserBounds bounds;
    private boolean deciding;
    /** Of {@link #rest}, how many are before the break chunk: in the prefix every state starts from. */
    private int inPrefix;
    /** Of {@link #rest}, those before {@code s} are in a state, those after {@code t} out; the frontier decides the rest. */
    private int s;

    private int t;

    private OptimiserSearch(OptimiserChunks chunks, long workLimit) {
        this.chunks = chunks;
        this.workLimit = workLimit;
        this.whole = new OptimiserBounds(chunks.saving, chunks.impact, chunks.target);
        this.breakChunk = whole.breakChunk();
        this.best = new OptimiserBest(chunks, frontier, breakChunk);
        this.rest = IntStream.range(0, chunks.size()).toArray();
        this.bounds = whole;
        this.inPrefix = breakChunk;
        this.s = inPrefix;
        this.t = s - 1;
        bounds.core(s, t);
    }

    /**
     * Which items to pick, and a proven lower bound on the impact of any set that reaches the target, in the units of
     * the impacts given: the picks are optimal when their impact equals it. {@code work} is the states kept.
     */
    record Result(boolean[] picked, long lowerBound, long work) {}

    /**
     * The least total impact whose saving reaches the target, for items in canonical order that each save something
     * and together reach a positive target.
     */
    static Result solve(long[] saving, long[] impact, long target) {
        return solve(saving, impact, target, WORK_LIMIT);
    }

    /** As {@link #solve(long[], long[], long)}, stopping after about {@code workLimit} states. */
    static Result solve(long[] saving, long[] impact, long target, long workLimit) {
        OptimiserChunks chunks = OptimiserChunks.of(saving, impact, target);
        return new OptimiserSearch(chunks, workLimit).run(saving.length);
    }

    private Result run(int items) {
        long root = whole.root();
        frontier.start(whole.savingBefore(breakChunk), whole.impactBefore(breakChunk), OptimiserFrontier.ROOT);
        best.offer(OptimiserStart.coverAfterPrefix(chunks, breakChunk));
        best.offer(OptimiserStart.bestClosing(chunks));
        if (best.impact() > root) {
            fillExactly();
        }
        long lowerBound = best.impact();
        if (best.impact() > root) {
            decideLargest();
            long unexplored = frontier.size() > SEPARATE ? searchJointly(root) : searchEach(root);
            lowerBound = Math.max(root, Math.min(best.impact(), unexplored));
        }
        return new Result(chunks.items(best.chosen(), items), lowerBound * chunks.impactUnit, frontier.work());
    }

    /**
     * When the break chunk's ratio is shared by others (impact priced at cost, or many identical candidates), a set of
     * them whose saving meets the target exactly costs no more than the LP bound, so it is optimal; look for one.
     */
    private void fillExactly() {
        int from = breakChunk;
        int to = breakChunk + 1;
        while (from > 0 && sameRatio(from - 1, breakChunk)) {
            from--;
        }
        while (to < chunks.size() && sameRatio(to, breakChunk)) {
            to++;
        }
        boolean[] fill = OptimiserExactFill.find(chunks, from, to, chunks.target - whole.savingBefore(from));
        if (fill != null) {
            boolean[] chosen = new boolean[chunks.size()];
            Arrays.fill(chosen, 0, from, true);
            System.arraycopy(fill, 0, chosen, from, fill.length);
            best.offer(chosen);
        }
    }

    private boolean sameRatio(int i, int j) {
        return OptimiserItems.compareRatios(chunks.impact[i], chunks.saving[i], chunks.impact[j], chunks.saving[j])
                == 0;
    }

    /**
     * Tries each largest chunk both ways, while that leaves few enough states to search from one by one. Meanwhile the
     * bound still counts the chunks decided as undecided, which only weakens it, and states are not completed; then
     * the core is over the other chunks.
     */
    private void decideLargest() {
        int[] largest = largest(chunks);
        int decided = 0;
        deciding = true;
        while (decided < largest.length && frontier.size() <= SEPARATE) {
            int chunk = largest[decided++];
            long sign = chunk < breakChunk ? -1 : 1;
            frontier.expand(sign * chunks.saving[chunk], sign * chunks.impact[chunk], chunk, this);
        }
        deciding = false;
        if (decided > 0) {
            int[] done = Arrays.copyOf(largest, decided);
            Arrays.sort(done);
            undecide(IntStream.range(0, chunks.size())
                    .filter(chunk -> Arrays.binarySearch(done, chunk) < 0)
                    .toArray());
        }
    }

    /** Up to {@link #LARGEST} of the chunks saving at least a {@link #LARGE_SHARE}th of the target, the largest. */
    private static int[] largest(OptimiserChunks chunks) {
        long[] large = Arrays.stream(chunks.saving)
                .filter(w -> w >= chunks.target / LARGE_SHARE)
                .sorted()
                .toArray();
        if (large.length == 0) {
            return new int[0];
        }
        long least = large[Math.max(0, large.length - LARGEST)];
        return IntStream.range(0, chunks.size())
                .filter(i -> chunks.saving[i] >= least)
                .limit(LARGEST)
                .toArray();
    }

    /** Makes {@code undecided} the chunks the core grows over, with an empty core at the prefix's end. */
    private void undecide(int[] undecided) {
        rest = undecided;
        long[] w = new long[rest.length];
        long[] p = new long[rest.length];
        Arrays.setAll(w, k -> chunks.saving[rest[k]]);
        Arrays.setAll(p, k -> chunks.impact[rest[k]]);
        bounds = new OptimiserBounds(w, p, chunks.target);
        inPrefix = (int) Arrays.stream(rest).filter(chunk -> chunk < breakChunk).count();
        s = inPrefix;
        t = s - 1;
        bounds.core(s, t);
    }

    /** Grows one core for all the states, from the prefix's end; returns a lower bound on what it left unexplored. */
    private long searchJointly(long root) {
        growCore(root);
        return finished(root) ? Long.MAX_VALUE : frontierBound();
    }

    /**
     * Searches from each state the largest chunks left separately, most promising first, each with a core grown from
     * its own break. Returns a lower bound on what it left unexplored.
     */
    private long searchEach(long root) {
        int count = frontier.size();
        long[] saving = new long[count];
        long[] impact = new long[count];
        int[] node = new int[count];
        long[] bound = new long[count];
        for (int i = 0; i < count; i++) {
            saving[i] = frontier.saving(i);
            impact[i] = frontier.impact(i);
            node[i] = frontier.node(i);
            bound[i] = OptimiserBounds.floorOf(recenter(saving[i], impact[i], node[i], false));
        }
        long unexplored = Long.MAX_VALUE;
        for (int i : OptimiserImprove.sortedBy(bound)) {
            if (frontier.work() + 2 >= workLimit) {
                unexplored = Math.min(unexplored, bound[i]);
            } else if (best.impact() > root && recenter(saving[i], impact[i], node[i], true) < best.impact()) {
                growCore(root);
                unexplored = finished(root) ? unexplored : Math.min(unexplored, frontierBound());
            }
        }
        return unexplored;
    }

    /**
     * Moves a state's core to its own break: takes the undecided chunks in ratio order up to just short of the target,
     * and returns the state's LP bound from there. With {@code start}, also makes that the frontier's only state.
     */
    private double recenter(long saving, long impact, int node, boolean start) {
        long decided = saving - bounds.savingBefore(inPrefix);
        int own = bounds.breakAfter(decided);
        long startSaving = decided + bounds.savingBefore(own);
        long startImpact = impact - bounds.impactBefore(inPrefix) + bounds.impactBefore(own);
        s = own;
        t = own - 1;
        bounds.core(s, t);
        if (start) {
            int chain = node;
            for (int k = Math.min(own, inPrefix); k < Math.max(own, inPrefix); k++) {
                chain = frontier.link(rest[k], chain);
            }
            frontier.start(startSaving, startImpact, chain);
        }
        return bounds.relaxed(startSaving, startImpact);
    }

    /** Widens the core one chunk at a time, alternating sides, until it is proven, no state is left, or work runs out. */
    private void growCore(long root) {
        boolean addNext = true;
        while (!finished(root) && frontier.work() + 2L * frontier.size() <= workLimit) {
            int chunk;
            long sign;
            if ((addNext && t + 1 < rest.length) || s == 0) {
                chunk = rest[++t];
                sign = 1;
            } else {
                chunk = rest[--s];
                sign = -1;
            }
            bounds.core(s, t);
            frontier.expand(sign * chunks.saving[chunk], sign * chunks.impact[chunk], chunk, this);
            if (frontier.work() >= IMPROVE_AFTER) {
                best.improve();
            }
            addNext = !addNext;
        }
    }

    private boolean finished(long root) {
        return best.impact() <= root || frontier.isEmpty() || (t + 1 == rest.length && s == 0);
    }

    /** The least LP bound among the states left, rounded down: a lower bound on any set still unexplored. */
    private long frontierBound() {
        return OptimiserBounds.floorOf(frontier.least(bounds::relaxed));
    }

    /** Whether a state would be the best solution found so far: it reaches the target with less impact. */
    boolean isBetter(long saving, long impact) {
        return saving >= chunks.target && impact < best.impact();
    }

    void recordBest(long impact, int node) {
        best.record(impact, node);
    }

    /** Records the state completed whole ({@link OptimiserBounds#completed}) if that is the best set found. */
    void complete(long saving, long impact, int node) {
        if (deciding) {
            return;
        }
        long completed = bounds.completed(saving, impact);
        if (completed < best.impact()) {
            best.recordCompletion(
                    completed, node, rest, bounds.completionFrom, bounds.completionTo, bounds.completionClosing);
        }
    }

    /** Whether no completion of a state can have less impact than the best found, by the LP bound. */
    boolean isHopeless(long saving, long impact) {
        return !bounds.mayBeat(saving, impact, best.impact());
    }
}
