package dev.drumbeat.bench;

import dev.drumbeat.sandbox.standin.SlackStandInCall;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One burst of clicks, summed up: answered, connection resets, other failures by kind, the connections that found the
 * accept queue full ({@link ListenOverflows}), latency p50 / p99 / max
 * (nearest rank over every click), clicks answered after Slack's 3 s, and the modals the stand-in opened or refused.
 * Immutable.
 */
record ClickTally(
        String name,
        List<Click> clicks,
        List<SlackStandInCall> opened,
        long listenOverflows,
        RunConditions conditions) {
    /** One click: how long until its answer or failure, and the failure's kind (null when answered with 200). */
    record Click(long nanos, String failure) {}

    ClickTally {
        clicks = List.copyOf(clicks);
        opened = List.copyOf(opened);
    }

    /** A failure's kind: a reset connection, one closed without an answer, a timeout, or the exception. */
    static String kind(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("reset")) {
            return "connection reset";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer in 10 s";
        }
        if (message.contains("closed") || message.contains("eof") || message.contains("no bytes")) {
            return "connection closed";
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    static String header() {
        return "| burst | clicks | answered 200 | resets | other failures | accept queue full | p50 ms | p99 ms | max ms"
                + " | over 3 s | modals opened | views.open refused |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    String row() {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %d | %d | %d |",
                name,
                clicks.size(),
                clicks.stream().filter(c -> c.failure() == null).count(),
                resets(),
                clicks.stream()
                        .filter(c -> c.failure() != null && !c.failure().equals("connection reset"))
                        .count(),
                listenOverflows,
                millis(50),
                millis(99),
                millis(100),
                clicks.stream()
                        .filter(c -> c.nanos() > AskTally.SLACK_LIMIT_NANOS)
                        .count(),
                opened.stream().filter(SlackStandInCall::ok).count(),
                opened.stream().filter(c -> !c.ok()).count());
    }

    long resets() {
        return clicks.stream()
                .filter(c -> "connection reset".equals(c.failure()))
                .count();
    }

    Map<String, Long> failuresByKind() {
        return clicks.stream()
                .filter(c -> c.failure() != null)
                .collect(Collectors.groupingBy(Click::failure, TreeMap::new, Collectors.counting()));
    }

    Map<String, Long> refusedByError() {
        return opened.stream()
                .filter(c -> !c.ok())
                .collect(Collectors.groupingBy(SlackStandInCall::error, TreeMap::new, Collectors.counting()));
    }

    double millis(double percentile) {
        long[] sorted = clicks.stream().mapToLong(Click::nanos).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }
}
