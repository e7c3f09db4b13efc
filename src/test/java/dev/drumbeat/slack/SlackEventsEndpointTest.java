package dev.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackEventsEndpointTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    private static String commandBody(String text) {
        return SlackDriver.formBody(Map.of(
                "team_id",
                TestDrumbeat.TEAM,
                "user_id",
                "U0SIGNED1",
                "user_name",
                "mallory",
                "command",
                "/drumbeat",
                "text",
                text,
                "channel_id",
                "C1",
                "trigger_id",
                "1.2.3"));
    }

    private static String now(long offsetSeconds) {
        return Long.toString(drumbeat.clock().instant().getEpochSecond() + offsetSeconds);
    }

    private static String sign(String timestamp, String body) {
        return RequestVerifier.sign(TestDrumbeat.SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), timestamp, body);
    }

    @Test
    void a_signed_command_is_answered_and_the_caller_is_remembered() {
        String body = commandBody("whoami");
        String ts = now(0);
        HttpResponse<String> response =
                drumbeat.driver().sendSigned(body, "application/x-www-form-urlencoded", ts, sign(ts, body));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SlackReply.of(response).text()).contains("You are <@U0SIGNED1>");
        assertThat(drumbeat.count("people where user_id = 'U0SIGNED1'")).isEqualTo(1);
    }

    @Test
    void forged_unsigned_expired_and_future_requests_get_401_and_store_nothing() {
        String body = commandBody("whoami").replace("U0SIGNED1", "U0FORGER1");
        String ts = now(0);
        List<HttpResponse<String>> responses = List.of(
                drumbeat.driver().sendSigned(body, "application/x-www-form-urlencoded", ts, "v0=" + "0".repeat(64)),
                drumbeat.driver().sendSigned(body, "application/x-www-form-urlencoded", null, null),
                drumbeat.driver()
                        .sendSigned(body, "application/x-www-form-urlencoded", now(-301), sign(now(-301), body)),
                drumbeat.driver().sendSigned(body, "application/x-www-form-urlencoded", now(301), sign(now(301), body)),
                drumbeat.driver().sendSigned(body + "x", "application/x-www-form-urlencoded", ts, sign(ts, body)));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
        assertThat(drumbeat.count("people where user_id = 'U0FORGER1'")).isZero();
    }

    @Test
    void a_signature_made_with_another_secret_is_refused() {
        String body = commandBody("services");
        String ts = now(0);
        String wrong = RequestVerifier.sign("not-the-secret".getBytes(StandardCharsets.UTF_8), ts, body);
        assertThat(drumbeat.driver()
                        .sendSigned(body, "application/x-www-form-urlencoded", ts, wrong)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void timestamps_just_inside_five_minutes_either_way_are_accepted() {
        String body = commandBody("help");
        for (long offset : new long[] {-299, 299}) {
            String ts = now(offset);
            assertThat(drumbeat.driver()
                            .sendSigned(body, "application/x-www-form-urlencoded", ts, sign(ts, body))
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void url_verification_echoes_the_challenge() {
        HttpResponse<String> response = drumbeat.event(Map.of(
                "type",
                "url_verification",
                "token",
                "x",
                "challenge",
                "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void ssl_check_is_answered_with_an_empty_200() {
        HttpResponse<String> response =
                drumbeat.driver().send("ssl_check=1&token=x", "application/x-www-form-urlencoded");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void an_event_without_a_handler_is_still_acknowledged_so_slack_does_not_retry() {
        HttpResponse<String> response = drumbeat.event(Map.of(
                "type",
                "event_callback",
                "team_id",
                TestDrumbeat.TEAM,
                "api_app_id",
                "A0DRUMBEAT",
                "event_id",
                "Ev01",
                "event_time",
                1700000000,
                "event",
                Map.of(
                        "type",
                        "reaction_added",
                        "user",
                        "U0ALICE01",
                        "reaction",
                        "thumbsup",
                        "item",
                        Map.of("type", "message", "channel", "C1", "ts", "1700000000.000100"),
                        "event_ts",
                        "1700000000.000200")));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void a_signed_body_that_is_not_a_slack_request_is_a_client_error_not_a_500() {
        HttpResponse<String> response = drumbeat.driver().send("hello=world", "application/x-www-form-urlencoded");
        assertThat(response.statusCode()).isBetween(200, 499);
    }

    @Test
    void health_and_readiness_answer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/healthz", "/readyz")) {
            HttpRequest request = HttpRequest.newBuilder(drumbeat.url(path))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        }
    }
}
