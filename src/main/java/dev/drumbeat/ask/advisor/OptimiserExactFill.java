package dev.drumbeat.ask.advisor;

import java.util.Arrays;

/**
 * Looks for chunks whose savings add up to a goal exactly (subset sum), for {@link OptimiserSearch}: when they all
 * have the same impact per unit saved, such a set meets the LP bound and so proves itself optimal. The way a person
 * makes change: set aside some of the smallest chunks, take the others in order while they leave at least half of
 * what the set-aside ones add up to, then find the remainder among the set-aside ones by meeting in the middle (each
 * sum of one half looked up among the sums of the other); failing that, try again with one other chunk taken or put
 * back. Usually succeeds when there are many distinct amounts; with a few amounts repeated it may find nothing, and
 * the search goes on without it. Pure.
 */
final class OptimiserExactFill {
    /** Chunks set aside for the remainder, in two halves of up to 2^12 and 2^16 sums. */
    private static final int SET_ASIDE = 28;

    private static final int LOW_HALF = 12;
    /** How many other remainders to try if the first has no match: each with one other chunk taken or put back. */
    private static final int SWAPS = 256;

    private OptimiserExactFill() {}

    /** Which of the chunks {@code from..to-1} to take so that their savings add up to {@code goal}; null if none found. */
    static boolean[] find(OptimiserChunks chunks, int from, int to, long goal) {
        long[] saving = chunks.saving;
        int size = to - from;
        int[] members = setAside(chunks, from, size);
        if (members.length < 2) {
            return null;
        }
        boolean[] aside = new boolean[size];
        long asideSum = 0;
        for (int member : members) {
            aside[member] = true;
            asideSum += saving[from + member];
        }
        int half = Math.min(LOW_HALF, members.length / 2);
        Sums low = Sums.of(saving, from, Arrays.copyOfRange(members, 0, half));
        Sums high = Sums.of(saving, from, Arrays.copyOfRange(members, half, members.length));
        boolean[] taken = new boolean[size];
        long left = goal;
        for (int i = 0; i < size; i++) {
            if (!aside[i] && left - saving[from + i] >= asideSum / 2) {
                left -= saving[from + i];
                taken[i] = true;
            }
        }
        if (hits(low, high, left, asideSum, taken)) {
            return taken;
        }
        for (int i = 0, tries = 0; i < size && tries < SWAPS; i++) {
            if (!aside[i]) {
                tries++;
                taken[i] = !taken[i];
                if (hits(low, high, taken[i] ? left - saving[from + i] : left + saving[from + i], asideSum, taken)) {
                    return taken;
                }
                taken[i] = !taken[i];
            }
        }
        return null;
    }

    private static boolean hits(Sums low, Sums high, long left, long asideSum, boolean[] taken) {
        return left >= 0 && left <= asideSum && meetInTheMiddle(low, high, left, taken);
    }

    /**
     * The chunks to set aside: the smallest single copies, then the smallest pairs of copies, up to
     * {@link #SET_ASIDE}. One copy of each of many amounts makes more distinct sums than many copies of one.
     */
    private static int[] setAside(OptimiserChunks chunks, int from, int size) {
        int[] members = new int[Math.min(SET_ASIDE, size)];
        int count = 0;
        for (int copies = 1; copies <= 2 && count < members.length; copies++) {
            int[] index = new int[size];
            long[] saving = new long[size];
            int found = 0;
            for (int i = 0; i < size; i++) {
                if (chunks.copies(from + i) == copies) {
                    index[found] = i;
                    saving[found++] = chunks.saving[from + i];
                }
            }
            int[] order = OptimiserImprove.sortedBy(Arrays.copyOf(saving, found));
            for (int k = 0; k < found && count < members.length; k++) {
                members[count++] = index[order[k]];
            }
        }
        return Arrays.copyOf(members, count);
    }

    /** Finds set-aside chunks adding up to {@code goal} and marks them taken; false if there are none. */
    private static boolean meetInTheMiddle(Sums low, Sums high, long goal, boolean[] taken) {
        for (int i = 0; i < low.size && low.sum[i] <= goal; i++) {
            int j = high.indexOf(goal - low.sum[i]);
            if (j >= 0) {
                low.mark(i, taken);
                high.mark(j, taken);
                return true;
            }
        }
        return false;
    }

    /** Every distinct sum of some chunks, ascending, each with one subset (as a bit mask over them) that makes it. */
    private static final class Sums {
        final int[] members;
        long[] sum;
        int[] mask;
        int size;
        private long[] nextSum;
        private int[] nextMask;
        private int[] table;

        private Sums(int[] members) {
            this.members = members;
            this.sum = new long[1 << members.length];
            this.mask = new int[1 << members.length];
            this.nextSum = new long[sum.length];
            this.nextMask = new int[sum.length];
            this.size = 1;
        }

        static Sums of(long[] saving, int from, int[] members) {
            Sums sums = new Sums(members);
            for (int m = 0; m < members.length; m++) {
                sums.add(saving[from + members[m]], 1 << m);
            }
            return sums;
        }

        /** Merges the sums with the sums plus {@code value}, dropping repeats. */
        private void add(long value, int bit) {
            int out = 0;
            int i = 0;
            int j = 0;
            while (i < size || j < size) {
                boolean plain = j >= size || (i < size && sum[i] <= sum[j] + value);
                long s = plain ? sum[i] : sum[j] + value;
                int m = plain ? mask[i++] : mask[j++] | bit;
                if (out == 0 || nextSum[out - 1] != s) {
                    nextSum[out] = s;
                    nextMask[out++] = m;
                }
            }
            long[] sums = sum;
            int[] masks = mask;
            sum = nextSum;
            mask = nextMask;
            nextSum = sums;
            nextMask = masks;
            size = out;
        }

        /** Where {@code value} is among the sums, or -1; looked up in a hash table built on first use. */
        int indexOf(long value) {
            if (table == null) {
                table = new int[Integer.highestOneBit(Math.max(1, size)) * 4];
                Arrays.fill(table, -1);
                for (int k = 0; k < size; k++) {
                    int slot = slot(sum[k]);
                    while (table[slot] >= 0) {
                        slot = (slot + 1) & (table.length - 1);
                    }
                    table[slot] = k;
                }
            }
            for (int slot = slot(value); table[slot] >= 0; slot = (slot + 1) & (table.length - 1)) {
                if (sum[table[slot]] == value) {
                    return table[slot];
                }
            }
            return -1;
        }

        private int slot(long value) {
            return (int) ((value * 0x9E3779B97F4A7C15L) >>> 40) & (table.length - 1);
        }

        void mark(int index, boolean[] taken) {
            for (int m = 0; m < members.length; m++) {
                if ((mask[index] >> m & 1) == 1) {
                    taken[members[m]] = true;
                }
            }
        }
    }
}
