package dev.drumbeat.ask;

import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.Outbox;
import dev.drumbeat.slack.OutboxDeadLetters;
import dev.drumbeat.slack.OutboxMessage;
import dev.drumbeat.slack.SlackBlocks;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * When Slack refuses to post a shared answer (most often because Drumbeat was never invited to the channel), the
 * person who shared it gets a direct message saying why and what to do, instead of an answer that silently never
 * appears. Pressing Share again after inviting Drumbeat posts it. Thread-safe.
 */
public final class AskShareFailures implements OutboxDeadLetters {
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
        Optional<AskDao.StoredAsk> ask = jdbi.withExtension(AskDao.class, dao -> dao.find(teamId, Long.parseLong(parts[0])));
        ask.ifPresent(a -> tell(a, parts[1], error));
    }

    private void tell(AskDao.StoredAsk ask, String channel, String error) {
        String text = ":warning: Your answer to “" + SlackBlocks.escape(ask.question()) + "” was not shared in <#" + channel
                + ">: " + reason(error);
        Map<String, Object> args = Map.of("text", text, "blocks", BlockJson.values(List.of(SlackBlocks.markdown(text))));
        jdbi.useTransaction(handle -> outbox.enqueue(handle, OutboxMessage.post(ask.teamId(),
                "ask:share-refused:" + ask.id() + ":" + channel + ":" + clock.millis(), ask.askedBy(), args)));
    }

    /** Slack's refusal in words, with what to do about it. */
    static String reason(String error) {
        if (error.startsWith("not_in_channel") || error.startsWith("channel_not_found")) {
            return "I'm not in that channel. Invite me there (`/invite @Drumbeat`), then press *Share in channel* again.";
        }
        if (error.startsWith("is_archived")) {
            return "the channel is archived.";
        }
        return "Slack refused it (`" + error.split("[\\s(]", 2)[0] + "`). Press *Share in channel* to try again.";
    }
}
