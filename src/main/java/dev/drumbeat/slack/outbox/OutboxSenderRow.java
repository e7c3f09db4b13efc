package dev.drumbeat.slack.outbox;

/** A due row of {@code slack_outbox} as the sender claims it; {@code args} is its JSON text. */
record OutboxSenderRow(
        long id, String teamId, String dedupeKey, String method, String channel, String args, int attempts) {}
