package dev.drumbeat.escalation;

import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxDeadLetters;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * When Slack refuses an escalation in a team channel because Drumbeat was never invited there, the leadership channel
 * is told, once a day per channel, so someone invites it; until then the team never sees its escalations. Refusals in
 * the leadership channel itself, and in direct messages, are left to {@code /drumbeat outbox}. Thread-safe.
 */
public final class EscalationChannelRefusals implements OutboxDeadLetters {
    private static final Set<String> NOT_THERE = Set.of("not_in_channel", "channel_not_found");
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Optional<String> leadershipChannel;
    private final Clock clock;

    public EscalationChannelRefusals(Jdbi jdbi, Outbox outbox, Optional<String> leadershipChannel, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.leadershipChannel = leadershipChannel;
        this.clock = clock;
    }

    @Override
    public void dead(String teamId, String dedupeKey, String channel, String error) {
        String slackError = OutboxDeadLetters.slackError(error);
        boolean escalation = dedupeKey.startsWith("esc:") || dedupeKey.startsWith("esc-batch:");
        if (!escalation
                || channel == null
                || !channel.startsWith("C")
                || !NOT_THERE.contains(slackError)
                || leadershipChannel.isEmpty()
                || leadershipChannel.get().equals(channel)) {
            return;
        }
        String leadership = leadershipChannel.get();
        String text =
                ":warning: I can't post escalations in <#" + channel + ">: I'm not in that channel (`" + slackError
                        + "`). Invite me there (`/invite @Drumbeat`) so the team sees them; until then they reach owners and"
                        + " deputies by direct message, and this channel at the top of the ladder.";
        Map<String, Object> args =
                Map.of("text", text, "blocks", BlockJson.values(List.of(SlackBlocks.markdown(text))));
        String key =
                "esc-refused:" + teamId + ":" + channel + ":" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbi.useTransaction(handle -> outbox.enqueue(handle, OutboxMessage.post(teamId, key, leadership, args)));
    }
}
