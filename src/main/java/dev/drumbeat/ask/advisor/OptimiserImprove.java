package dev.drumbeat.ask.advisor;

import java.util.stream.IntStream;

/**
 * Local improvement of a set that reaches the target, for {@link OptimiserSearch}: drop chosen chunks the surplus can
 * spare, worst ratio first, and swap one chosen chunk for the least-impact unchosen one that keeps the target met,
 * until neither helps. The search's own completions end with one whole chunk too many; this trims them to near the
 * LP bound, so that the bound can prune. Holds the chunks sorted by saving; not thread-safe.
 */
final class OptimiserImprove {
    private static final int ROUNDS = 4;

    private final OptimiserChunks chunks;
    /** Chunk indices by saving, ascending. */
    private final int[] bySaving;
    /** For the unchosen chunks from a position of {@link #bySaving} on, the one with the least impact, or -1. */
    private final int[] leastFrom;

    OptimiserImprove(OptimiserChunks chunks) {
        this.chunks = chunks;
        this.bySaving = sortedBy(chunks.saving);
        this.leastFrom = new int[bySaving.length + 1];
    }

    /** Improves {@code chosen} in place; returns whether it changed. */
    boolean improve(boolean[] chosen) {
        boolean changed = false;
        for (int round = 0; round < ROUNDS; round++) {
            changed |= trim(chosen);
            if (!swapOne(chosen)) {
                break;
            }
            changed = true;
        }
        return changed;
    }

    private long surplus(boolean[] chosen) {
        long saving = 0;
        for (int i = 0; i < chosen.length; i++) {
            saving += chosen[i] ? chunks.saving[i] : 0;
        }
        return saving - chunks.target;
    }

    private boolean trim(boolean[] chosen) {
        long surplus = surplus(chosen);
        boolean changed = false;
        for (int i = chosen.length - 1; i >= 0 && surplus > 0; i--) {
            if (chosen[i] && chunks.saving[i] <= surplus && chunks.impact[i] > 0) {
                surplus -= chunks.saving[i];
                chosen[i] = false;
                changed = true;
            }
        }
        return changed;
    }

    /** Makes the one swap that lowers impact most, if any does. */
    private boolean swapOne(boolean[] chosen) {
        long surplus = surplus(chosen);
        long[] w = chunks.saving;
        long[] p = chunks.impact;
        leastFrom[bySaving.length] = -1;
        for (int k = bySaving.length - 1; k >= 0; k--) {
            int j = bySaving[k];
            int least = leastFrom[k + 1];
            leastFrom[k] = !chosen[j] && (least < 0 || p[j] < p[least]) ? j : least;
        }
        long gain = 0;
        int out = -1;
        int in = -1;
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i]) {
                int j = leastFrom[firstSaving(w[i] - surplus)];
                if (j >= 0 && p[i] - p[j] > gain) {
                    gain = p[i] - p[j];
                    out = i;
                    in = j;
                }
            }
        }
        if (out < 0) {
            return false;
        }
        chosen[out] = false;
        chosen[in] = true;
        return true;
    }

    /** The indices of {@code keys} in ascending order of key, by a bottom-up merge sort. */
    static int[] sortedBy(long[] keys) {
        int[] order = IntStream.range(0, keys.length).toArray();
        int[] merged = new int[keys.length];
        for (int width = 1; width < keys.length; width *= 2) {
            for (int from = 0; from < keys.length; from += 2 * width) {
                int mid = Math.min(from + width, keys.length);
                int to = Math.min(from + 2 * width, keys.length);
                int i = from;
                int j = mid;
                for (int k = from; k < to; k++) {
                    merged[k] = j >= to || (i < mid && keys[order[i]] <= keys[order[j]]) ? order[i++] : order[j++];
                }
            }
            int[] swap = order;
            order = merged;
            merged = swap;
        }
        return order;
    }

    /** The first position in {@link #bySaving} whose chunk saves at least {@code need}. */
    private int firstSaving(long need) {
        int low = 0;
        int high = bySaving.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (chunks.saving[bySaving[mid]] >= need) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
