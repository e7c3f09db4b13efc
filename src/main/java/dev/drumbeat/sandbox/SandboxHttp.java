package dev.drumbeat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in and out for the sandbox page's endpoints: request bodies, and Drumbeat's answers as the page sees them. */
final class SandboxHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxHttp() {}

    static JsonNode body(Context ctx) {
        try {
            String body = ctx.body();
            return JSON.readTree(body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drumbeat's HTTP answer: its status and its JSON body, or null when the ack was empty. */
    static Map<String, Object> answer(HttpResponse<String> response) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", response.statusCode());
        String body = response.body();
        answer.put("body", body == null || body.isBlank() ? null : parseOrText(body));
        return answer;
    }

    private static Object parseOrText(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return body;
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
