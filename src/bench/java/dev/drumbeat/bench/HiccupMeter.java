package dev.drumbeat.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices when this JVM stops running for a while (a GC or other safepoint, or the OS not scheduling it):
 * a thread that asks to sleep 5 ms at a time and records how much longer than that it slept. A stall it
 * sees hit every request in flight, the generator and the floor included, so it tells a platform stall
 * from slow request handling. Start it, run the load, then {@link #stop} for the longest hiccup.
 */
final class HiccupMeter {
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private final AtomicLong longest = new AtomicLong();
    private final Thread thread = new Thread(this::measure, "bench-hiccup-meter");
    private volatile boolean running = true;

    HiccupMeter start() {
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Stops measuring; returns the longest oversleep in nanoseconds. */
    long stop() throws InterruptedException {
        running = false;
        thread.join();
        return longest.get();
    }

    private void measure() {
        while (running) {
            long before = System.nanoTime();
            try {
                Thread.sleep(INTERVAL_NANOS / 1_000_000);
            } catch (InterruptedException e) {
                return;
            }
            longest.accumulateAndGet(System.nanoTime() - before - INTERVAL_NANOS, Math::max);
        }
    }
}
