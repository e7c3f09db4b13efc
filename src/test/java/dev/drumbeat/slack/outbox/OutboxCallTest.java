package dev.drumbeat.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How Slack's answers are sorted: sent, wait for Retry-After, try again later, or never. */
class OutboxCallTest {
    static final ObjectNode ARGS =
            new ObjectMapper().createObjectNode().put("channel", "C1").put("text", "hi");

    @Test
    void a_429_waits_for_its_retry_after_or_one_second_when_slack_gives_none() {
        assertThat(OutboxSenderCall.outcome(429, "17", "{\"ok\":false,\"error\":\"ratelimited\"}", ARGS))
                .isEqualTo(new OutboxSenderOutcome.RateLimited(Duration.ofSeconds(17)));
        assertThat(OutboxSenderCall.outcome(429, null, "", ARGS))
                .isEqualTo(new OutboxSenderOutcome.RateLimited(Duration.ofSeconds(1)));
    }

    @Test
    void server_errors_and_time_outs_are_tried_again() {
        assertThat(OutboxSenderCall.outcome(503, null, "{\"ok\":false,\"error\":\"service_unavailable\"}", ARGS))
                .isEqualTo(new OutboxSenderOutcome.Failed("HTTP 503 service_unavailable"));
        assertThat(OutboxSenderCall.outcome(504, null, "<html>gateway</html>", ARGS))
                .isEqualTo(new OutboxSenderOutcome.Failed("HTTP 504"));
        assertThat(OutboxSenderCall.outcome(200, null, "{\"ok\":false,\"error\":\"internal_error\"}", ARGS))
                .isEqualTo(new OutboxSenderOutcome.Failed("internal_error"));
    }

    @Test
    void slacks_refusals_are_for_good_with_its_explanation() {
        assertThat(OutboxSenderCall.outcome(200, null, "{\"ok\":false,\"error\":\"channel_not_found\"}", ARGS))
                .isEqualTo(new OutboxSenderOutcome.Rejected("channel_not_found"));
        assertThat(OutboxSenderCall.outcome(200, null, """
                {"ok":false,"error":"invalid_blocks","response_metadata":{"messages":["[ERROR] must be less than 3001 characters"]}}""", ARGS))
                .isEqualTo(
                        new OutboxSenderOutcome.Rejected("invalid_blocks: [ERROR] must be less than 3001 characters"));
    }

    @Test
    void a_sent_message_keeps_the_channel_and_ts_slack_answered() {
        assertThat(OutboxSenderCall.outcome(
                        200, null, "{\"ok\":true,\"channel\":\"D0OWNER1\",\"ts\":\"1.000001\"}", ARGS))
                .isEqualTo(new OutboxSenderOutcome.Sent("D0OWNER1", "1.000001"));
        assertThat(OutboxSenderCall.outcome(200, null, "{\"ok\":true,\"channel\":{\"id\":\"D0OWNER2\"}}", ARGS))
                .isEqualTo(new OutboxSenderOutcome.Sent("D0OWNER2", null));
        assertThat(OutboxSenderCall.outcome(200, null, "{\"ok\":true,\"message_ts\":\"2.000002\"}", ARGS))
                .isEqualTo(new OutboxSenderOutcome.Sent("C1", "2.000002"));
    }

    @Test
    void an_answer_that_is_not_json_is_tried_again() {
        assertThat(OutboxSenderCall.outcome(200, null, "<html>proxy</html>", ARGS))
                .isInstanceOf(OutboxSenderOutcome.Failed.class);
    }
}
