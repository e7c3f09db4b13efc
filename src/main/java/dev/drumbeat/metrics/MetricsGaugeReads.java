package dev.drumbeat.metrics;

import dev.drumbeat.db.DatabaseOutage;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reads of gauges from the database, made cheap while it is down: once a read finds it unreachable, every gauge reads
 * NaN for {@link #SKIP} without trying, so a scrape during an outage waits for one connection, not one per gauge, and
 * {@code /metrics} keeps answering. Other failures are thrown as before. Thread-safe.
 */
final class MetricsGaugeReads {
    static final Duration SKIP = Duration.ofSeconds(5);
    private final LongSupplier nanoTime;
    private volatile long skipUntil;
    private volatile boolean skipping;

    MetricsGaugeReads(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    Supplier<Number> guard(Supplier<Number> read) {
        return () -> {
            long now = nanoTime.getAsLong();
            if (skipping && now - skipUntil < 0) {
                return Double.NaN;
            }
            try {
                Number value = read.get();
                skipping = false;
                return value;
            } catch (RuntimeException e) {
                if (!DatabaseOutage.explains(e)) {
                    throw e;
                }
                skipUntil = now + SKIP.toNanos();
                skipping = true;
                return Double.NaN;
            }
        };
    }
}
