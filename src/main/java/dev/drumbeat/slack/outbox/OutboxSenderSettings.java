package dev.drumbeat.slack.outbox;

import java.time.Duration;

/**
 * How the outbox sender works: {@code threads} calls to Slack in flight at most, claimed {@code batchSize}
 * rows at a time, polling every {@code pollInterval} when idle; a claim older than {@code lease} belongs to a
 * crashed instance; failures worth retrying back off from {@code backoffBase} to {@code backoffCap}, with
 * full jitter, and a message is given up (dead) only once its calls have been failing for {@code giveUpAfter}.
 * While Slack fails every call, one message is tried as a probe, at most {@code probeCap} apart.
 */
public record OutboxSenderSettings(
        int threads,
        int batchSize,
        Duration pollInterval,
        Duration lease,
        Duration giveUpAfter,
        Duration backoffBase,
        Duration backoffCap,
        Duration probeCap) {

    public static OutboxSenderSettings defaults() {
        return new OutboxSenderSettings(
                16,
                50,
                Duration.ofMillis(100),
                Duration.ofMinutes(2),
                Duration.ofHours(24),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofSeconds(10));
    }
}
