package dev.drumbeat.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the payloads Slack sends, shaped like Slack's samples: interactions ({@code view_submission},
 * {@code block_actions}) and Events API envelopes. {@link DrumbeatExtension} sends them.
 */
public final class SlackPayloads {
    private SlackPayloads() {}

    /** A view_submission; {@code values} maps block id to a state value such as {@link #text} or {@link #option}. */
    public static Map<String, Object> viewSubmission(
            String teamId,
            String userId,
            String callbackId,
            String privateMetadata,
            Map<String, Map<String, Object>> values) {
        Map<String, Object> state = new LinkedHashMap<>();
        values.forEach((blockId, value) -> state.put(blockId, Map.of(blockId, value)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", "V0TEST0001");
        view.put("team_id", teamId);
        view.put("type", "modal");
        view.put("callback_id", callbackId);
        view.put("private_metadata", privateMetadata);
        view.put("state", Map.of("values", state));
        view.put("hash", "1700000000.abcdef");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "view_submission");
        payload.put("team", Map.of("id", teamId, "domain", "drumbeat-test"));
        payload.put(
                "user",
                Map.of(
                        "id",
                        userId,
                        "username",
                        userId.toLowerCase(),
                        "name",
                        userId.toLowerCase(),
                        "team_id",
                        teamId));
        payload.put("api_app_id", "A0DRUMBEAT");
        payload.put("token", "unused");
        payload.put("trigger_id", "1700000000.1.abc");
        payload.put("view", view);
        return payload;
    }

    /** A block_actions payload for one button clicked in a message, as Slack sends it (trigger id included). */
    public static Map<String, Object> blockAction(
            String teamId, String userId, String triggerId, String actionId, String value) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "button");
        action.put("action_id", actionId);
        action.put("block_id", "b-" + actionId);
        action.put("text", Map.of("type", "plain_text", "text", "Check in", "emoji", true));
        action.put("value", value);
        action.put("action_ts", "1700000000.000200");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("team", Map.of("id", teamId, "domain", "drumbeat-test"));
        payload.put(
                "user",
                Map.of(
                        "id",
                        userId,
                        "username",
                        userId.toLowerCase(),
                        "name",
                        userId.toLowerCase(),
                        "team_id",
                        teamId));
        payload.put("api_app_id", "A0DRUMBEAT");
        payload.put("token", "unused");
        payload.put(
                "container",
                Map.of(
                        "type",
                        "message",
                        "message_ts",
                        "1700000000.000100",
                        "channel_id",
                        "D0DRUMBEAT",
                        "is_ephemeral",
                        false));
        payload.put("trigger_id", triggerId);
        payload.put("channel", Map.of("id", "D0DRUMBEAT", "name", "directmessage"));
        payload.put("response_url", "https://hooks.slack.com/actions/" + teamId + "/1/abc");
        payload.put("actions", java.util.List.of(action));
        return payload;
    }

    /**
     * The click of {@link #blockAction} moved onto a message in {@code channel}: one only the clicker sees when
     * {@code ephemeral}, answered through {@code responseUrl}.
     */
    public static Map<String, Object> onMessage(
            Map<String, Object> blockAction, String channel, String messageTs, boolean ephemeral, String responseUrl) {
        Map<String, Object> payload = new LinkedHashMap<>(blockAction);
        payload.put(
                "container",
                Map.of("type", "message", "message_ts", messageTs, "channel_id", channel, "is_ephemeral", ephemeral));
        payload.put("channel", Map.of("id", channel, "name", "general"));
        payload.put("response_url", responseUrl);
        return payload;
    }

    /**
     * The click of {@link #blockAction} moved onto the clicker's Home tab: Slack sends the view it happened in, and no
     * channel or response_url.
     */
    public static Map<String, Object> onHome(Map<String, Object> blockAction) {
        Map<String, Object> payload = new LinkedHashMap<>(blockAction);
        payload.put("container", Map.of("type", "view", "view_id", "V0HOME0001"));
        payload.put(
                "view",
                Map.of(
                        "id", "V0HOME0001",
                        "type", "home",
                        "blocks", java.util.List.of(),
                        "private_metadata", "",
                        "callback_id", "",
                        "state", Map.of("values", Map.of()),
                        "hash", "1700000000.home"));
        payload.remove("channel");
        payload.remove("response_url");
        return payload;
    }

    /** An Events API {@code event_callback} envelope carrying {@code event}. */
    public static Map<String, Object> eventCallback(String teamId, String eventId, Map<String, Object> event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("token", "unused");
        envelope.put("team_id", teamId);
        envelope.put("api_app_id", "A0DRUMBEAT");
        envelope.put("event", event);
        envelope.put("type", "event_callback");
        envelope.put("event_id", eventId);
        envelope.put("event_time", 1700000000);
        return envelope;
    }

    /** A {@code user_change} event about {@code user}, a Slack user object such as {@link #slackUser} makes. */
    public static Map<String, Object> userChange(Map<String, Object> user) {
        return Map.of("type", "user_change", "user", user, "event_ts", "1700000000.000200");
    }

    /** The fields of a Slack user object that Drumbeat reads: a deactivated person has {@code deleted} set. */
    public static Map<String, Object> slackUser(String teamId, String userId, String name, boolean deleted) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", userId);
        user.put("team_id", teamId);
        user.put("name", name);
        user.put("deleted", deleted);
        return user;
    }

    public static Map<String, Object> text(String value) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", "plain_text_input");
        state.put("value", value);
        return state;
    }

    public static Map<String, Object> option(String value) {
        return Map.of(
                "type",
                "static_select",
                "selected_option",
                Map.of("text", Map.of("type", "plain_text", "text", value), "value", value));
    }

    public static Map<String, Object> user(String userId) {
        return Map.of("type", "users_select", "selected_user", userId);
    }

    public static Map<String, Object> checked(String value) {
        return Map.of(
                "type",
                "checkboxes",
                "selected_options",
                java.util.List.of(Map.of("text", Map.of("type", "plain_text", "text", value), "value", value)));
    }
}
