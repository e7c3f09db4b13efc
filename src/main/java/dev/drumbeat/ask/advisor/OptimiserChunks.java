package dev.drumbeat.ask.advisor;

import java.util.Arrays;

/**
 * What {@link OptimiserSearch} chooses among: candidates with the same saving and impact grouped, and each group split
 * into chunks of 1, 2, 4, … copies and the rest, so that choosing chunks or not makes every count of copies
 * while a portfolio of many identical candidates stays a few dozen chunks. Savings are divided by their greatest
 * common divisor and the target rounded up to a multiple of it, since no set can save an amount in between; impacts
 * are divided by theirs. Chunks keep the canonical order, so they are sorted by impact per unit saved.
 */
final class OptimiserChunks {
    final long[] saving;
    final long[] impact;
    final long target;
    /** What one unit of {@link #impact} is in the caller's units. */
    final long impactUnit;

    private final int[] firstItem;
    private final int[] copies;

    private OptimiserChunks(long[] saving, long[] impact, long target, long impactUnit, int[] firstItem, int[] copies) {
        this.saving = saving;
        this.impact = impact;
        this.target = target;
        this.impactUnit = impactUnit;
        this.firstItem = firstItem;
        this.copies = copies;
    }

    /** Chunks of items in canonical order; every saving is positive and the target at most their total. */
    static OptimiserChunks of(long[] saving, long[] impact, long target) {
        int[] firstItem = new int[saving.length];
        int[] copies = new int[saving.length];
        int size = 0;
        long savingUnit = 0;
        long impactUnit = 0;
        for (int first = 0, end; first < saving.length; first = end) {
            end = first + 1;
            while (end < saving.length && saving[end] == saving[first] && impact[end] == impact[first]) {
                end++;
            }
            size = split(first, end - first, firstItem, copies, size);
            savingUnit = gcd(savingUnit, saving[first]);
            impactUnit = gcd(impactUnit, impact[first]);
        }
        long impactStep = Math.max(1, impactUnit);
        long[] w = new long[size];
        long[] p = new long[size];
        for (int c = 0; c < size; c++) {
            w[c] = saving[firstItem[c]] / savingUnit * copies[c];
            p[c] = impact[firstItem[c]] / impactStep * copies[c];
        }
        return new OptimiserChunks(
                w,
                p,
                ceilDiv(target, savingUnit),
                impactStep,
                Arrays.copyOf(firstItem, size),
                Arrays.copyOf(copies, size));
    }

    int size() {
        return saving.length;
    }

    /** How many identical candidates a chunk stands for. */
    int copies(int chunk) {
        return copies[chunk];
    }

    /** Marks, in canonical item order, the items that the chosen chunks stand for: the first copies of each group. */
    boolean[] items(boolean[] chosen, int itemCount) {
        boolean[] picked = new boolean[itemCount];
        int group = -1;
        int taken = 0;
        for (int c = 0; c < size(); c++) {
            int start = firstItem[c];
            if (start != group) {
                group = start;
                taken = 0;
            }
            if (chosen[c]) {
                for (int k = 0; k < copies[c]; k++) {
                    picked[start + taken++] = true;
                }
            }
        }
        return picked;
    }

    /**
     * Appends chunks for {@code count} copies starting at item {@code first}, at {@code size}: the rest after 1, 2, 4,
     * …, then those powers of two, largest first. Returns the new number of chunks.
     */
    private static int split(int first, int count, int[] firstItem, int[] copies, int size) {
        int powers = 0;
        int left = count;
        while (left >= 1 << powers) {
            left -= 1 << powers++;
        }
        int next = size;
        if (left > 0) {
            firstItem[next] = first;
            copies[next++] = left;
        }
        for (int power = powers - 1; power >= 0; power--) {
            firstItem[next] = first;
            copies[next++] = 1 << power;
        }
        return next;
    }

    static long gcd(long a, long b) {
        if (a == 1 || b == 1) {
            return 1;
        }
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
