package dev.drumbeat.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.List;

/**
 * Block Kit built with Bolt's model, turned into plain JSON values (lists and maps) for an outbox message's
 * arguments. Bolt's model serialises with Gson in Slack's snake case; the outbox stores its arguments with
 * Jackson, so the blocks cross over once, here. Thread-safe.
 */
public final class BlockJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BlockJson() {}

    /** The blocks as Slack's JSON, in Gson's exact output. */
    public static String text(List<LayoutBlock> blocks) {
        return GsonFactory.createSnakeCase().toJson(blocks);
    }

    /** The blocks as JSON values ready to sit in outbox arguments. */
    public static List<?> values(List<LayoutBlock> blocks) {
        return parse(text(blocks));
    }

    /** JSON text from {@link #text} as values. */
    public static List<?> parse(String json) {
        try {
            return JSON.readValue(json, List.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Block Kit JSON could not be read back", e);
        }
    }
}
