package dev.drumbeat.sandbox.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the stand-in sends back for one call: HTTP status, JSON body and, for 429, the Retry-After seconds. */
record SlackStandInAnswer(int status, Map<String, Object> body, Integer retryAfterSeconds) {

    static SlackStandInAnswer ok(Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.putAll(fields);
        return new SlackStandInAnswer(200, body, null);
    }

    /** Slack answers most failures with HTTP 200 and {@code ok: false}. */
    static SlackStandInAnswer error(String error) {
        return error(200, error, null);
    }

    /** An error with {@code response_metadata.messages}, the way Slack explains invalid_arguments and invalid_blocks. */
    static SlackStandInAnswer error(String error, List<String> messages) {
        SlackStandInAnswer answer = error(error);
        answer.body().put("response_metadata", Map.of("messages", List.copyOf(messages)));
        return answer;
    }

    static SlackStandInAnswer error(int status, String error, Integer retryAfterSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("error", error);
        return new SlackStandInAnswer(status, body, retryAfterSeconds);
    }

    SlackStandInAnswer with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    boolean ok() {
        return Boolean.TRUE.equals(body.get("ok"));
    }

    String error() {
        return (String) body.get("error");
    }
}
