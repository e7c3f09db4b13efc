package dev.drumbeat.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects what each request of one run did, one slot per request, so completions on many threads never
 * share a slot. The first {@code warmup} requests are recorded but not counted. Read it ({@link #result})
 * on the sending thread, only after every request has completed.
 */
final class Recorder {
    private final int warmup;
    private final long[] dueAt;
    private final long[] completedAt;
    private final String[] error;
    private long maxSendLag;

    Recorder(int total, int warmup) {
        this.warmup = warmup;
        this.dueAt = new long[total];
        this.completedAt = new long[total];
        this.error = new String[total];
    }

    /** Called on the sending thread only: how late request {@code index} went out. */
    void sent(int index, long lagNanos) {
        if (index >= warmup) {
            maxSendLag = Math.max(maxSendLag, lagNanos);
        }
    }

    void completed(int index, long due, long now, Optional<String> failure) {
        dueAt[index] = due;
        completedAt[index] = now;
        error[index] = failure.orElse(null);
    }

    LoadResult result(String target, RunConditions conditions) {
        int total = dueAt.length;
        long[] latencies = new long[total - warmup];
        Map<String, Integer> errors = new TreeMap<>();
        long lastCompleted = dueAt[warmup];
        for (int i = warmup; i < total; i++) {
            latencies[i - warmup] = completedAt[i] - dueAt[i];
            lastCompleted = Math.max(lastCompleted, completedAt[i]);
            if (error[i] != null) {
                errors.merge(error[i], 1, Integer::sum);
            }
        }
        Arrays.sort(latencies);
        return new LoadResult(target, errors, latencies, lastCompleted - dueAt[warmup], maxSendLag, conditions);
    }
}
