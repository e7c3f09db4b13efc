package dev.drumbeat.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Exponential backoff with full jitter: base 1 s, doubling, capped at 5 minutes. */
class OutboxBackoffTest {

    @Test
    void the_longest_wait_doubles_from_one_second_up_to_five_minutes() {
        OutboxSenderBackoff backoff = new OutboxSenderBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.5);

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofMinutes(4).plusSeconds(16));
        assertThat(backoff.ceiling(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.ceiling(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void the_wait_is_anywhere_between_zero_and_the_longest() {
        assertThat(new OutboxSenderBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.0).delayAfter(4))
                .isZero();
        assertThat(new OutboxSenderBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.25).delayAfter(4))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(new OutboxSenderBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.9999).delayAfter(12))
                .isLessThan(Duration.ofMinutes(5))
                .isGreaterThan(Duration.ofSeconds(299));
    }
}
