package dev.drumbeat.digest;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.outbox.Outbox;
import java.util.List;
import java.util.Map;

/** Turns the digest's blocks into chat.postMessage arguments (Block Kit as plain JSON values). */
final class DigestMessages {
    private DigestMessages() {}

    static Map<String, Object> post(String text, List<LayoutBlock> blocks) {
        return Map.of("text", text, "blocks", BlockJson.values(blocks));
    }

    /** A reply in the thread of the message queued under {@code parentKey}. */
    static Map<String, Object> reply(String parentKey, String text, List<LayoutBlock> blocks) {
        return Map.of("text", text, "blocks", BlockJson.values(blocks), "thread_ts", Outbox.tsOf(parentKey));
    }
}
