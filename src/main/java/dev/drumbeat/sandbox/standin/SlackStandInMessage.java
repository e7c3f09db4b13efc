package dev.drumbeat.sandbox.standin;

/**
 * A message as the stand-in holds it, for the sandbox page to render and for tests to read.
 * {@code blocks} is the parsed Block Kit array (lists and maps), or null for a text-only message;
 * {@code user} is the only person who sees an ephemeral message, and null otherwise; {@code metadata} is the
 * message metadata posted with it ({@code event_type} and {@code event_payload}), or null.
 */
public record SlackStandInMessage(
        String channel,
        String ts,
        String threadTs,
        String text,
        Object blocks,
        String user,
        boolean ephemeral,
        boolean edited,
        Object metadata) {

    SlackStandInMessage edit(String newText, Object newBlocks) {
        return new SlackStandInMessage(channel, ts, threadTs, newText, newBlocks, user, ephemeral, true, metadata);
    }
}
