package dev.drumbeat.bench;

import java.util.Optional;

/**
 * One ask as the benchmark saw it: its kind, when it was sent ({@link System#nanoTime}), how long the acknowledgement
 * (the HTTP response) took, how long until the answer was there (the acknowledgement itself when it carried the
 * answer, else the answer's arrival at the response_url), whether the answer came later, and what went wrong, if
 * anything. {@code finalNanos} is the time until the attempt ended when there was an error.
 */
record AskOutcome(String kind, long sentAt, long ackNanos, long finalNanos, boolean later, Optional<String> error) {

    static AskOutcome answered(String kind, long sentAt, long ackNanos, long finalNanos, boolean later) {
        return new AskOutcome(kind, sentAt, ackNanos, finalNanos, later, Optional.empty());
    }

    static AskOutcome failed(String kind, long sentAt, long ackNanos, long finalNanos, boolean later, String error) {
        return new AskOutcome(kind, sentAt, ackNanos, finalNanos, later, Optional.of(error));
    }
}
