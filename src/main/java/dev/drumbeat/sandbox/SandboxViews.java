package dev.drumbeat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Shapes the sandbox page's data: recorded Slack calls for display, and a modal's form values into a view_submission. */
final class SandboxViews {
    /** Numbers the sandbox's mentions, so two in one second still get distinct message timestamps. */
    private static final AtomicLong MENTIONS = new AtomicLong();
    private SandboxViews() {
    }

    static Map<String, Object> call(SlackStandInCall call) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("method", call.method());
        shown.put("at", call.at().toString());
        shown.put("ok", call.ok());
        shown.put("error", call.error());
        shown.put("args", call.args());
        return shown;
    }

    /** A view_submission for an opened view; {@code values} maps block id to the text or choice typed in the page. */
    static Map<String, Object> submission(String teamId, SlackUser user, JsonNode view, JsonNode values) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (JsonNode block : view.path("blocks")) {
            JsonNode element = block.path("element");
            String blockId = block.path("block_id").asText();
            if (!block.path("type").asText().equals("input") || blockId.isEmpty()) {
                continue;
            }
            String actionId = element.path("action_id").asText();
            state.put(blockId, Map.of(actionId, stateValue(element.path("type").asText(), values.path(blockId).asText(""))));
        }
        Map<String, Object> shownView = new LinkedHashMap<>();
        shownView.put("id", view.path("id").asText("V0SANDBOX"));
        shownView.put("team_id", teamId);
        shownView.put("type", "modal");
        shownView.put("callback_id", view.path("callback_id").asText());
        shownView.put("private_metadata", view.path("private_metadata").asText(""));
        shownView.put("state", Map.of("values", state));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "view_submission");
        payload.put("team", Map.of("id", teamId, "domain", "drumbeat-demo"));
        payload.put("user", Map.of("id", user.userId(), "username", user.name(), "name", user.name(), "team_id", teamId));
        payload.put("api_app_id", SlackStandIn.APP_ID);
        payload.put("token", "sandbox");
        payload.put("trigger_id", user.triggerIds().map(t -> t.apply(user.userId())).orElse("0.0.sandbox"));
        payload.put("view", shownView);
        return payload;
    }

    /** A block_actions payload for a button the person clicked in a message the bot sent. */
    static Map<String, Object> blockAction(String teamId, SlackUser user, JsonNode click) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action_id", click.path("actionId").asText());
        action.put("block_id", click.path("blockId").asText("sandbox-block"));
        action.put("type", "button");
        action.put("value", click.path("value").asText(""));
        action.put("text", Map.of("type", "plain_text", "text", click.path("text").asText("button")));
        action.put("action_ts", click.path("ts").asText("0"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("team", Map.of("id", teamId, "domain", "drumbeat-demo"));
        payload.put("user", Map.of("id", user.userId(), "username", user.name(), "name", user.name(), "team_id", teamId));
        payload.put("api_app_id", SlackStandIn.APP_ID);
        payload.put("token", "sandbox");
        payload.put("trigger_id", user.triggerIds().map(t -> t.apply(user.userId())).orElse("0.0.sandbox"));
        payload.put("container", Map.of("type", "message", "message_ts", click.path("ts").asText("0"),
                "channel_id", click.path("channel").asText(""), "is_ephemeral", click.path("ephemeral").asBoolean(false)));
        payload.put("channel", Map.of("id", click.path("channel").asText(""), "name", "directmessage"));
        payload.put("actions", List.of(action));
        return payload;
    }

    /** The event envelope Slack sends when someone opens the bot's Home tab. */
    static Map<String, Object> homeOpened(String teamId, SlackUser user) {
        String ts = String.format(Locale.ROOT, "%d.%06d", System.currentTimeMillis() / 1000, MENTIONS.incrementAndGet() % 1_000_000);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "app_home_opened");
        event.put("user", user.userId());
        event.put("channel", "D0HOME" + user.userId());
        event.put("tab", "home");
        event.put("event_ts", ts);
        return envelope(teamId, "EvHOME", ts, event);
    }

    private static Map<String, Object> envelope(String teamId, String idPrefix, String ts, Map<String, Object> event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "event_callback");
        envelope.put("team_id", teamId);
        envelope.put("api_app_id", SlackStandIn.APP_ID);
        envelope.put("event_id", idPrefix + ts.replace(".", ""));
        envelope.put("event_time", System.currentTimeMillis() / 1000);
        envelope.put("event", event);
        return envelope;
    }

    /** The event envelope Slack sends when someone mentions the bot in a channel. */
    static Map<String, Object> mention(String teamId, SlackUser user, String channel, String text) {
        String ts = String.format(Locale.ROOT, "%d.%06d", System.currentTimeMillis() / 1000, MENTIONS.incrementAndGet() % 1_000_000);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "app_mention");
        event.put("user", user.userId());
        event.put("text", text);
        event.put("channel", channel);
        event.put("ts", ts);
        event.put("event_ts", ts);
        return envelope(teamId, "EvSANDBOX", ts, event);
    }

    private static Map<String, Object> stateValue(String type, String value) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", type);
        switch (type) {
            case "static_select", "radio_buttons" -> state.put("selected_option", value.isEmpty() ? null
                    : Map.of("text", Map.of("type", "plain_text", "text", value), "value", value));
            case "users_select" -> state.put("selected_user", value.isEmpty() ? null : value);
            case "channels_select" -> state.put("selected_channel", value.isEmpty() ? null : value);
            case "checkboxes" -> state.put("selected_options", value.isEmpty() ? List.of()
                    : List.of(Map.of("text", Map.of("type", "plain_text", "text", value), "value", value)));
            default -> state.put("value", value.isEmpty() ? null : value);
        }
        return state;
    }
}
