package dev.drumbeat.slack.outbox;

/**
 * A token bucket on a nanosecond clock: {@code capacity} tokens, refilled at {@code perSecond}.
 * Not thread-safe; {@link RateLimits} guards it.
 */
final class RateLimitBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000.0;
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedAt;

    RateLimitBucket(double capacity, double perSecond, long now) {
        this.capacity = Math.max(1, capacity);
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.tokens = this.capacity;
        this.updatedAt = now;
    }

    static RateLimitBucket perMinute(int calls, long now) {
        return new RateLimitBucket(Math.ceil(calls / 5.0), calls / 60.0, now);
    }

    boolean hasToken(long now) {
        refill(now);
        return tokens >= 1;
    }

    boolean tryTake(long now) {
        if (!hasToken(now)) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
            updatedAt = now;
        }
    }
}
