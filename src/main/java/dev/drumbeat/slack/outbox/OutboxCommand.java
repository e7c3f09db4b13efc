package dev.drumbeat.slack.outbox;

import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.Subcommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * `/drumbeat outbox`: for admins, how the Slack outbox is doing — messages by state, how long the oldest
 * pending one has waited, and the last dead ones with the reason, so a lost message is never silent.
 */
public final class OutboxCommand implements Subcommand {
    private static final int DEAD_SHOWN = 10;
    private static final List<String> STATES = List.of("pending", "sending", "sent", "dead");
    private static final DateTimeFormatter FALLBACK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final Jdbi jdbi;
    private final Clock clock;

    public OutboxCommand(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public String usage() {
        return "outbox";
    }

    @Override
    public String summary() {
        return "messages waiting for Slack and the ones that could not be sent (admins)";
    }

    @Override
    public Reply handle(CommandRequest request) {
        if (!request.actor().isAdmin()) {
            throw new UserError(
                    "Only a Drumbeat admin can see the Slack outbox. Ask an admin if a message seems lost.");
        }
        String teamId = request.actor().teamId();
        OutboxDao dao = jdbi.onDemand(OutboxDao.class);
        String summary = summary(
                dao.countByState(teamId),
                dao.oldestPending(teamId).map(this::ageOf).orElse(null));
        List<OutboxDao.Dead> dead = dao.recentDead(teamId, DEAD_SHOWN);
        List<String> lines = new ArrayList<>();
        lines.add("*Slack outbox* — " + summary);
        lines.add(dead.isEmpty() ? "No dead messages." : "*Last " + dead.size() + " dead:*");
        dead.forEach(message -> lines.add(line(message)));
        return Reply.of("Slack outbox: " + summary, SlackBlocks.lines(lines));
    }

    private static String summary(List<OutboxDao.StateCount> counts, Duration oldestPending) {
        Map<String, Long> byState =
                counts.stream().collect(Collectors.toMap(OutboxDao.StateCount::state, OutboxDao.StateCount::count));
        String states = STATES.stream()
                .map(state -> state + " " + byState.getOrDefault(state, 0L))
                .collect(Collectors.joining(" · "));
        return states + (oldestPending == null ? "" : "; oldest pending queued " + age(oldestPending) + " ago");
    }

    private static String line(OutboxDao.Dead message) {
        String error = message.lastError() == null ? "no reason recorded" : message.lastError();
        String to = message.channel() == null ? "" : " to `" + SlackBlocks.escape(message.channel()) + "`";
        return "• `" + message.method() + "`" + to + " — " + SlackBlocks.escape(SlackBlocks.clip(error, 300))
                + " — queued " + date(message.createdAt()) + ", " + message.attempts() + " attempt"
                + (message.attempts() == 1 ? "" : "s") + " (`" + SlackBlocks.escape(message.dedupeKey()) + "`)";
    }

    private Duration ageOf(Instant queuedAt) {
        Duration age = Duration.between(queuedAt, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    static String age(Duration age) {
        if (age.toMinutes() < 1) {
            return age.toSeconds() + " s";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min";
        }
        return age.toDays() < 1 ? age.toHours() + " h" : age.toDays() + " d";
    }

    /** Slack shows the date in the reader's own time zone; the fallback is UTC. */
    private static String date(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK.format(at) + ">";
    }
}
