package dev.drumbeat.ask;

import static dev.drumbeat.ask.AskFixture.CHANNEL;
import static dev.drumbeat.ask.AskFixture.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.config.Capacity;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.sandbox.standin.SlackStandInResponses;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * `/drumbeat ask` when the answer is not there by the time Slack must be answered: here Drumbeat waits no time at all
 * for it, so every ask is acknowledged with "working on it" and answered through the command's response_url.
 */
class AskAnsweredLaterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "ask what can we deprioritise to save 12k a month?";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp(
            config -> config.withCapacity(Capacity.defaults().withCommandPatience(Duration.ZERO)));

    @BeforeEach
    void seed() {
        AskFixture.seedPortfolio(drumbeat);
    }

    @Test
    void a_late_answer_replaces_working_on_it_with_its_buttons_and_they_act_on_it() {
        String ts = drumbeat.slack().mintTs();

        SlackReply ack = askWith(drumbeat.slack().responseUrl(CHANNEL, LEAD, ts));

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.responseType()).isEqualTo("ephemeral");
        assertThat(ack.text()).startsWith("Working on it");
        Await.until(
                "the answer through the response_url",
                () -> !drumbeat.slack().calls("response_url").isEmpty());
        SlackStandInCall posted = drumbeat.slack().calls("response_url").get(0);
        assertThat(posted.ok()).isTrue();
        assertThat(posted.args()).containsEntry("response_type", "ephemeral").containsEntry("replace_original", true);
        SlackStandInResponses.Replacement answer =
                drumbeat.slack().replacement(CHANNEL, ts).orElseThrow();
        JsonNode blocks = JSON.valueToTree(answer.blocks());
        assertThat(answer.text()).startsWith("What to deprioritise to save $12,000 a month");
        assertThat(SlackReply.texts(blocks))
                .contains("*CRM* `crm` · secondary · saves *$10,000*/mo", "Share in channel", "Record decision");

        int status = drumbeat.clickInChannel(LEAD, CHANNEL, ts, true, AskViews.RECORD, recordValue(blocks))
                .status();

        assertThat(status).isEqualTo(200);
        assertThat(drumbeat.count("decisions")).isEqualTo(1);
        assertThat(drumbeat.count("services where deprioritised_by is not null"))
                .isEqualTo(2);
    }

    @Test
    void an_answer_its_response_url_refuses_still_leaves_a_plain_acknowledgement_and_the_answer_kept() {
        String refusing = drumbeat.slack().apiUrl().replace("/api/", "/respond/") + "long-expired";

        SlackReply ack = askWith(refusing);

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.text()).startsWith("Working on it");
        Await.until(
                "the refused post",
                () -> !drumbeat.slack().calls("response_url").isEmpty());
        assertThat(drumbeat.slack().calls("response_url").get(0).error()).isEqualTo("expired_url");
        assertThat(drumbeat.count("asks")).isEqualTo(1);
    }

    private static SlackReply askWith(String responseUrl) {
        return SlackReply.of(drumbeat.driver().command(drumbeat.user(LEAD, "lena"), CHANNEL, QUESTION, responseUrl));
    }

    private static String recordValue(JsonNode blocks) {
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("action_id").asText().equals(AskViews.RECORD)) {
                    return element.path("value").asText();
                }
            }
        }
        throw new AssertionError("no Record decision button in " + blocks);
    }
}
