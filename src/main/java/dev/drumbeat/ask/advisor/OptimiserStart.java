package dev.drumbeat.ask.advisor;

/**
 * First sets for {@link OptimiserSearch} to beat, so that its bounds prune from the first step. Each is built in one
 * or two passes over the chunks, sorted by impact per unit saved, and every one reaches the target. Pure.
 */
final class OptimiserStart {
    private OptimiserStart() {}

    /**
     * The greedy prefix that falls short, plus the least-impact single chunk after it that covers the rest of the
     * target (the break chunk always does), less any prefix chunks the surplus can spare. Never worse than greedy.
     */
    static boolean[] coverAfterPrefix(OptimiserChunks chunks, int breakChunk) {
        long deficit = chunks.target;
        for (int i = 0; i < breakChunk; i++) {
            deficit -= chunks.saving[i];
        }
        int cover = breakChunk;
        for (int j = breakChunk + 1; j < chunks.size(); j++) {
            if (chunks.saving[j] >= deficit && chunks.impact[j] < chunks.impact[cover]) {
                cover = j;
            }
        }
        boolean[] chosen = new boolean[chunks.size()];
        for (int i = 0; i < breakChunk; i++) {
            chosen[i] = true;
        }
        chosen[cover] = true;
        return trimmed(chunks, chosen, chunks.saving[cover] - deficit);
    }

    /**
     * Greedy that steps over the chunks that would overshoot: going down the ratio order, a chunk that would reach the
     * target closes a candidate set (everything taken so far plus it) and is skipped; any other is taken. The best
     * closed set, trimmed, wins. It finds the many small chunks that do better than one large one at the break.
     */
    static boolean[] bestClosing(OptimiserChunks chunks) {
        long[] w = chunks.saving;
        long[] p = chunks.impact;
        long saving = 0;
        long impact = 0;
        long bestImpact = Long.MAX_VALUE;
        int closing = -1;
        for (int j = 0; j < w.length; j++) {
            if (saving + w[j] >= chunks.target) {
                if (impact + p[j] < bestImpact) {
                    bestImpact = impact + p[j];
                    closing = j;
                }
            } else {
                saving += w[j];
                impact += p[j];
            }
        }
        boolean[] chosen = new boolean[w.length];
        saving = 0;
        for (int j = 0; j < closing; j++) {
            if (saving + w[j] < chunks.target) {
                saving += w[j];
                chosen[j] = true;
            }
        }
        chosen[closing] = true;
        return trimmed(chunks, chosen, saving + w[closing] - chunks.target);
    }

    /** Drops chosen chunks, worst ratio first, while the surplus over the target covers them. */
    private static boolean[] trimmed(OptimiserChunks chunks, boolean[] chosen, long surplus) {
        for (int i = chosen.length - 1; i >= 0 && surplus > 0; i--) {
            if (chosen[i] && chunks.saving[i] <= surplus) {
                surplus -= chunks.saving[i];
                chosen[i] = false;
            }
        }
        return chosen;
    }
}
