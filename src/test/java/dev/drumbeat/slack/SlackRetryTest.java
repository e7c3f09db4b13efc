package dev.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackPayloads;
import dev.drumbeat.support.TestDrumbeat;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Slack delivering the same event again (X-Slack-Retry-Num) through the real endpoint: acknowledged, not re-run. */
class SlackRetryTest {
    static final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    Seed seed;

    @BeforeEach
    void seed() {
        seed = drumbeat.seed().person("U0CAROL01", "carol", "member").person("U0DAVE001", "dave", "member");
    }

    @Test
    void a_retried_user_change_is_acknowledged_without_running_the_handler_again() throws Exception {
        String event = userDeleted("Ev0RETRY01", "U0CAROL01");
        HttpResponse<String> first = deliver(event, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(deactivated("U0CAROL01")).isTrue();
        // Undo the effect, so a second run of the handler would show.
        drumbeat.jdbi().useHandle(h -> h.execute("update people set deactivated = false where user_id = 'U0CAROL01'"));

        HttpResponse<String> retry = deliver(event, "1");

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(deactivated("U0CAROL01")).as("the handler ran again").isFalse();
        assertThat(seed.count("slack_events_seen where event_id = 'Ev0RETRY01'"))
                .isEqualTo(1);
    }

    @Test
    void the_same_change_under_a_new_event_id_does_run_the_handler() throws Exception {
        deliver(userDeleted("Ev0FIRST01", "U0DAVE001"), null);
        drumbeat.jdbi().useHandle(h -> h.execute("update people set deactivated = false where user_id = 'U0DAVE001'"));

        HttpResponse<String> another = deliver(userDeleted("Ev0SECOND1", "U0DAVE001"), null);

        assertThat(another.statusCode()).isEqualTo(200);
        assertThat(deactivated("U0DAVE001")).isTrue();
    }

    private static boolean deactivated(String userId) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select deactivated from people where user_id = :u")
                        .bind("u", userId)
                        .mapTo(Boolean.class)
                        .one());
    }

    /** A {@code user_change} envelope as Slack sends it when a person is deactivated. */
    private static String userDeleted(String eventId, String userId) {
        Map<String, Object> user = SlackPayloads.slackUser(TestDrumbeat.TEAM, userId, userId.toLowerCase(), true);
        user.put("tz", "Europe/London");
        Map<String, Object> event = new LinkedHashMap<>(SlackPayloads.userChange(user));
        event.put("cache_ts", 1700000000);
        return SlackDriver.json(SlackPayloads.eventCallback(TestDrumbeat.TEAM, eventId, event));
    }

    /** Posts a signed event, with Slack's retry headers when {@code retryNum} is given. */
    private static HttpResponse<String> deliver(String body, String retryNum) throws Exception {
        String timestamp = Long.toString(drumbeat.clock().instant().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(drumbeat.url("/slack/events"))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header(
                        "X-Slack-Signature",
                        RequestVerifier.sign(
                                TestDrumbeat.SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
