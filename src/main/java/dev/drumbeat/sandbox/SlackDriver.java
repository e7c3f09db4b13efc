package dev.drumbeat.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.slack.RequestVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends requests to Drumbeat's {@code /slack/events} exactly as Slack does: form-encoded slash
 * commands and interaction payloads, JSON events, each signed with the signing secret. Used by the
 * sandbox page, the tests and the load benchmark. Thread-safe.
 */
public final class SlackDriver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI eventsUrl;
    private final byte[] secret;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SlackDriver(URI eventsUrl, String signingSecret, Clock clock) {
        this.eventsUrl = eventsUrl;
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** A slash command {@code /drumbeat <text>} typed by the user in a channel; returns Drumbeat's answer. */
    public HttpResponse<String> command(SlackUser user, String channelId, String text) {
        return command(
                user, channelId, text, "https://hooks.slack.com/commands/" + user.teamId() + "/1/" + UUID.randomUUID());
    }

    /**
     * As {@link #command(SlackUser, String, String)}, with the {@code response_url} Slack would give the command, such
     * as one the stand-in made ({@code SlackStandIn#responseUrl}), where an answer that comes later can be posted.
     */
    public HttpResponse<String> command(SlackUser user, String channelId, String text, String responseUrl) {
        return send(formBody(commandForm(user, channelId, text, responseUrl)), "application/x-www-form-urlencoded");
    }

    /** The form fields of a slash command, as Slack posts them. */
    public Map<String, String> commandForm(SlackUser user, String channelId, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "unused-verification-token");
        form.put("team_id", user.teamId());
        form.put("team_domain", "drumbeat-demo");
        form.put("channel_id", channelId);
        form.put("channel_name", channelId.startsWith("D") ? "directmessage" : "general");
        form.put("user_id", user.userId());
        form.put("user_name", user.name());
        form.put("command", "/drumbeat");
        form.put("text", text);
        form.put("api_app_id", "A0DRUMBEAT");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId(user));
        return form;
    }

    /** An interaction ({@code block_actions}, {@code view_submission}, …) as Slack posts it: form field {@code payload}. */
    public HttpResponse<String> interaction(Map<String, Object> payload) {
        return send(formBody(Map.of("payload", json(payload))), "application/x-www-form-urlencoded");
    }

    /** An Events API envelope ({@code event_callback}, {@code url_verification}) as JSON. */
    public HttpResponse<String> event(Map<String, Object> envelope) {
        return send(json(envelope), "application/json");
    }

    /** Sends a body signed now. */
    public HttpResponse<String> send(String body, String contentType) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return sendSigned(body, contentType, timestamp, RequestVerifier.sign(secret, timestamp, body));
    }

    /** Sends a body with the given timestamp and signature, right or wrong; for tests of forgeries. */
    public HttpResponse<String> sendSigned(String body, String contentType, String timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(eventsUrl)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Trigger ids look like Slack's; a stand-in that checks them can be told about this one. */
    private String triggerId(SlackUser user) {
        return user.triggerIds()
                .map(source -> source.apply(user.userId()))
                .orElse(clock.millis() + "." + Math.abs(user.userId().hashCode()) + "."
                        + UUID.randomUUID().toString().replace("-", ""));
    }

    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
