package dev.drumbeat.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reads Drumbeat's answer to a slash command or interaction: status, response type and all its text. */
public record SlackReply(int status, JsonNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static SlackReply of(HttpResponse<String> response) {
        try {
            String body = response.body();
            return new SlackReply(
                    response.statusCode(), body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    public String responseType() {
        return json.path("response_type").asText();
    }

    /** Every {@code text} value in the answer, blocks included, joined by newlines. */
    public String text() {
        return texts(json);
    }

    /** Every {@code text} value anywhere in {@code node} (a message, a modal), joined by newlines. */
    public static String texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return String.join("\n", texts);
    }

    public JsonNode blocks() {
        return json.path("blocks");
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("text") && field.getValue().isTextual()) {
                    texts.add(field.getValue().asText());
                } else {
                    collect(field.getValue(), texts);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, texts));
        }
    }
}
