package dev.drumbeat.slack.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Keeps this process's Slack calls within {@link RateLimitSettings}: a token bucket per method, and for
 * {@code chat.postMessage} a workspace bucket plus one call at a time per channel, the next no sooner than
 * the per-channel interval after the previous one came back (so network jitter can't squeeze two into
 * Slack's second). Buckets run on a real-time nanosecond clock, because rate is about throughput; pauses
 * that Slack asks for with {@code Retry-After} run on the business {@link Clock}, like a row's
 * {@code next_attempt_at}. One bot token is one workspace, so limits are kept per method and channel.
 * Thread-safe: every method is synchronized.
 */
public final class RateLimits {
    static final String POST_MESSAGE = "chat.postMessage";
    private final RateLimitSettings settings;
    private final LongSupplier nanoTime;
    private final Clock clock;
    private final RateLimitBucket postMessages;
    private final Map<String, RateLimitBucket> methods = new HashMap<>();
    private final Set<String> channelsInFlight = new HashSet<>();
    private final Map<String, Long> channelSpacedUntil = new HashMap<>();
    private final Map<String, Instant> methodPausedUntil = new HashMap<>();
    private final Map<String, Instant> channelPausedUntil = new HashMap<>();

    public RateLimits(RateLimitSettings settings, LongSupplier nanoTime, Clock clock) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.clock = clock;
        this.postMessages =
                new RateLimitBucket(settings.postMessageBurst(), settings.postMessagePerSecond(), nanoTime.getAsLong());
    }

    /** Methods, and {@code chat.postMessage} channels, that cannot be called right now. */
    record Held(Set<String> methods, Set<String> channels) {}

    synchronized Held held() {
        long now = nanoTime.getAsLong();
        Instant at = clock.instant();
        methodPausedUntil.values().removeIf(until -> !until.isAfter(at));
        channelPausedUntil.values().removeIf(until -> !until.isAfter(at));
        channelSpacedUntil.values().removeIf(until -> until - now <= 0);
        Set<String> heldMethods = new HashSet<>(methodPausedUntil.keySet());
        if (!postMessages.hasToken(now)) {
            heldMethods.add(POST_MESSAGE);
        }
        methods.forEach((method, bucket) -> {
            if (!bucket.hasToken(now)) {
                heldMethods.add(method);
            }
        });
        Set<String> heldChannels = new HashSet<>(channelsInFlight);
        heldChannels.addAll(channelSpacedUntil.keySet());
        heldChannels.addAll(channelPausedUntil.keySet());
        return new Held(heldMethods, heldChannels);
    }

    /** Takes what one call needs, or nothing when any limit is reached. Pair with {@link #finished} or {@link #cancel}. */
    synchronized boolean tryAcquire(String method, String channel) {
        long now = nanoTime.getAsLong();
        Instant at = clock.instant();
        if (isPaused(methodPausedUntil, method, at)) {
            return false;
        }
        if (!POST_MESSAGE.equals(method)) {
            return methods.computeIfAbsent(method, m -> RateLimitBucket.perMinute(settings.perMinute(m), now))
                    .tryTake(now);
        }
        if (channel != null && !isChannelFree(channel, now, at)) {
            return false;
        }
        if (!postMessages.tryTake(now)) {
            return false;
        }
        if (channel != null) {
            channelsInFlight.add(channel);
        }
        return true;
    }

    /** The call came back, whatever it answered: the channel's next post waits the per-channel interval from now. */
    synchronized void finished(String method, String channel) {
        if (POST_MESSAGE.equals(method) && channel != null) {
            channelsInFlight.remove(channel);
            channelSpacedUntil.put(
                    channel,
                    nanoTime.getAsLong() + settings.postMessagePerChannel().toNanos());
        }
    }

    /** The call was never made. */
    synchronized void cancel(String method, String channel) {
        if (POST_MESSAGE.equals(method) && channel != null) {
            channelsInFlight.remove(channel);
        }
    }

    /** Slack said 429: no more calls of the method (and, for posts, to the channel) before {@code until}. */
    synchronized void pause(String method, String channel, Instant until) {
        methodPausedUntil.merge(method, until, RateLimits::later);
        if (POST_MESSAGE.equals(method) && channel != null) {
            channelPausedUntil.merge(channel, until, RateLimits::later);
        }
    }

    private boolean isChannelFree(String channel, long now, Instant at) {
        Long spacedUntil = channelSpacedUntil.get(channel);
        return !channelsInFlight.contains(channel)
                && !isPaused(channelPausedUntil, channel, at)
                && (spacedUntil == null || spacedUntil - now <= 0);
    }

    private static boolean isPaused(Map<String, Instant> pausedUntil, String key, Instant at) {
        Instant until = pausedUntil.get(key);
        return until != null && until.isAfter(at);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
