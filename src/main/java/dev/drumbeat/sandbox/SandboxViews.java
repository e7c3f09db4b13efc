package dev.drumbeat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.sandbox.standin.SlackStandInJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapes the sandbox page's data as Slack would: recorded Web API calls for display, a modal's form values into a
 * view_submission, and the app_mention and app_home_opened events. Clicks are {@link SandboxBlockActions}.
 */
final class SandboxViews {
    private SandboxViews() {}

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
            state.put(blockId, Map.of(actionId, stateValue(element, values.path(blockId))));
        }
        Map<String, Object> shownView = shownView(teamId, view);
        shownView.put("state", Map.of("values", state));
        Map<String, Object> payload = interaction("view_submission", teamId, user);
        payload.put("view", shownView);
        return payload;
    }

    /** What every interaction payload Slack sends starts with: its type, the workspace, who, the app and a trigger id. */
    static Map<String, Object> interaction(String type, String teamId, SlackUser user) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("team", Map.of("id", teamId, "domain", "drumbeat-demo"));
        payload.put(
                "user", Map.of("id", user.userId(), "username", user.name(), "name", user.name(), "team_id", teamId));
        payload.put("api_app_id", SlackStandIn.APP_ID);
        payload.put("token", "sandbox");
        payload.put(
                "trigger_id", user.triggerIds().map(t -> t.apply(user.userId())).orElse("0.0.sandbox"));
        return payload;
    }

    /** The event envelope Slack sends when someone opens the bot's Home tab; {@code channel} is their DM with the bot. */
    static Map<String, Object> homeOpened(String teamId, SlackUser user, String channel, String ts) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "app_home_opened");
        event.put("user", user.userId());
        event.put("channel", channel);
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

    /** The event envelope Slack sends when someone mentions the bot in a channel, or in a thread when {@code threadTs} is set. */
    static Map<String, Object> mention(
            String teamId, SlackUser user, String channel, String text, String ts, String threadTs) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "app_mention");
        event.put("user", user.userId());
        event.put("text", text);
        event.put("channel", channel);
        event.put("ts", ts);
        event.put("event_ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        return envelope(teamId, "EvSANDBOX", ts, event);
    }

    /** The view as Slack shows it back on submission: as it was opened (id, hash, callback_id, …), defaults filled in. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> shownView(String teamId, JsonNode view) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", "V0SANDBOX");
        shown.put("team_id", teamId);
        shown.put("type", "modal");
        shown.put("callback_id", "");
        shown.put("private_metadata", "");
        shown.putAll(SlackStandInJson.MAPPER.convertValue(view, Map.class));
        return shown;
    }

    /** The ticked options as Slack sends them: each with its own text and value. */
    private static List<Object> ticked(JsonNode element, JsonNode typed) {
        List<String> values = new ArrayList<>();
        (typed.isArray() ? typed : List.of(typed)).forEach(v -> {
            if (!v.asText("").isEmpty()) {
                values.add(v.asText());
            }
        });
        List<Object> options = new ArrayList<>();
        element.path("options").forEach(option -> {
            if (values.contains(option.path("value").asText())) {
                options.add(SlackStandInJson.MAPPER.convertValue(option, Map.class));
            }
        });
        return options;
    }

    /** What Slack puts in view.state for the element; checkboxes come from the page as the list of ticked values. */
    private static Map<String, Object> stateValue(JsonNode element, JsonNode typed) {
        String type = element.path("type").asText();
        String value = typed.isArray() ? "" : typed.asText("");
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", type);
        switch (type) {
            case "static_select", "radio_buttons" ->
                state.put(
                        "selected_option",
                        value.isEmpty()
                                ? null
                                : Map.of("text", Map.of("type", "plain_text", "text", value), "value", value));
            case "users_select" -> state.put("selected_user", value.isEmpty() ? null : value);
            case "channels_select" -> state.put("selected_channel", value.isEmpty() ? null : value);
            case "datepicker" -> state.put("selected_date", value.isEmpty() ? null : value);
            case "checkboxes" -> state.put("selected_options", ticked(element, typed));
            default -> state.put("value", value.isEmpty() ? null : value);
        }
        return state;
    }
}
