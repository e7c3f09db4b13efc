package dev.drumbeat.sandbox.standin;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Slack's limits for {@code chat.postMessage}, enforced only when asked (tests and the fan-out benchmark):
 * a workspace-wide token bucket and one per channel, each holding a second's worth, refilled in real time.
 * Over a limit the call is answered 429 with {@code Retry-After: 1} and counted. A refused call takes no token.
 * Thread-safe: every method is synchronized.
 */
final class SlackStandInRateLimits {
    private static final String METHOD = "chat.postMessage";
    private static final int RETRY_AFTER_SECONDS = 1;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> channels = new HashMap<>();
    private Bucket workspace;
    private int perChannelPerSecond;
    private int rateLimited;

    SlackStandInRateLimits(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    synchronized void enforce(int workspacePerSecond, int perChannelPerSecond) {
        if (workspacePerSecond < 1 || perChannelPerSecond < 1) {
            throw new IllegalArgumentException("rates are calls per second, at least 1");
        }
        this.workspace = new Bucket(workspacePerSecond, nanoTime.getAsLong());
        this.perChannelPerSecond = perChannelPerSecond;
        channels.clear();
    }

    /** The 429 this call gets, if enforcing and over a limit; otherwise the call takes its tokens. */
    synchronized Optional<SlackStandInAnswer> refuse(SlackStandInRequest request) {
        if (workspace == null || !METHOD.equals(request.method())) {
            return Optional.empty();
        }
        long now = nanoTime.getAsLong();
        Object channelArg = request.args().get("channel");
        Bucket channel = channelArg == null || String.valueOf(channelArg).isBlank()
                ? null
                : channels.computeIfAbsent(
                        SlackStandInConversations.resolveChannel(String.valueOf(channelArg)),
                        key -> new Bucket(perChannelPerSecond, now));
        if (!workspace.hasToken(now) || (channel != null && !channel.hasToken(now))) {
            rateLimited++;
            return Optional.of(SlackStandInAnswer.error(429, "ratelimited", RETRY_AFTER_SECONDS));
        }
        workspace.take();
        if (channel != null) {
            channel.take();
        }
        return Optional.empty();
    }

    synchronized int rateLimitedCount() {
        return rateLimited;
    }

    /** Back to not enforcing, with nothing counted. */
    synchronized void reset() {
        workspace = null;
        channels.clear();
        rateLimited = 0;
    }

    /** A second's worth of tokens, refilled continuously. */
    private static final class Bucket {
        private final double perSecond;
        private double tokens;
        private long updatedAt;

        Bucket(int perSecond, long now) {
            this.perSecond = perSecond;
            this.tokens = perSecond;
            this.updatedAt = now;
        }

        boolean hasToken(long now) {
            tokens = Math.min(perSecond, tokens + (now - updatedAt) * perSecond / 1_000_000_000.0);
            updatedAt = now;
            return tokens >= 1;
        }

        void take() {
            tokens -= 1;
        }
    }
}
