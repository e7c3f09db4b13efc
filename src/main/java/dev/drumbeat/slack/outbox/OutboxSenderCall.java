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
 * {@code Retry-After} decide what happens next. Every {@code chat.postMessage} carries its outbox key in Slack
 * message metadata ({@value #EVENT_TYPE}, payload {@code {"key": …}}), so {@link OutboxSenderLookup} can find it in
 * the channel's history. The token goes in the Authorization header and is never logged.
 * Thread-safe.
 */
final class OutboxSenderCall {
    /** The message metadata event type that names a message's outbox key. */
    static final String EVENT_TYPE = "drumbeat_outbox";

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

    /** Makes the queued call; a post carries {@code dedupeKey} in its metadata. */
    OutboxSenderOutcome call(String method, ObjectNode args, String dedupeKey) {
        ObjectNode sent = method.equals(RateLimits.POST_MESSAGE) ? withKey(args, dedupeKey) : args;
        Read read = read(method, sent);
        return read.failure() != null
                ? read.failure()
                : new OutboxSenderOutcome.Sent(channelOf(read.json(), sent), tsOf(read.json()));
    }

    /** Slack's JSON answer when it said ok, or what its failure means for the outbox. */
    record Read(JsonNode json, OutboxSenderOutcome failure) {}

    /** Calls {@code method} and reads the answer: the JSON when ok, the outcome otherwise. */
    Read read(String method, ObjectNode args) {
        try (Response response = methods.runPostFormWithToken(form(args), method, token)) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            OutboxSenderOutcome outcome = outcome(response.code(), response.header("Retry-After"), text, args);
            return outcome instanceof OutboxSenderOutcome.Sent ? new Read(parse(text), null) : new Read(null, outcome);
        } catch (IOException e) {
            return new Read(
                    null, new OutboxSenderOutcome.Failed(clip(e.getClass().getSimpleName() + ": " + e.getMessage())));
        } catch (RuntimeException e) {
            return new Read(null, new OutboxSenderOutcome.Failed(clip("could not call Slack: " + e)));
        }
    }

    static ObjectNode withKey(ObjectNode args, String dedupeKey) {
        if (args.has("metadata")) {
            return args;
        }
        ObjectNode copy = args.deepCopy();
        ObjectNode metadata = copy.putObject("metadata");
        metadata.put("event_type", EVENT_TYPE);
        metadata.putObject("event_payload").put("key", dedupeKey);
        return copy;
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
