package dev.drumbeat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the block_actions payload Slack sends when someone clicks a button, picks from a select or an overflow
 * menu, or chooses a date: in a message (container {@code message}, with {@code channel}, {@code response_url} and,
 * unless ephemeral, the {@code message}) or in a modal or Home tab (container {@code view}, with the {@code view}).
 * The page describes the click: {@code actionId}, {@code blockId}, {@code type}, {@code value}, {@code text},
 * {@code selected} {@code {value, text}}, {@code selectedUser}, {@code selectedDate}, and where it happened:
 * {@code channel} and {@code ts}, or {@code view}.
 */
final class SandboxBlockActions {

    private SandboxBlockActions() {}

    /** {@code responseUrl} is the stand-in's for the clicked message, so the app can replace it as it can in Slack. */
    static Map<String, Object> payload(
            String teamId,
            SlackUser user,
            JsonNode click,
            Optional<SandboxMessage> message,
            String actionTs,
            String responseUrl) {
        Map<String, Object> payload = SandboxViews.interaction("block_actions", teamId, user);
        if (click.path("view").isObject()) {
            inView(payload, click.path("view"));
        } else {
            inMessage(payload, teamId, click, message, responseUrl);
        }
        payload.put("actions", List.of(action(click, actionTs)));
        payload.put("is_enterprise_install", false);
        return payload;
    }

    private static void inView(Map<String, Object> payload, JsonNode view) {
        payload.put(
                "container", Map.of("type", "view", "view_id", view.path("id").asText()));
        payload.put("view", view);
        payload.put("state", view.path("state").isObject() ? view.path("state") : Map.of("values", Map.of()));
    }

    private static void inMessage(
            Map<String, Object> payload,
            String teamId,
            JsonNode click,
            Optional<SandboxMessage> message,
            String responseUrl) {
        String channel = click.path("channel").asText();
        boolean ephemeral = message.map(SandboxMessage::ephemeral)
                .orElse(click.path("ephemeral").asBoolean(false));
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("type", "message");
        container.put("message_ts", click.path("ts").asText());
        container.put("channel_id", channel);
        container.put("is_ephemeral", ephemeral);
        message.map(SandboxMessage::threadTs).ifPresent(threadTs -> container.put("thread_ts", threadTs));
        payload.put("container", container);
        payload.put(
                "channel",
                Map.of(
                        "id",
                        channel,
                        "name",
                        channel.startsWith("D") ? "directmessage" : SandboxConversations.nameOf(channel)));
        message.filter(shown -> !shown.ephemeral()).ifPresent(shown -> payload.put("message", shape(teamId, shown)));
        payload.put("state", Map.of("values", Map.of()));
        payload.put("response_url", responseUrl);
    }

    /** The message as Slack echoes it in the payload: who posted it, its text and blocks. */
    private static Map<String, Object> shape(String teamId, SandboxMessage message) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("type", "message");
        shape.put("user", message.author());
        if (message.kind().equals("bot")) {
            shape.put("bot_id", SlackStandIn.BOT_ID);
            shape.put("app_id", SlackStandIn.APP_ID);
        }
        shape.put("team", teamId);
        shape.put("text", message.text() == null ? "" : message.text());
        shape.put("blocks", message.blocks() == null ? List.of() : message.blocks());
        shape.put("ts", message.ts());
        if (message.threadTs() != null) {
            shape.put("thread_ts", message.threadTs());
        }
        return shape;
    }

    private static Map<String, Object> action(JsonNode click, String actionTs) {
        String type = click.path("type").asText("button");
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", type);
        action.put("action_id", click.path("actionId").asText());
        action.put("block_id", blockId(click));
        switch (type) {
            case "static_select", "overflow", "radio_buttons" ->
                action.put("selected_option", option(click.path("selected")));
            case "users_select" ->
                action.put("selected_user", click.path("selectedUser").asText());
            case "datepicker" ->
                action.put("selected_date", click.path("selectedDate").asText());
            default -> {
                action.put("text", plainText(click.path("text").asText("button")));
                optional(click, "value").ifPresent(value -> action.put("value", value));
                optional(click, "style").ifPresent(style -> action.put("style", style));
            }
        }
        action.put("action_ts", actionTs);
        return action;
    }

    /** A text field of the click, when the page sent one (Slack leaves unset fields out). */
    private static Optional<String> optional(JsonNode click, String field) {
        return click.hasNonNull(field) ? Optional.of(click.path(field).asText()) : Optional.empty();
    }

    /** Slack makes up a block id for a block the app sent without one; so does the sandbox, the same each time. */
    private static String blockId(JsonNode click) {
        String blockId = click.path("blockId").asText("");
        return blockId.isBlank()
                ? "b"
                        + Integer.toString(
                                Math.abs(click.path("actionId").asText().hashCode()), 36)
                : blockId;
    }

    private static Map<String, Object> option(JsonNode selected) {
        String value = selected.path("value").asText();
        return Map.of("text", plainText(selected.path("text").asText(value)), "value", value);
    }

    private static Map<String, Object> plainText(String text) {
        return Map.of("type", "plain_text", "text", text, "emoji", true);
    }
}
