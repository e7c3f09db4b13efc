package dev.drumbeat.slack.outbox;

import java.time.Duration;

/** What became of one call to Slack, as far as the outbox cares. */
sealed interface OutboxSenderOutcome {

    /** Slack took it; {@code channel} and {@code ts} name the message when Slack said so. */
    record Sent(String channel, String ts) implements OutboxSenderOutcome {}

    /** HTTP 429: try again after {@code retryAfter}; not a failure. */
    record RateLimited(Duration retryAfter) implements OutboxSenderOutcome {}

    /** A 5xx, a time-out or an I/O error: worth retrying later. */
    record Failed(String error) implements OutboxSenderOutcome {}

    /** Slack refused the call for good ({@code channel_not_found}, {@code invalid_blocks}, …). */
    record Rejected(String error) implements OutboxSenderOutcome {}
}
