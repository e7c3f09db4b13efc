package dev.drumbeat.slack.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Slack Web API call to make later: the method, its arguments, and a dedupe key naming the logical
 * message (say {@code prompt:T1:U1:2026-11-23}) so it goes out at most once however often it is queued.
 * {@code channel} drives the per-channel rate limit. An argument may be {@link Outbox#tsOf} another
 * message, resolved to that message's {@code ts} once it has been sent.
 */
public record OutboxMessage(
        String teamId, String dedupeKey, String method, Optional<String> channel, Map<String, Object> args) {

    public OutboxMessage {
        args = Map.copyOf(args);
    }

    public static OutboxMessage post(String teamId, String dedupeKey, String channel, Map<String, Object> args) {
        return new OutboxMessage(
                teamId, dedupeKey, "chat.postMessage", Optional.of(channel), with(args, "channel", channel));
    }

    public static OutboxMessage update(
            String teamId, String dedupeKey, String channel, String tsOfKey, Map<String, Object> args) {
        Map<String, Object> withTs = with(with(args, "channel", channel), "ts", Outbox.tsOf(tsOfKey));
        return new OutboxMessage(teamId, dedupeKey, "chat.update", Optional.of(channel), withTs);
    }

    private static Map<String, Object> with(Map<String, Object> args, String key, Object value) {
        HashMap<String, Object> copy = new HashMap<>(args);
        copy.put(key, value);
        return copy;
    }
}
