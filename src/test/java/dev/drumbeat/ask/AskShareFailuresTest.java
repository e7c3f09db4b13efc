package dev.drumbeat.ask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the asker is told when a share fails, by what the outbox recorded. */
class AskShareFailuresTest {

    @Test
    void each_kind_of_failure_is_told_with_what_to_do() {
        assertThat(AskShareFailures.reason("not_in_channel"))
                .contains("Invite me there", "press *Share in channel* again");
        assertThat(AskShareFailures.reason("channel_not_found: the channel is private"))
                .contains("Invite me there");
        assertThat(AskShareFailures.reason("is_archived")).contains("archived", "Ask the question again");
        assertThat(AskShareFailures.reason("gave up after 5 attempts: HTTP 503 service_unavailable"))
                .contains("did not answer in time")
                .doesNotContain("`gave`");
        assertThat(AskShareFailures.reason("HTTP 403 forbidden")).contains("did not answer in time");
        assertThat(AskShareFailures.reason("invalid_blocks: too long"))
                .contains("`invalid_blocks`", "/drumbeat outbox");
    }
}
