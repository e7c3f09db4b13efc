package dev.drumbeat.checkin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Turns a prompt's lines into chat.postMessage / chat.update arguments (Block Kit as plain JSON values). */
final class PromptMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PromptMessages() {
    }

    static Map<String, Object> args(LocalDate period, long promptId, ZoneId zone, List<PromptViews.Line> lines) {
        String blocks = GsonFactory.createSnakeCase().toJson(PromptViews.blocks(period, period.toString(), promptId, zone, lines));
        try {
            return Map.of("text", PromptViews.text(period, lines), "blocks", JSON.readValue(blocks, List.class));
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the check-in prompt", e);
        }
    }
}
