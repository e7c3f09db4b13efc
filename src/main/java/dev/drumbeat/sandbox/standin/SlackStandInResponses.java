package dev.drumbeat.sandbox.standin;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Slack's {@code response_url} in the stand-in. Every interaction payload the tests or the sandbox build carries one,
 * made here for the message clicked; a post to it replaces ({@code replace_original}), deletes
 * ({@code delete_original}) or follows up that message (ephemeral unless {@code response_type} is
 * {@code in_channel}), as Slack's does, ephemeral messages included, for 30 minutes and five uses. Blocks are held to
 * Slack's limits. A message the
 * stand-in never posted (the answer to a slash command, which the app returned in its HTTP response) is replaced in
 * {@link #replacement}, for the sandbox page to show. Each post is recorded as a call of {@code response_url}.
 * Thread-safe.
 */
public final class SlackStandInResponses implements Handler {
    static final String METHOD = "response_url";

    /** The message a response_url answers for, and who clicked. */
    record Target(String channel, String userId, String messageTs) {}

    /** Slack's limits on one response_url. */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    static final int USES = 5;

    /** A minted URL's target, when it was made and how often it has been used. */
    private record Minted(Target target, Instant at, AtomicInteger uses) {}

    /** What a response made of a message the stand-in did not post. */
    public record Replacement(String text, Object blocks, boolean deleted) {}

    /**
     * A post to a response_url as it arrived: the message it answers for ({@code channel} and {@code messageTs}, null
     * for a URL the stand-in never made), its body, and Slack's refusal if it was refused.
     */
    public record Posted(String channel, String messageTs, Map<String, Object> body, Optional<String> error) {}

    private final Map<String, Minted> minted = new ConcurrentHashMap<>();
    private final Map<String, Replacement> replaced = new ConcurrentHashMap<>();
    private final SlackStandInConversations conversations;
    private final Consumer<SlackStandInCall> recorder;
    private final Clock clock;
    private volatile Consumer<Posted> observer = posted -> {};

    SlackStandInResponses(SlackStandInConversations conversations, Consumer<SlackStandInCall> recorder, Clock clock) {
        this.conversations = conversations;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** A new response_url under {@code base} (ending in a slash) for the message. */
    String mint(String base, Target target) {
        String token = UUID.randomUUID().toString();
        minted.put(token, new Minted(target, clock.instant(), new AtomicInteger()));
        return base + "respond/" + token;
    }

    Optional<Replacement> replacement(String channel, String ts) {
        return Optional.ofNullable(replaced.get(channel + "/" + ts));
    }

    /** What responses made of messages the stand-in never posted, keyed {@code channel/ts}. */
    Map<String, Replacement> replaced() {
        return Map.copyOf(replaced);
    }

    /** Puts back replacements kept from before a restart. */
    void restore(Map<String, Replacement> kept) {
        replaced.putAll(kept);
    }

    /** Tells {@code observer} of every post from now on, once it took effect; one observer at a time. */
    void observe(Consumer<Posted> observer) {
        this.observer = observer;
    }

    /** Forgets every minted URL and replacement. */
    void reset() {
        minted.clear();
        replaced.clear();
    }

    @Override
    public void handle(Context ctx) {
        Minted url = minted.get(ctx.pathParam("token"));
        Target target = url == null ? null : url.target();
        Optional<JsonNode> body = parse(ctx.body());
        String error = url == null || clock.instant().isAfter(url.at().plus(LIFETIME))
                ? "expired_url"
                : url.uses().incrementAndGet() > USES
                        ? "used_url"
                        : body.isEmpty()
                                ? "invalid_payload"
                                : refusal(body.get()).orElse(null);
        if (error == null) {
            apply(target, body.get());
        }
        Map<String, Object> args = body.map(b -> SlackStandInJson.MAPPER.convertValue(b, Map.class))
                .orElse(Map.of());
        Map<String, Object> recorded = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        recorder.accept(new SlackStandInCall(METHOD, recorded, clock.instant(), error == null, error));
        observer.accept(new Posted(
                target == null ? null : target.channel(),
                target == null ? null : target.messageTs(),
                recorded,
                Optional.ofNullable(error)));
        ctx.status(error == null ? 200 : error.endsWith("_url") ? 404 : 400).result(error == null ? "ok" : error);
    }

    private static Optional<String> refusal(JsonNode body) {
        if (body.path("delete_original").asBoolean(false)) {
            return Optional.empty();
        }
        if (body.path("text").asText("").isBlank() && !body.path("blocks").isArray()) {
            return Optional.of("no_text");
        }
        Object blocks =
                body.has("blocks") ? SlackStandInJson.MAPPER.convertValue(body.get("blocks"), List.class) : null;
        return blocks != null && !BlockKitLimits.checkMessage(blocks).isEmpty()
                ? Optional.of("invalid_blocks")
                : Optional.empty();
    }

    private void apply(Target target, JsonNode body) {
        String text = body.path("text").asText("");
        Object blocks =
                body.has("blocks") ? SlackStandInJson.MAPPER.convertValue(body.get("blocks"), List.class) : null;
        String key = target.channel() + "/" + target.messageTs();
        if (body.path("delete_original").asBoolean(false)) {
            if (!conversations.remove(target.channel(), target.messageTs())) {
                replaced.put(key, new Replacement(text, blocks, true));
            }
        } else if (body.path("replace_original").asBoolean(false)) {
            if (conversations
                    .replace(target.channel(), target.messageTs(), text, blocks)
                    .isEmpty()) {
                replaced.put(key, new Replacement(text, blocks, false));
            }
        } else {
            boolean inChannel = body.path("response_type").asText("").equals("in_channel");
            String threadTs =
                    body.hasNonNull("thread_ts") ? body.get("thread_ts").asText() : null;
            conversations.post(target.channel(), threadTs, text, blocks, inChannel ? null : target.userId());
        }
    }

    private static Optional<JsonNode> parse(String body) {
        try {
            JsonNode json = SlackStandInJson.MAPPER.readTree(body);
            return json != null && json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
