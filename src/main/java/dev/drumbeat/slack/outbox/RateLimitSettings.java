package dev.drumbeat.slack.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How fast the outbox may call Slack, after Slack's tiers: {@code chat.postMessage} one message per
 * {@code postMessagePerChannel} in a channel within a workspace budget of {@code postMessagePerSecond}
 * (bursts of at most {@code postMessageBurst}); every other method its tier's calls per minute
 * ({@code perMinute}, else {@code defaultPerMinute}), with bursts of a fifth of a minute's worth.
 */
public record RateLimitSettings(
        int postMessagePerSecond,
        int postMessageBurst,
        Duration postMessagePerChannel,
        Map<String, Integer> perMinute,
        int defaultPerMinute) {

    static final int TIER_2 = 20;
    static final int TIER_3 = 50;
    static final int TIER_4 = 100;

    public RateLimitSettings {
        perMinute = Map.copyOf(perMinute);
    }

    public static RateLimitSettings defaults() {
        return new RateLimitSettings(
                100,
                20,
                Duration.ofSeconds(1),
                Map.of(
                        "chat.update",
                        TIER_3,
                        "chat.delete",
                        TIER_3,
                        "conversations.open",
                        TIER_3,
                        "chat.postEphemeral",
                        TIER_4,
                        "views.publish",
                        TIER_4),
                TIER_2);
    }

    public RateLimitSettings withPostMessage(int perSecond, int burst, Duration perChannel) {
        return new RateLimitSettings(perSecond, burst, perChannel, perMinute, defaultPerMinute);
    }

    public RateLimitSettings withPerMinute(String method, int calls) {
        Map<String, Integer> changed = new HashMap<>(perMinute);
        changed.put(method, calls);
        return new RateLimitSettings(
                postMessagePerSecond, postMessageBurst, postMessagePerChannel, changed, defaultPerMinute);
    }

    int perMinute(String method) {
        return perMinute.getOrDefault(method, defaultPerMinute);
    }
}
