package dev.drumbeat.slack.outbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hears of each outbox message Slack refused for good, so the feature that queued it can tell someone rather than
 * lose it silently. Every listener hears of every dead message and picks its own by the dedupe key. Called on the
 * sender's thread after the row is marked dead; it should only queue more messages.
 */
public interface OutboxDeadLetters {
    OutboxDeadLetters NONE = (teamId, dedupeKey, channel, error) -> {};
    /** How Slack names its errors: lower case and underscores. */
    Pattern SLACK_ERROR = Pattern.compile("^[a-z_]+");

    /** {@code error} is what the outbox recorded: Slack's error name, perhaps with its explanation, or why it gave up. */
    void dead(String teamId, String dedupeKey, String channel, String error);

    /** Slack's error name at the start of a recorded error ({@code not_in_channel}), or empty when it has none. */
    static String slackError(String error) {
        Matcher name = SLACK_ERROR.matcher(error);
        return name.find() ? name.group() : "";
    }
}
