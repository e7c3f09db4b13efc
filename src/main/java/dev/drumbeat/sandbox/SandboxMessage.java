package dev.drumbeat.sandbox;

import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInMessage;

/**
 * A message as the sandbox page shows it: one the bot posted (read from the Slack stand-in) or one the page
 * added itself (a person's message or mention, a typed slash command and its answer). {@code visibleTo} names
 * the only person who sees an ephemeral message and is null otherwise; {@code kind} is {@code bot},
 * {@code user} or {@code command} (the echo of a typed slash command).
 */
record SandboxMessage(
        String channel,
        String ts,
        String threadTs,
        String author,
        String kind,
        String text,
        Object blocks,
        String visibleTo,
        boolean ephemeral,
        boolean edited) {

    static SandboxMessage of(SlackStandInMessage message) {
        return new SandboxMessage(
                message.channel(),
                message.ts(),
                message.threadTs(),
                SlackStandIn.BOT_USER_ID,
                "bot",
                message.text(),
                message.blocks(),
                message.ephemeral() ? message.user() : null,
                message.ephemeral(),
                message.edited());
    }

    static SandboxMessage said(String channel, String ts, String threadTs, String userId, String text) {
        return new SandboxMessage(channel, ts, threadTs, userId, "user", text, null, null, false, false);
    }

    static SandboxMessage typed(String channel, String ts, String userId, String command) {
        return new SandboxMessage(channel, ts, null, userId, "command", command, null, userId, true, false);
    }

    /** A slash command's answer: ephemeral to the person unless its response_type is in_channel. */
    static SandboxMessage answer(
            String channel, String ts, String userId, String text, Object blocks, boolean inChannel) {
        return new SandboxMessage(
                channel,
                ts,
                null,
                SlackStandIn.BOT_USER_ID,
                "bot",
                text,
                blocks,
                inChannel ? null : userId,
                !inChannel,
                false);
    }

    /** The message as a response_url replaced it. */
    SandboxMessage replacedBy(String newText, Object newBlocks) {
        return new SandboxMessage(channel, ts, threadTs, author, kind, newText, newBlocks, visibleTo, ephemeral, true);
    }

    boolean isVisibleTo(String userId) {
        return visibleTo == null || visibleTo.equals(userId);
    }
}
