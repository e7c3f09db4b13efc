package dev.drumbeat.sandbox.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Web API request as Slack reads it: the method from the path; arguments from the query string and from
 * a form or JSON body; the token from {@code Authorization: Bearer} or, for form posts, a {@code token} field
 * (Slack does not read a token from a JSON body). JSON-string arguments such as {@code blocks} are parsed.
 */
record SlackStandInRequest(
        String method, String token, Map<String, Object> queryArgs, Map<String, Object> bodyArgs, boolean jsonBody) {

    private static final Set<String> JSON_STRING_ARGS = Set.of("blocks", "view", "attachments", "metadata");

    static SlackStandInRequest read(Context ctx) {
        boolean json = String.valueOf(ctx.contentType()).toLowerCase().startsWith("application/json");
        Map<String, Object> query = parseJsonStrings(firstValues(ctx.queryParamMap()));
        Map<String, Object> body = json ? parseJsonBody(ctx.body()) : parseJsonStrings(formOf(ctx));
        Object formToken = json ? null : body.remove("token");
        query.remove("token");
        String token = bearerToken(ctx.header("Authorization"));
        return new SlackStandInRequest(
                ctx.pathParam("method"), token != null ? token : (String) formToken, query, body, json);
    }

    /** Query and body arguments together; the body wins when both name the same argument. */
    Map<String, Object> args() {
        Map<String, Object> args = new LinkedHashMap<>(queryArgs);
        args.putAll(bodyArgs);
        return args;
    }

    private static Map<String, Object> formOf(Context ctx) {
        return "GET".equals(ctx.method().name()) ? new LinkedHashMap<>() : firstValues(ctx.formParamMap());
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    private static Map<String, Object> firstValues(Map<String, List<String>> multi) {
        Map<String, Object> values = new LinkedHashMap<>();
        multi.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        return values;
    }

    /** A malformed JSON body carries no arguments; the method then answers as if they were missing. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseJsonBody(String body) {
        try {
            Object parsed = SlackStandInJson.MAPPER.readValue(body, Object.class);
            return parsed instanceof Map<?, ?> map
                    ? parseJsonStrings((Map<String, Object>) map)
                    : new LinkedHashMap<>();
        } catch (JsonProcessingException malformed) {
            return new LinkedHashMap<>();
        }
    }

    /** blocks, view, attachments and metadata travel as JSON strings in forms; an unparsable one stays a string. */
    private static Map<String, Object> parseJsonStrings(Map<String, Object> args) {
        Map<String, Object> parsed = new LinkedHashMap<>(args);
        for (String name : JSON_STRING_ARGS) {
            if (parsed.get(name) instanceof String text && !text.isBlank()) {
                parsed.put(name, SlackStandInJson.parseOrKeep(text));
            }
        }
        return parsed;
    }
}
