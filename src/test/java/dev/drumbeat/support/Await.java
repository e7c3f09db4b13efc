package dev.drumbeat.support;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for work on another thread (the outbox sender, a scheduler) to show, polling every 20 ms, and fails with what
 * was awaited once the limit (ten seconds unless given) has passed.
 */
public final class Await {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private Await() {}

    public static void until(String what, BooleanSupplier condition) {
        until(what, LIMIT, condition, () -> "");
    }

    /** As {@link #until(String, BooleanSupplier)}, failing with {@code state} described, to show what there was instead. */
    public static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        until(what, LIMIT, condition, state);
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        until(what, limit, condition, () -> "");
    }

    public static void until(String what, Duration limit, BooleanSupplier condition, Supplier<String> state) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                String seen = state.get();
                fail("waited " + limit.toSeconds() + " s for " + what + (seen.isEmpty() ? "" : "; " + seen));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
