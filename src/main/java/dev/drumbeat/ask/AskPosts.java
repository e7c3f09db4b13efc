package dev.drumbeat.ask;

import dev.drumbeat.ask.decision.DecisionDao;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Answers that go to a channel rather than back to the asker alone, all through the outbox: a mention answered in
 * its thread (or, when it could not be, a sentence only the asker sees), an answer shared, and a shared answer marked
 * once its decision is recorded. A share's dedupe key makes a second click post nothing; retried mention events are
 * stopped before this by {@code SlackRetries}. Thread-safe.
 */
public final class AskPosts {
    static final String SHARE_KEY = "ask:share:";
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final AskViews views;

    public AskPosts(Jdbi jdbi, Outbox outbox, Money money) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.views = new AskViews(money);
    }

    void answerInThread(AskService.Asked asked, Actor actor, String channel, String threadTs) {
        Map<String, Object> args = new HashMap<>(views.inThread(asked.stored()));
        args.put("thread_ts", threadTs);
        enqueue(OutboxMessage.post(
                actor.teamId(), "ask:mention:" + channel + ":" + threadTs + ":" + asked.id(), channel, args));
    }

    /** A sentence only the asker sees, in the thread they asked in: why their mention got no answer. */
    void tellInThread(String teamId, String userId, String channel, String threadTs, String sentence) {
        Map<String, Object> args = Map.of(
                "channel",
                channel,
                "user",
                userId,
                "thread_ts",
                threadTs,
                "text",
                sentence,
                "blocks",
                BlockJson.values(List.of(SlackBlocks.markdown(sentence))));
        enqueue(new OutboxMessage(
                teamId,
                "ask:told:" + channel + ":" + threadTs + ":" + userId,
                "chat.postEphemeral",
                Optional.of(channel),
                args));
    }

    /**
     * Posts the answer in the channel it was asked in; false when it was shared there already. A share Slack refused
     * (the bot was not in the channel, say; {@link AskShareFailures} told the asker) goes out again.
     */
    boolean share(AskDao.StoredAsk ask, Actor sharer, String channel) {
        OutboxMessage post = OutboxMessage.post(
                ask.teamId(), shareKey(ask.id(), channel), channel, views.inChannel(ask, sharer.userId()));
        return jdbi.inTransaction(handle ->
                outbox.enqueue(handle, post) || outbox.revive(handle, post.dedupeKey(), AskShareFailures.SHARE_AGAIN));
    }

    static String shareKey(long askId, String channel) {
        return SHARE_KEY + askId + ":" + channel;
    }

    /** Shows the decision on the message everyone sees, and keeps where, so an undo can show itself there too. */
    void markRecorded(AskDao.StoredAsk ask, DecisionDao.Decision decision, String channel, String messageTs) {
        jdbi.useTransaction(handle -> {
            handle.attach(DecisionDao.class).insertMessage(ask.teamId(), decision.id(), channel, messageTs);
            outbox.enqueue(
                    handle,
                    update(
                            ask.teamId(),
                            "ask:recorded:" + decision.id() + ":" + channel + ":" + messageTs,
                            channel,
                            messageTs,
                            views.recorded(ask, decision)));
        });
    }

    /** A chat.update of a message whose ts Slack already gave us (not one still queued). */
    public static OutboxMessage update(
            String teamId, String dedupeKey, String channel, String ts, Map<String, Object> content) {
        Map<String, Object> args = new HashMap<>(content);
        args.put("channel", channel);
        args.put("ts", ts);
        return new OutboxMessage(teamId, dedupeKey, "chat.update", Optional.of(channel), args);
    }

    private boolean enqueue(OutboxMessage message) {
        return jdbi.inTransaction(handle -> outbox.enqueue(handle, message));
    }
}
