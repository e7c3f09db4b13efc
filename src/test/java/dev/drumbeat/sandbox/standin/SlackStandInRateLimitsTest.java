package dev.drumbeat.sandbox.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in's opt-in chat.postMessage limits; each test makes its calls well inside one real second. */
class SlackStandInRateLimitsTest {
    static final String TOKEN = "xoxb-drumbeat-test";

    SlackStandIn standIn;
    Slack slack;
    MethodsClient methods;

    @BeforeEach
    void start() {
        standIn = SlackStandIn.start(TOKEN, Set.of("chat:write", "im:write"));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(standIn.apiUrl());
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
        methods = slack.methods(TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        standIn.close();
    }

    @Test
    void without_being_asked_the_stand_in_limits_nothing() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(post("C1", "burst " + i)).isTrue();
        }

        assertThat(standIn.rateLimitedCount()).isZero();
        assertThat(standIn.messages("C1")).hasSize(20);
    }

    @Test
    void a_second_post_to_a_channel_within_the_second_is_answered_429_with_retry_after() throws Exception {
        standIn.enforceRateLimits(100, 1);
        post("C1", "first");

        SlackApiException refused = catchThrowableOfType(
                SlackApiException.class,
                () -> methods.chatPostMessage(r -> r.channel("C1").text("second")));

        assertThat(refused.getResponse().code()).isEqualTo(429);
        assertThat(refused.getResponse().header("Retry-After")).isEqualTo("1");
        assertThat(refused.getResponseBody()).isEqualTo("{\"ok\":false,\"error\":\"ratelimited\"}");
        assertThat(standIn.rateLimitedCount()).isEqualTo(1);
        assertThat(standIn.messages("C1")).extracting(SlackStandInMessage::text).containsExactly("first");
        assertThat(standIn.calls("chat.postMessage"))
                .extracting(SlackStandInCall::error)
                .containsExactly(null, "ratelimited");
    }

    @Test
    void other_channels_keep_their_own_budget() throws Exception {
        standIn.enforceRateLimits(100, 1);

        assertThat(post("C1", "one")).isTrue();
        assertThat(post("C2", "two")).isTrue();
        assertThat(post("C3", "three")).isTrue();
        assertThat(standIn.rateLimitedCount()).isZero();
    }

    @Test
    void the_workspace_budget_holds_across_channels() throws Exception {
        standIn.enforceRateLimits(3, 1);

        assertThat(post("C1", "one")).isTrue();
        assertThat(post("C2", "two")).isTrue();
        assertThat(post("C3", "three")).isTrue();
        assertThat(post("C4", "four")).isFalse();
        assertThat(standIn.rateLimitedCount()).isEqualTo(1);
    }

    @Test
    void a_post_to_a_user_id_counts_against_that_persons_dm_channel() throws Exception {
        standIn.enforceRateLimits(100, 1);

        assertThat(post("U0OWNER1", "to the person")).isTrue();
        assertThat(post("D0OWNER1", "to the dm")).isFalse();
    }

    @Test
    void only_chat_post_message_is_limited() throws Exception {
        standIn.enforceRateLimits(1, 1);
        post("C1", "first");

        for (int i = 0; i < 5; i++) {
            assertThat(methods.conversationsOpen(r -> r.users(List.of("U0OWNER1")))
                            .isOk())
                    .isTrue();
        }
        assertThat(standIn.rateLimitedCount()).isZero();
    }

    /** True when posted, false when refused with 429. */
    private boolean post(String channel, String text) throws Exception {
        try {
            return methods.chatPostMessage(r -> r.channel(channel).text(text)).isOk();
        } catch (SlackApiException e) {
            assertThat(e.getResponse().code()).isEqualTo(429);
            return false;
        }
    }
}
