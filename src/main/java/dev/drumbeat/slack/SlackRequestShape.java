package dev.drumbeat.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What Slack always sends, checked before a validly signed request reaches Bolt: JSON no deeper than any Slack payload,
 * and the parts every handler relies on (who and which workspace; a submission's view; an event callback's event).
 * A request without them was not sent by Slack and gets 400. Pure functions.
 */
final class SlackRequestShape {
    /** Far deeper than Slack's own payloads (rich text and modal state stay under twenty levels). */
    static final int MAX_DEPTH = 64;
    /** How much of a refused body goes into the log. */
    static final int LOGGED_CHARACTERS = 300;

    private SlackRequestShape() {}

    /** Why the raw body cannot be a Slack request before it is parsed, if it cannot. */
    static Optional<String> bodyProblem(String body, String contentType) {
        String json = contentType != null && contentType.startsWith("application/json") ? body : payloadParameter(body);
        return depth(json) > MAX_DEPTH
                ? Optional.of("JSON nested deeper than " + MAX_DEPTH + " levels")
                : Optional.empty();
    }

    /** Why the parsed request lacks what Slack always sends, if it does. */
    static Optional<String> problem(Request<?> request) {
        if (request instanceof SlashCommandRequest command) {
            return missing(
                    command.getPayload() == null
                            || command.getPayload().getTeamId() == null
                            || command.getPayload().getUserId() == null,
                    "a slash command without its team or user");
        }
        if (request instanceof BlockActionRequest action) {
            return missing(
                    action.getPayload() == null
                            || action.getPayload().getUser() == null
                            || action.getPayload().getTeam() == null,
                    "block_actions without its user or team");
        }
        if (request instanceof ViewSubmissionRequest submission) {
            return missing(
                    submission.getPayload() == null
                            || submission.getPayload().getView() == null
                            || submission.getPayload().getUser() == null
                            || submission.getPayload().getTeam() == null,
                    "view_submission without its view, user or team");
        }
        if (request instanceof EventRequest event) {
            return missing(event.getEventType() == null, "event_callback without its event");
        }
        return Optional.empty();
    }

    /** The start of a body, for the log: enough to recognise it, never all of it. */
    static String cut(String body) {
        String oneLine = body.replaceAll("[\\r\\n\\t]", " ");
        return oneLine.length() <= LOGGED_CHARACTERS
                ? oneLine
                : oneLine.substring(0, LOGGED_CHARACTERS) + "… (" + body.length() + " characters)";
    }

    private static Optional<String> missing(boolean isMissing, String what) {
        return isMissing ? Optional.of(what) : Optional.empty();
    }

    /** The interaction's {@code payload} form parameter, decoded; empty for a form without one (a slash command). */
    private static String payloadParameter(String body) {
        for (String pair : body.split("&")) {
            if (pair.startsWith("payload=")) {
                try {
                    return URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
        }
        return "";
    }

    /** The deepest nesting of objects and arrays, outside string literals. */
    private static int depth(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }
}
