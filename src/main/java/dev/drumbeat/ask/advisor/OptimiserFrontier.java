package dev.drumbeat.ask.advisor;

import java.util.Arrays;

/**
 * The states of {@link OptimiserSearch}: partial solutions over the core, kept as parallel arrays sorted by saving
 * with impact strictly rising (a state with more saving and no more impact dominates). Each state remembers how
 * it differs from the starting prefix as a chain of toggled chunks, shared between states, so the winner can be
 * rebuilt without copying sets. Every state kept is offered to the search to be completed whole. Not thread-safe.
 */
final class OptimiserFrontier {
    static final int ROOT = -1;
    private static final int PENDING = -2;

    private long[] saving = new long[16];
    private long[] impact = new long[16];
    private int[] node = new int[16];
    private int size;
    private long[] nextSaving = new long[16];
    private long[] nextImpact = new long[16];
    private int[] nextNode = new int[16];
    private int[] nodeItem = new int[64];
    private int[] nodeParent = new int[64];
    private int nodes;
    private long work;

    /** Makes one state, with the given chain, the only one. */
    void start(long startSaving, long startImpact, int startNode) {
        saving[0] = startSaving;
        impact[0] = startImpact;
        node[0] = startNode;
        size = 1;
    }

    long saving(int state) {
        return saving[state];
    }

    long impact(int state) {
        return impact[state];
    }

    int node(int state) {
        return node[state];
    }

    /** States kept so far, over all steps: the measure of the search's effort. */
    long work() {
        return work;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /**
     * Adds the choice of toggling one chunk (adding it with a positive delta, dropping it with a negative one): every
     * state, and every state shifted by the chunk, merged by saving, less the dominated and the hopeless.
     */
    void expand(long deltaSaving, long deltaImpact, int item, OptimiserSearch search) {
        ensureNextCapacity(2 * size);
        int i = 0;
        int j = 0;
        int out = 0;
        while (i < size || j < size) {
            boolean old = j >= size || (i < size && saving[i] <= saving[j] + deltaSaving);
            int from = old ? i++ : j++;
            out = append(
                    saving[from] + (old ? 0 : deltaSaving),
                    impact[from] + (old ? 0 : deltaImpact),
                    old ? node[from] : PENDING,
                    item,
                    node[from],
                    out,
                    search);
        }
        work += out;
        swap(out);
    }

    /**
     * Appends a state, in saving order, to the next frontier of length {@code out}, dropping the states it dominates,
     * unless it is dominated or hopeless itself; returns the new length. A new state's chain node ({@code PENDING})
     * is made only if the state is kept or becomes the best.
     */
    private int append(long s, long p, int id, int item, int parent, int out, OptimiserSearch search) {
        while (out > 0 && nextImpact[out - 1] >= p) {
            out--;
        }
        if (out > 0 && nextSaving[out - 1] == s) {
            return out;
        }
        int kept = id;
        if (search.isBetter(s, p)) {
            kept = kept == PENDING ? newNode(item, parent) : kept;
            search.recordBest(p, kept);
        }
        if (search.isHopeless(s, p)) {
            return out;
        }
        nextSaving[out] = s;
        nextImpact[out] = p;
        nextNode[out] = kept == PENDING ? newNode(item, parent) : kept;
        search.complete(s, p, nextNode[out]);
        return out + 1;
    }

    /** A bound on what a state's completions can achieve. */
    interface Relaxation {
        double of(long saving, long impact);
    }

    /** The least of {@code relaxation} over the states kept. */
    double least(Relaxation relaxation) {
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            least = Math.min(least, relaxation.of(saving[i], impact[i]));
        }
        return least;
    }

    /** Toggles, in {@code picked}, every chunk on the chain that leads to a state. */
    void toggleAlong(int id, boolean[] picked) {
        for (int k = id; k != ROOT; k = nodeParent[k]) {
            picked[nodeItem[k]] = !picked[nodeItem[k]];
        }
    }

    /** A chain: {@code parent}'s chain with chunk {@code item} toggled too. */
    int link(int item, int parent) {
        return newNode(item, parent);
    }

    private int newNode(int item, int parent) {
        if (nodes == nodeItem.length) {
            nodeItem = Arrays.copyOf(nodeItem, nodes * 2);
            nodeParent = Arrays.copyOf(nodeParent, nodes * 2);
        }
        nodeItem[nodes] = item;
        nodeParent[nodes] = parent;
        return nodes++;
    }

    private void ensureNextCapacity(int capacity) {
        if (nextSaving.length < capacity) {
            nextSaving = new long[capacity];
            nextImpact = new long[capacity];
            nextNode = new int[capacity];
        }
    }

    private void swap(int newSize) {
        long[] savings = saving;
        long[] impacts = impact;
        int[] nodesOf = node;
        saving = nextSaving;
        impact = nextImpact;
        node = nextNode;
        nextSaving = savings;
        nextImpact = impacts;
        nextNode = nodesOf;
        size = newSize;
    }
}
