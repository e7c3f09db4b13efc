package dev.drumbeat.slack.outbox;

import java.time.Instant;

/**
 * A due row of {@code slack_outbox} as the sender claims it; {@code args} is its JSON text. {@code unconfirmedSince}
 * is set when an earlier call of it may have reached Slack unanswered (see {@link OutboxSenderLookup});
 * {@code firstFailedAt} when its current run of failed calls began.
 */
record OutboxSenderRow(
        long id,
        String teamId,
        String dedupeKey,
        String method,
        String channel,
        String args,
        int attempts,
        Instant unconfirmedSince,
        Instant firstFailedAt) {}
