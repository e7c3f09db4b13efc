package dev.drumbeat.ask.advisor;

import java.util.Arrays;

/**
 * The best set {@link OptimiserSearch} has found so far, kept as cheaply as the search finds them: a chain of toggles
 * from the starting prefix in the frontier's store, plus, for a state completed whole, the run of undecided chunks its
 * completion toggles and the chunk that closed it. Not thread-safe.
 */
final class OptimiserBest {
    private final OptimiserChunks chunks;
    private final OptimiserFrontier frontier;
    private final int breakChunk;
    private long impact = Long.MAX_VALUE;
    private int node = OptimiserFrontier.ROOT;
    /** The undecided chunks, in ratio order, when the best was a completion; {@code from..to-1} of them toggled. */
    private int[] undecided;

    private int from;
    private int to;
    private int closing = -1;
    private OptimiserImprove improver;
    /** The best impact when it was last improved locally. */
    private long improved = Long.MAX_VALUE;

    OptimiserBest(OptimiserChunks chunks, OptimiserFrontier frontier, int breakChunk) {
        this.chunks = chunks;
        this.frontier = frontier;
        this.breakChunk = breakChunk;
    }

    long impact() {
        return impact;
    }

    /** Makes a state of the frontier, with this impact, the best. */
    void record(long newImpact, int newNode) {
        impact = newImpact;
        node = newNode;
        from = 0;
        to = 0;
        closing = -1;
    }

    /** Makes a state's completion the best: {@code undecided[first..end-1]} toggled, and {@code closed} taken. */
    void recordCompletion(long newImpact, int newNode, int[] chunksOf, int first, int end, int closed) {
        record(newImpact, newNode);
        undecided = chunksOf;
        from = first;
        to = end;
        closing = closed;
    }

    /** Makes a set that reaches the target the best if it is better, as a chain of toggles from the prefix. */
    void offer(boolean[] chosen) {
        long total = 0;
        int chain = OptimiserFrontier.ROOT;
        for (int i = 0; i < chosen.length; i++) {
            total += chosen[i] ? chunks.impact[i] : 0;
            if (chosen[i] != i < breakChunk) {
                chain = frontier.link(i, chain);
            }
        }
        if (total < impact) {
            record(total, chain);
        }
    }

    /** The chunks of the best set. */
    boolean[] chosen() {
        boolean[] chosen = new boolean[chunks.size()];
        Arrays.fill(chosen, 0, breakChunk, true);
        frontier.toggleAlong(node, chosen);
        for (int k = from; k < to; k++) {
            chosen[undecided[k]] = !chosen[undecided[k]];
        }
        if (closing >= 0) {
            chosen[undecided[closing]] = true;
        }
        return chosen;
    }

    /** Improves the best set locally ({@link OptimiserImprove}) if it changed since last time. */
    void improve() {
        if (impact < improved) {
            improver = improver == null ? new OptimiserImprove(chunks) : improver;
            boolean[] chosen = chosen();
            if (improver.improve(chosen)) {
                offer(chosen);
            }
            improved = impact;
        }
    }
}
