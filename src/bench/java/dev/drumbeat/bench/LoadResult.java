package dev.drumbeat.bench;

import java.util.Map;

/**
 * What one target did in the measured part of a run: latencies (due time to complete response, all
 * counted requests, errors included) sorted ascending, the errors by kind, how long the measured part
 * took from the first due send to the last response, how late the generator itself ever sent, and how
 * busy the machine was meanwhile.
 */
record LoadResult(
        String target,
        Map<String, Integer> errorsByKind,
        long[] sortedLatencyNanos,
        long windowNanos,
        long maxSendLagNanos,
        RunConditions conditions) {

    int requests() {
        return sortedLatencyNanos.length;
    }

    int errors() {
        return errorsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Nearest-rank percentile in milliseconds: the smallest latency at or above {@code percent}% of all. */
    double percentileMillis(double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * requests());
        return sortedLatencyNanos[Math.max(0, Math.min(requests() - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return sortedLatencyNanos[requests() - 1] / 1e6;
    }

    /** Responses completed per second over the measured part. */
    double achievedRate() {
        return requests() / (windowNanos / 1e9);
    }
}
