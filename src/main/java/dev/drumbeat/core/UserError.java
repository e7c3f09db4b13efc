package dev.drumbeat.core;

/**
 * A request Drumbeat will not carry out, with a plain sentence for the person who made it that says
 * what to do instead. Nothing has been changed when it is thrown. Slack shows the sentence as mrkdwn,
 * so names and words people typed are escaped in it (the slack package's {@code SlackBlocks.escape}).
 */
public class UserError extends RuntimeException {
    public UserError(String sentence) {
        super(sentence, null, false, false);
    }
}
