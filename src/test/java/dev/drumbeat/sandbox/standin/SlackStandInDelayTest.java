package dev.drumbeat.sandbox.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in's opt-in latency, which keeps calls in flight long enough for a benchmark to kill a caller mid-call. */
class SlackStandInDelayTest {
    static final String TOKEN = "xoxb-drumbeat-test";
    static final Duration DELAY = Duration.ofMillis(300);

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
    void a_delayed_call_is_answered_no_sooner_than_the_delay_and_still_takes_effect() throws Exception {
        standIn.delayCalls(DELAY);

        long started = System.nanoTime();
        boolean ok =
                methods.chatPostMessage(r -> r.channel("C1").text("slowly")).isOk();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(DELAY);
        assertThat(ok).isTrue();
        assertThat(standIn.messages("C1")).extracting(SlackStandInMessage::text).containsExactly("slowly");
    }

    @Test
    void reset_takes_the_delay_away() throws Exception {
        standIn.delayCalls(Duration.ofSeconds(30));
        standIn.reset();

        long started = System.nanoTime();
        assertThat(methods.chatPostMessage(r -> r.channel("C1").text("at once")).isOk())
                .isTrue();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
