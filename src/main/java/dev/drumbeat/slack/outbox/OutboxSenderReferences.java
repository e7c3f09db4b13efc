package dev.drumbeat.slack.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Resolves {@code {"$ts_of": "<dedupe key>"}} argument values ({@link Outbox#tsOf}) to the {@code ts} of the
 * message queued under that key, and the call's {@code channel} to the channel Slack answered with: a DM
 * posted to a user id lands in a D… channel, and {@code chat.update} must name that one. Pure.
 */
final class OutboxSenderReferences {

    /** Whether a call can be made now. */
    sealed interface Resolution {
        /** Every reference is sent; {@code args} carry their ts. */
        record Ready(ObjectNode args) implements Resolution {}

        /** A referenced message isn't sent yet; look again at {@code until}, or soon when it is in flight. */
        record Wait(Optional<Instant> until) implements Resolution {}

        /** A referenced message will never be sent, so neither will this one. */
        record Never(String reason) implements Resolution {}
    }

    private OutboxSenderReferences() {}

    static Set<String> keysIn(ObjectNode args) {
        return new LinkedHashSet<>(keysByField(args).values());
    }

    static Resolution resolve(ObjectNode args, Map<String, OutboxDao.Reference> referenced) {
        Map<String, String> keys = keysByField(args);
        for (String key : keys.values()) {
            Optional<String> never = neverReason(key, referenced.get(key));
            if (never.isPresent()) {
                return new Resolution.Never(never.get());
            }
        }
        List<OutboxDao.Reference> unsent = keys.values().stream()
                .map(referenced::get)
                .filter(reference -> !"sent".equals(reference.state()))
                .toList();
        if (!unsent.isEmpty()) {
            return new Resolution.Wait(unsent.stream()
                    .map(OutboxSenderReferences::untilOf)
                    .reduce(Optional.empty(), OutboxSenderReferences::later));
        }
        return new Resolution.Ready(filledIn(args, keys, referenced));
    }

    private static ObjectNode filledIn(
            ObjectNode args, Map<String, String> keys, Map<String, OutboxDao.Reference> referenced) {
        ObjectNode resolved = args.deepCopy();
        keys.forEach((field, key) -> resolved.put(field, referenced.get(key).resultTs()));
        Stream.of("ts", "thread_ts")
                .filter(keys::containsKey)
                .map(field -> referenced.get(keys.get(field)).resultChannel())
                .filter(Objects::nonNull)
                .findFirst()
                .filter(channel -> resolved.has("channel"))
                .ifPresent(channel -> resolved.put("channel", channel));
        return resolved;
    }

    /** Argument name to the dedupe key its value refers to, for every {@code $ts_of} value. */
    private static Map<String, String> keysByField(ObjectNode args) {
        Map<String, String> keys = new LinkedHashMap<>();
        args.fields()
                .forEachRemaining(
                        field -> referencedKey(field.getValue()).ifPresent(key -> keys.put(field.getKey(), key)));
        return keys;
    }

    private static Optional<String> neverReason(String key, OutboxDao.Reference reference) {
        if (reference == null) {
            return Optional.of("refers to " + key + ", which was never queued");
        }
        if ("dead".equals(reference.state())) {
            return Optional.of("refers to " + key + ", which could not be sent");
        }
        if ("sent".equals(reference.state()) && reference.resultTs() == null) {
            return Optional.of("refers to " + key + ", which Slack gave no ts");
        }
        return Optional.empty();
    }

    /** A pending reference is next tried at its next_attempt_at; one in flight may finish any moment. */
    private static Optional<Instant> untilOf(OutboxDao.Reference reference) {
        return "pending".equals(reference.state()) ? Optional.of(reference.nextAttemptAt()) : Optional.empty();
    }

    /** The later of two waits, where none means "soon". */
    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? b : a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }

    private static Optional<String> referencedKey(JsonNode value) {
        JsonNode key = value.get(Outbox.TS_OF);
        return value.isObject() && value.size() == 1 && key != null && key.isTextual()
                ? Optional.of(key.asText())
                : Optional.empty();
    }
}
