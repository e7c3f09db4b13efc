package dev.drumbeat.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.drumbeat.slack.Outbox;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Turns the digest's blocks into chat.postMessage arguments (Block Kit as plain JSON values). */
final class DigestMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DigestMessages() {
    }

    static Map<String, Object> post(String text, List<LayoutBlock> blocks) {
        return Map.of("text", text, "blocks", json(blocks));
    }

    /** A reply in the thread of the message queued under {@code parentKey}. */
    static Map<String, Object> reply(String parentKey, String text, List<LayoutBlock> blocks) {
        return Map.of("text", text, "blocks", json(blocks), "thread_ts", Outbox.tsOf(parentKey));
    }

    private static List<?> json(List<LayoutBlock> blocks) {
        try {
            return JSON.readValue(GsonFactory.createSnakeCase().toJson(blocks), List.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the leadership digest", e);
        }
    }
}
