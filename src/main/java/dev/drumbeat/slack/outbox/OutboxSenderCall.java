package dev.drumbeat.slack.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.methods.MethodsClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Makes one queued call through Bolt's {@link MethodsClient}, form-encoded the way Slack reads any method
 * (JSON-valued arguments such as {@code blocks} or {@code view} as JSON strings, id lists comma-separated),
 * and sorts the answer into an {@link OutboxSenderOutcome}. Reads the raw response because the status and
 * {@code Retry-After} decide what happens next. The token goes in the Authorization header and is never logged.
 * Thread-safe.
 */
final class OutboxSenderCall {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final int MAX_ERROR = 500;
    /** Errors Slack answers with HTTP 200 that are worth trying again; any other error is for good. */
    private static final Set<String> TRANSIENT_ERRORS =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited");

    private final MethodsClient methods;
    private final String token;

    OutboxSenderCall(MethodsClient methods, String token) {
        this.methods = methods;
        this.token = token;
    }

    OutboxSenderOutcome call(String method, ObjectNode args) {
        try (Response response = methods.runPostFormWithToken(form(args), method, token)) {
            ResponseBody body = response.body();
            return outcome(response.code(), response.header("Retry-After"), body == null ? "" : body.string(), args);
        } catch (IOException e) {
            return new OutboxSenderOutcome.Failed(clip(e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (RuntimeException e) {
            return new OutboxSenderOutcome.Failed(clip("could not call Slack: " + e));
        }
    }

    static OutboxSenderOutcome outcome(int status, String retryAfter, String body, ObjectNode args) {
        if (status == 429) {
            return new OutboxSenderOutcome.RateLimited(retryAfter(retryAfter));
        }
        JsonNode json = parse(body);
        String error = json.path("error").asText("");
        if (status != 200) {
            String explained = clip("HTTP " + status + (error.isEmpty() ? "" : " " + error));
            boolean worthRetrying = status >= 500 || status == 408;
            return worthRetrying
                    ? new OutboxSenderOutcome.Failed(explained)
                    : new OutboxSenderOutcome.Rejected(explained);
        }
        if (json.isMissingNode()) {
            return new OutboxSenderOutcome.Failed("Slack's answer was not JSON");
        }
        return json.path("ok").asBoolean(false)
                ? new OutboxSenderOutcome.Sent(channelOf(json, args), tsOf(json))
                : refusal(error, json, retryAfter);
    }

    /** Slack's {@code ok: false} with HTTP 200: rate-limited, a hiccup worth retrying, or a refusal for good. */
    private static OutboxSenderOutcome refusal(String error, JsonNode json, String retryAfter) {
        if (error.equals("ratelimited")) {
            return new OutboxSenderOutcome.RateLimited(retryAfter(retryAfter));
        }
        String explained = clip(error.isEmpty() ? "unknown_error" : error + details(json));
        return TRANSIENT_ERRORS.contains(error)
                ? new OutboxSenderOutcome.Failed(explained)
                : new OutboxSenderOutcome.Rejected(explained);
    }

    private static FormBody.Builder form(ObjectNode args) {
        FormBody.Builder form = new FormBody.Builder();
        args.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (!value.isNull() && !value.isMissingNode()) {
                form.add(field.getKey(), formValue(value));
            }
        });
        return form;
    }

    /** Text as is; a list of ids (say conversations.open's users) comma-separated; other JSON as a JSON string. */
    private static String formValue(JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        List<String> ids = new ArrayList<>();
        value.forEach(item -> ids.add(item.isTextual() ? item.asText() : null));
        boolean idList = value.isArray() && !ids.isEmpty() && !ids.contains(null);
        return idList ? String.join(",", ids) : value.toString();
    }

    /** conversations.open answers a channel object; chat.postEphemeral no channel at all, so the one called. */
    private static String channelOf(JsonNode json, ObjectNode args) {
        JsonNode channel = json.path("channel");
        if (channel.isObject()) {
            return channel.path("id").asText(null);
        }
        return channel.isTextual() ? channel.asText() : args.path("channel").asText(null);
    }

    private static String tsOf(JsonNode json) {
        JsonNode ts = json.has("ts") ? json.get("ts") : json.path("message_ts");
        return ts.isTextual() ? ts.asText() : null;
    }

    private static String details(JsonNode json) {
        JsonNode messages = json.path("response_metadata").path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        messages.forEach(message -> lines.add(message.asText()));
        return ": " + String.join("; ", lines);
    }

    private static Duration retryAfter(String header) {
        try {
            return header == null
                    ? DEFAULT_RETRY_AFTER
                    : Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            return json == null ? JSON.missingNode() : json;
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    private static String clip(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
