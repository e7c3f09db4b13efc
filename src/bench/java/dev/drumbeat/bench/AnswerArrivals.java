package dev.drumbeat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.standin.SlackStandInResponses;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each answer posted to a response_url reached the Slack stand-in: the benchmark expects one per ask, keyed by the
 * timestamp of the message its response_url stands for, and the stand-in's observer completes it with the moment it
 * arrived and what it carried. Thread-safe.
 */
final class AnswerArrivals {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer as it arrived: {@link System#nanoTime} then, its body, Slack's refusal if refused. */
    record Arrival(long nanos, JsonNode body, String error) {}

    private final Map<String, CompletableFuture<Arrival>> expected = new ConcurrentHashMap<>();

    /** The answer to the message {@code ts}, once it arrives. */
    CompletableFuture<Arrival> expect(String ts) {
        return expected.computeIfAbsent(ts, key -> new CompletableFuture<>());
    }

    void forget(String ts) {
        expected.remove(ts);
    }

    /** The stand-in's observer. */
    void arrived(SlackStandInResponses.Posted posted) {
        long now = System.nanoTime();
        if (posted.messageTs() == null) {
            return;
        }
        expect(posted.messageTs())
                .complete(new Arrival(
                        now, JSON.valueToTree(posted.body()), posted.error().orElse(null)));
    }
}
