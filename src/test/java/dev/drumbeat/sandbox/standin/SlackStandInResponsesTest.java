package dev.drumbeat.sandbox.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stand-in's response_url acts on the clicked message as Slack's does, and refuses what Slack refuses. */
class SlackStandInResponsesTest {
    static final String TOKEN = "xoxb-drumbeat-test";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static SlackStandIn slack;

    @BeforeAll
    static void start() {
        slack = SlackStandIn.start(TOKEN, Set.of("chat:write", "im:write", "users:read", "commands"));
    }

    @AfterAll
    static void stop() {
        slack.close();
    }

    private static int post(String url, String json) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .header("Content-Type", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void replace_original_rewrites_an_ephemeral_message_that_chat_update_could_not() throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        String ts = Slack.getInstance(config)
                .methods()
                .chatPostEphemeral(ChatPostEphemeralRequest.builder()
                        .token(TOKEN)
                        .channel("C0GENERAL")
                        .user("U0ALICE01")
                        .text("Share or record?")
                        .build())
                .getMessageTs();
        String url = slack.responseUrl("C0GENERAL", "U0ALICE01", ts);

        assertThat(post(url, "{\"replace_original\": true, \"text\": \"Shared.\"}"))
                .isEqualTo(200);

        assertThat(slack.messages("C0GENERAL"))
                .filteredOn(m -> m.ts().equals(ts))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("Shared."));
    }

    @Test
    void an_unknown_url_blocks_over_slacks_limits_and_an_empty_message_are_refused_and_recorded() throws Exception {
        String url = slack.responseUrl("C0GENERAL", "U0ALICE01", "1700000000.000100");
        String fiftyOneDividers = "[" + "{\"type\": \"divider\"},".repeat(50) + "{\"type\": \"divider\"}]";

        assertThat(post(url.replaceFirst("respond/.*", "respond/nobody-made-this"), "{\"text\": \"hi\"}"))
                .isEqualTo(404);
        assertThat(post(url, "{\"text\": \"hi\", \"blocks\": " + fiftyOneDividers + "}"))
                .isEqualTo(400);
        assertThat(post(url, "{\"replace_original\": true}")).isEqualTo(400);
        assertThat(slack.calls("response_url"))
                .extracting(SlackStandInCall::error)
                .containsSubsequence("expired_url", "invalid_blocks", "no_text");
    }

    @Test
    void a_response_in_channel_posts_for_everyone() throws Exception {
        String url = slack.responseUrl("C0SHARED1", "U0ALICE01", "1700000000.000100");

        assertThat(post(url, "{\"response_type\": \"in_channel\", \"text\": \"For everyone\"}"))
                .isEqualTo(200);

        assertThat(slack.messages("C0SHARED1")).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("For everyone");
            assertThat(m.ephemeral()).isFalse();
        });
    }

    @Test
    void a_url_serves_five_posts_and_no_more() throws Exception {
        String url = slack.responseUrl("C0FIVE001", "U0ALICE01", "1700000000.000100");

        for (int i = 0; i < SlackStandInResponses.USES; i++) {
            assertThat(post(url, "{\"text\": \"again\"}")).isEqualTo(200);
        }

        assertThat(post(url, "{\"text\": \"once too often\"}")).isEqualTo(404);
        assertThat(slack.calls("response_url"))
                .extracting(SlackStandInCall::error)
                .contains("used_url");
    }
}
