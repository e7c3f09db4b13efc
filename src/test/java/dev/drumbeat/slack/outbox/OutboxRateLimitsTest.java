package dev.drumbeat.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sender's rate limits on a nanosecond clock and a business clock the tests move. */
class OutboxRateLimitsTest {
    static final String POST = "chat.postMessage";
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T14:00:00Z"));
    long nanos = -5_000_000_000L;
    final RateLimits limits = new RateLimits(
            RateLimitSettings.defaults().withPostMessage(10, 3, Duration.ofSeconds(1)), () -> nanos, clock);

    @Test
    void a_channel_takes_one_post_at_a_time_and_the_next_a_second_after_the_last_came_back() {
        assertThat(limits.tryAcquire(POST, "C1")).isTrue();
        assertThat(limits.tryAcquire(POST, "C1")).as("while in flight").isFalse();
        advance(Duration.ofMillis(300));
        limits.finished(POST, "C1");

        advance(Duration.ofMillis(999));
        assertThat(limits.tryAcquire(POST, "C1")).isFalse();
        assertThat(limits.held().channels()).containsExactly("C1");
        advance(Duration.ofMillis(1));
        assertThat(limits.tryAcquire(POST, "C1")).isTrue();
    }

    @Test
    void other_channels_are_not_held_back_by_a_busy_one() {
        assertThat(limits.tryAcquire(POST, "C1")).isTrue();

        assertThat(limits.tryAcquire(POST, "C2")).isTrue();
        assertThat(limits.held().channels()).containsExactlyInAnyOrder("C1", "C2");
    }

    @Test
    void a_post_never_made_frees_its_channel_at_once() {
        limits.tryAcquire(POST, "C1");

        limits.cancel(POST, "C1");

        assertThat(limits.tryAcquire(POST, "C1")).isTrue();
    }

    @Test
    void the_workspace_budget_allows_a_burst_then_its_rate() {
        assertThat(limits.tryAcquire(POST, "C1")).isTrue();
        assertThat(limits.tryAcquire(POST, "C2")).isTrue();
        assertThat(limits.tryAcquire(POST, "C3")).isTrue();

        assertThat(limits.tryAcquire(POST, "C4")).isFalse();
        assertThat(limits.held().methods()).containsExactly(POST);
        advance(Duration.ofMillis(100));
        assertThat(limits.tryAcquire(POST, "C4")).isTrue();
        assertThat(limits.tryAcquire(POST, "C5")).isFalse();
    }

    @Test
    void a_tier_3_method_allows_a_burst_of_ten_then_fifty_a_minute() {
        for (int i = 0; i < 10; i++) {
            assertThat(limits.tryAcquire("chat.update", "C1")).as("call %d", i).isTrue();
        }

        assertThat(limits.tryAcquire("chat.update", "C1")).isFalse();
        advance(Duration.ofMillis(1200));
        assertThat(limits.tryAcquire("chat.update", "C1")).isTrue();
        assertThat(limits.tryAcquire("chat.update", "C1")).isFalse();
        assertThat(limits.tryAcquire("views.publish", null))
                .as("another method has its own budget")
                .isTrue();
    }

    @Test
    void a_retry_after_pauses_the_method_and_channel_until_then_on_the_business_clock() {
        limits.tryAcquire(POST, "C1");
        limits.finished(POST, "C1");
        limits.pause(POST, "C1", clock.instant().plusSeconds(30));
        advance(Duration.ofSeconds(10));

        assertThat(limits.tryAcquire(POST, "C2")).isFalse();
        assertThat(limits.held().methods()).contains(POST);
        assertThat(limits.held().channels()).contains("C1");
        clock.advance(Duration.ofSeconds(30));
        assertThat(limits.tryAcquire(POST, "C2")).isTrue();
        assertThat(limits.tryAcquire(POST, "C1")).isTrue();
        assertThat(limits.held().channels()).containsExactlyInAnyOrder("C1", "C2");
    }

    private void advance(Duration duration) {
        nanos += duration.toNanos();
    }
}
