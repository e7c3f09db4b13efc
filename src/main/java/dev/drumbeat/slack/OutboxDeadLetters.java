package dev.drumbeat.slack;

/**
 * Hears of each outbox message Slack refused for good, so the feature that queued it can tell someone rather than
 * lose it silently. Every listener hears of every dead message and picks its own by the dedupe key. Called on the
 * sender's thread after the row is marked dead; it should only queue more messages.
 */
public interface OutboxDeadLetters {
    OutboxDeadLetters NONE = (teamId, dedupeKey, channel, error) -> { };

    /** {@code error} is Slack's error name, perhaps followed by its explanation. */
    void dead(String teamId, String dedupeKey, String channel, String error);
}
