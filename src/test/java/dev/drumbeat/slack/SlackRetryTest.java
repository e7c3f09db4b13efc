package dev.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDrumbeat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slack delivering the same event again (X-Slack-Retry-Num) through the real endpoint: acknowledged, not re-run. */
class SlackRetryTest {
    static final HttpClient http = HttpClient.newHttpClient();
    static TestDrumbeat t;
    static Seed seed;

    @BeforeAll
    static void start() {
        t = TestDrumbeat.start();
        seed = new Seed(t.jdbi(), TestDrumbeat.TEAM).person("U0CAROL01", "carol", "member").person("U0DAVE001", "dave", "member");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void a_retried_user_change_is_acknowledged_without_running_the_handler_again() throws Exception {
        String event = userDeleted("Ev0RETRY01", "U0CAROL01");
        HttpResponse<String> first = deliver(event, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(deactivated("U0CAROL01")).isTrue();
        // Undo the effect, so a second run of the handler would show.
        t.jdbi().useHandle(h -> h.execute("update people set deactivated = false where user_id = 'U0CAROL01'"));

        HttpResponse<String> retry = deliver(event, "1");

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(deactivated("U0CAROL01")).as("the handler ran again").isFalse();
        assertThat(seed.count("slack_events_seen where event_id = 'Ev0RETRY01'")).isEqualTo(1);
    }

    @Test
    void the_same_change_under_a_new_event_id_does_run_the_handler() throws Exception {
        deliver(userDeleted("Ev0FIRST01", "U0DAVE001"), null);
        t.jdbi().useHandle(h -> h.execute("update people set deactivated = false where user_id = 'U0DAVE001'"));

        HttpResponse<String> another = deliver(userDeleted("Ev0SECOND1", "U0DAVE001"), null);

        assertThat(another.statusCode()).isEqualTo(200);
        assertThat(deactivated("U0DAVE001")).isTrue();
    }

    private static boolean deactivated(String userId) {
        return t.jdbi().withHandle(h -> h.createQuery("select deactivated from people where user_id = :u")
                .bind("u", userId).mapTo(Boolean.class).one());
    }

    /** A {@code user_change} envelope as Slack sends it when a person is deactivated. */
    private static String userDeleted(String eventId, String userId) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", userId);
        user.put("team_id", TestDrumbeat.TEAM);
        user.put("name", userId.toLowerCase());
        user.put("deleted", true);
        user.put("tz", "Europe/London");
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("token", "unused");
        envelope.put("team_id", TestDrumbeat.TEAM);
        envelope.put("api_app_id", "A0DRUMBEAT");
        envelope.put("event", Map.of("type", "user_change", "user", user, "event_ts", "1700000000.000200",
                "cache_ts", 1700000000));
        envelope.put("type", "event_callback");
        envelope.put("event_id", eventId);
        envelope.put("event_time", 1700000000);
        return SlackDriver.json(envelope);
    }

    /** Posts a signed event, with Slack's retry headers when {@code retryNum} is given. */
    private static HttpResponse<String> deliver(String body, String retryNum) throws Exception {
        String timestamp = Long.toString(t.clock.instant().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.app.port() + "/slack/events"))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", RequestVerifier.sign(
                        TestDrumbeat.SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
