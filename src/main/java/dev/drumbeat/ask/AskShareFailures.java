package dev.drumbeat.ask;

import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxDeadLetters;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * When Slack refuses to post a shared answer (most often because Drumbeat was never invited to the channel), the
 * person who shared it gets a direct message saying why and what to do, instead of an answer that silently never
 * appears. Pressing Share again after inviting Drumbeat posts it. Thread-safe.
 */
public final class AskShareFailures implements OutboxDeadLetters {
    /** Slack's refusals that inviting Drumbeat cures, after which pressing Share again posts the answer. */
    static final Set<String> SHARE_AGAIN = Set.of("not_in_channel", "channel_not_found");

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Clock clock;

    public AskShareFailures(Jdbi jdbi, Outbox outbox, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void dead(String teamId, String dedupeKey, String channel, String error) {
        if (!dedupeKey.startsWith(AskPosts.SHARE_KEY)) {
            return;
        }
        String[] parts = dedupeKey.substring(AskPosts.SHARE_KEY.length()).split(":", 2);
        if (parts.length < 2 || !parts[0].matches("\\d{1,18}")) {
            return;
        }
        Optional<AskDao.StoredAsk> ask =
                jdbi.withExtension(AskDao.class, dao -> dao.find(teamId, Long.parseLong(parts[0])));
        ask.ifPresent(a -> tell(a, parts[1], error));
    }

    private void tell(AskDao.StoredAsk ask, String channel, String error) {
        String text = ":warning: Your answer to “" + SlackBlocks.escape(ask.question()) + "” was not shared in <#"
                + channel + ">: " + reason(error);
        Map<String, Object> args =
                Map.of("text", text, "blocks", BlockJson.values(List.of(SlackBlocks.markdown(text))));
        jdbi.useTransaction(handle -> outbox.enqueue(
                handle,
                OutboxMessage.post(
                        ask.teamId(),
                        "ask:share-refused:" + ask.id() + ":" + channel + ":" + clock.millis(),
                        ask.askedBy(),
                        args)));
    }

    /** Why the share failed, in words, with what to do about it. */
    static String reason(String error) {
        String slackError = OutboxDeadLetters.slackError(error);
        if (SHARE_AGAIN.contains(slackError)) {
            return "I'm not in that channel. Invite me there (`/invite @Drumbeat`), then press *Share in channel* again.";
        }
        if (slackError.equals("is_archived")) {
            return "the channel is archived. Ask the question again in a channel that is in use.";
        }
        if (error.startsWith("gave up") || slackError.isEmpty()) {
            return "Slack did not answer in time, so it may or may not have been posted. Look in the channel; if it"
                    + " isn't there, ask the question again there.";
        }
        return "Slack refused it (`" + slackError + "`). A Drumbeat admin can see why in `/drumbeat outbox`.";
    }
}
