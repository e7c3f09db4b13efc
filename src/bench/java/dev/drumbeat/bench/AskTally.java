package dev.drumbeat.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The asks of one run, summed up: how many, errors by kind, the acknowledgement's and the final answer's p50, p99
 * and max (nearest rank, errors included), how many acknowledgements took more than Slack's 3 s, and how many answers
 * came later through the response_url. Immutable.
 */
record AskTally(String name, List<AskOutcome> asks, double seconds, RunConditions conditions) {
    static final long SLACK_LIMIT_NANOS = 3_000_000_000L;

    AskTally {
        asks = List.copyOf(asks);
    }

    static String header() {
        return "| run | asks | errors | ack p50 ms | ack p99 ms | ack max ms | acks > 3 s | final p50 ms | final p99 ms"
                + " | final max ms | answered later | asks/s |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    String row() {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.1f | %.1f | %.1f | %d | %.1f | %.1f | %.1f | %d | %.1f |",
                name,
                asks.size(),
                errors(),
                millis(50, AskOutcome::ackNanos),
                millis(99, AskOutcome::ackNanos),
                millis(100, AskOutcome::ackNanos),
                acksOverLimit(),
                millis(50, AskOutcome::finalNanos),
                millis(99, AskOutcome::finalNanos),
                millis(100, AskOutcome::finalNanos),
                asks.stream().filter(AskOutcome::later).count(),
                asks.size() / seconds);
    }

    /** The final answer's p50 / p99 / max for each kind of question. */
    List<String> byKind() {
        return AskMix.KINDS.stream()
                .map(kind -> new AskTally(
                        kind, asks.stream().filter(a -> a.kind().equals(kind)).toList(), seconds, conditions))
                .filter(t -> !t.asks().isEmpty())
                .map(t -> String.format(
                        Locale.ROOT,
                        "  %-16s %5d asks, final p50 %7.1f ms, p99 %7.1f ms, max %7.1f ms; ack p99 %7.1f ms",
                        t.name(),
                        t.asks().size(),
                        t.millis(50, AskOutcome::finalNanos),
                        t.millis(99, AskOutcome::finalNanos),
                        t.millis(100, AskOutcome::finalNanos),
                        t.millis(99, AskOutcome::ackNanos)))
                .toList();
    }

    long errors() {
        return asks.stream().filter(a -> a.error().isPresent()).count();
    }

    Map<String, Long> errorsByKind() {
        return asks.stream()
                .flatMap(a -> a.error().stream())
                .collect(Collectors.groupingBy(e -> e, TreeMap::new, Collectors.counting()));
    }

    long acksOverLimit() {
        return asks.stream().filter(a -> a.ackNanos() > SLACK_LIMIT_NANOS).count();
    }

    /** The nearest-rank percentile in milliseconds; 100 is the maximum. */
    double millis(double percentile, ToLongFunction<AskOutcome> of) {
        long[] sorted = asks.stream().mapToLong(of).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }
}
