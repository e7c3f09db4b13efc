package dev.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Validly signed requests that are not what Slack sends get 400, never 500, change nothing, and are logged cut
 * short: the sender may be a broken proxy or someone holding the signing secret, and their body is theirs.
 */
class MalformedRequestTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger().addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger().detachAppender(logged);
    }

    private static ch.qos.logback.classic.Logger logger() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(BoltAdapter.class);
    }

    private static HttpResponse<String> interaction(String payloadJson) {
        return drumbeat.driver().send(SlackDriver.formBody(Map.of("payload", payloadJson)), FORM);
    }

    @Test
    void an_interaction_whose_payload_is_not_json_gets_400() {
        assertThat(drumbeat.driver().send("payload=notjson", FORM).statusCode()).isEqualTo(400);
    }

    @Test
    void a_button_click_without_user_or_team_gets_400() {
        HttpResponse<String> response = interaction(
                "{\"type\":\"block_actions\",\"trigger_id\":\"1.2.3\",\"actions\":[{\"action_id\":\"ask-share\","
                        + "\"value\":\"1\",\"type\":\"button\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(drumbeat.calls("views.open")).isEmpty();
    }

    @Test
    void a_modal_submission_without_its_view_gets_400() {
        HttpResponse<String> response = interaction("{\"type\":\"view_submission\",\"team\":{\"id\":\""
                + TestDrumbeat.TEAM + "\"},\"user\":{\"id\":\"U0MALLORY\",\"username\":\"mallory\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(drumbeat.count("services")).isZero();
    }

    @Test
    void an_event_callback_without_its_event_gets_400() {
        HttpResponse<String> response = drumbeat.driver()
                .send(
                        "{\"type\":\"event_callback\",\"team_id\":\"" + TestDrumbeat.TEAM
                                + "\",\"event_id\":\"Ev0NOEVENT\"}",
                        JSON);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(drumbeat.count("slack_events_seen")).isZero();
    }

    @Test
    void json_nested_deeper_than_any_slack_payload_gets_400() {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        HttpResponse<String> response = drumbeat.driver()
                .send(
                        "{\"type\":\"event_callback\",\"team_id\":\"" + TestDrumbeat.TEAM
                                + "\",\"event_id\":\"Ev0DEEP\",\"event\":{\"type\":\"app_mention\",\"x\":" + deep
                                + "}}",
                        JSON);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(drumbeat.count("slack_events_seen")).isZero();
    }

    @Test
    void an_unrecognised_body_is_logged_cut_to_a_few_hundred_characters() {
        String body = "{\"type\":\"nothing_slack_sends\",\"filler\":\"" + "x".repeat(10_000) + "\"}";

        HttpResponse<String> response = drumbeat.driver().send(body, JSON);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(logged.list)
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.getFormattedMessage()).hasSizeLessThan(1_000));
    }

    @Test
    void a_signed_body_over_ten_megabytes_gets_413_and_changes_nothing() {
        String huge = "x".repeat(11 * 1024 * 1024);

        HttpResponse<String> response = drumbeat.driver().send(SlackDriver.formBody(Map.of("payload", huge)), FORM);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).doesNotContain("Exception", "at dev.");
    }

    @Test
    void a_megabyte_typed_into_any_command_gets_a_short_answer_and_changes_nothing() {
        String megabyte = "<!channel> " + "word ".repeat(200_000);
        for (String command :
                new String[] {"ask ", "okr add ", "status ", "away until ", "kpi x y ", "token create "}) {
            SlackReply reply = drumbeat.command(drumbeat.admin(), command + megabyte);

            assertThat(reply.status()).as(command).isEqualTo(200);
            assertThat(reply.text()).as(command).hasSizeLessThan(4_000).doesNotContain("<!channel>");
        }
        assertThat(drumbeat.count("objectives")).isZero();
        assertThat(drumbeat.count("api_tokens")).isZero();
    }
}
