package dev.drumbeat.checkin.prompt;

import dev.drumbeat.slack.BlockJson;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Turns a prompt's lines into chat.postMessage / chat.update arguments (Block Kit as plain JSON values). */
final class PromptMessages {
    private PromptMessages() {}

    static Map<String, Object> args(LocalDate period, long promptId, ZoneId zone, List<PromptViews.Line> lines) {
        return Map.of(
                "text",
                PromptViews.text(period, lines),
                "blocks",
                BlockJson.values(PromptViews.blocks(period, period.toString(), promptId, zone, lines)));
    }
}
