package dev.drumbeat.ask.advisor;

import java.util.Arrays;

/**
 * The frontier of {@link BaselineSearch}, as it was before (commit 426135e); kept in the benchmark only.
 *
 * <p>The states of {@link BaselineSearch}: partial solutions over the core, kept as parallel arrays sorted by saving
 * with impact strictly rising (a state with more saving and no more impact dominates). Each state remembers how
 * it differs from the starting prefix as a chain of toggled items, shared between states, so the winner can be
 * rebuilt without copying sets. Not thread-safe.
 */
final class BaselineFrontier {
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

    void start(long startSaving, long startImpact) {
        saving[0] = startSaving;
        impact[0] = startImpact;
        node[0] = ROOT;
        size = 1;
    }

    /** States kept so far, over all steps: the measure of the search's effort. */
    long work() {
        return work;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * Adds the choice of toggling one item (adding it with a positive delta, dropping it with a negative one): every
     * state, and every state shifted by the item, merged by saving, less the dominated and the hopeless.
     */
    void expand(long deltaSaving, long deltaImpact, int item, BaselineSearch search) {
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
    private int append(long s, long p, int id, int item, int parent, int out, BaselineSearch search) {
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
        return out + 1;
    }

    /** Toggles, in {@code picked}, every item on the chain that leads to a state. */
    void toggleAlong(int id, boolean[] picked) {
        for (int k = id; k != ROOT; k = nodeParent[k]) {
            picked[nodeItem[k]] = !picked[nodeItem[k]];
        }
    }

    /** A state's chain: {@code parent}'s chain with {@code item} toggled too. */
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
