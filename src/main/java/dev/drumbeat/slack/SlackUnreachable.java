package dev.drumbeat.slack;

/** Slack's Web API could not be asked anything at start; the message is one sentence that says how to check. */
public final class SlackUnreachable extends RuntimeException {
    public SlackUnreachable(String sentence) {
        super(sentence, null, false, false);
    }
}
