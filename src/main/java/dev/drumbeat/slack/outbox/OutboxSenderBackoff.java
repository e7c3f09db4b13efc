package dev.drumbeat.slack.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): after the
 * n-th failure, wait a random time between zero and {@code min(cap, base * 2^(n-1))}, so instances that failed
 * together don't retry together. Thread-safe when {@code random} is.
 */
final class OutboxSenderBackoff {
    private static final int MAX_DOUBLINGS = 30;
    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    OutboxSenderBackoff(Duration base, Duration cap, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The longest wait after {@code failures} failures. */
    Duration ceiling(int failures) {
        long doubled = base.toMillis() << Math.min(MAX_DOUBLINGS, Math.max(0, failures - 1));
        return Duration.ofMillis(Math.min(cap.toMillis(), doubled));
    }

    Duration delayAfter(int failures) {
        return Duration.ofMillis((long) (ceiling(failures).toMillis() * random.getAsDouble()));
    }
}
