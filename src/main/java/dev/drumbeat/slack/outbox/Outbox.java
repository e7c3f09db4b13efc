package dev.drumbeat.slack.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.Handle;

/**
 * Queues Slack calls in the caller's transaction, so a change and the message about it are stored
 * together or not at all; {@link OutboxSender} sends them. Queuing a dedupe key twice keeps the first.
 * Thread-safe.
 */
public final class Outbox {
    /** The argument value that stands for the {@code ts} of another queued message once it is sent. */
    public static final String TS_OF = "$ts_of";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    public static Map<String, Object> tsOf(String dedupeKey) {
        return Map.of(TS_OF, dedupeKey);
    }

    /** Queues the message; false when a message with the same dedupe key was already queued. */
    public boolean enqueue(Handle handle, OutboxMessage message) {
        return handle.createUpdate("""
                insert into slack_outbox (team_id, dedupe_key, method, channel, args, next_attempt_at, created_at)
                values (:team, :key, :method, :channel, cast(:args as jsonb), :now, :now)
                on conflict (dedupe_key) do nothing""")
                .bind("team", message.teamId()).bind("key", message.dedupeKey()).bind("method", message.method())
                .bind("channel", message.channel().orElse(null)).bind("args", json(message.args()))
                .bind("now", clock.instant()).execute() == 1;
    }

    /**
     * Queues a dead message again, as it was, to be sent now, if Slack refused it with one of {@code refusals} (its
     * error names, such as {@code not_in_channel}): a refusal means it was never posted, so sending it again posts it
     * once. A message that died any other way (given up on, or interrupted mid-call) may have been posted and stays
     * dead. False when nothing was revived.
     */
    public boolean revive(Handle handle, String dedupeKey, Set<String> refusals) {
        return handle.createUpdate("""
                update slack_outbox set state = 'pending', attempts = 0, next_attempt_at = :now, last_error = null,
                                        claimed_by = null, claimed_at = null
                 where dedupe_key = :key and state = 'dead' and substring(last_error from '^[a-z_]+') = any(:refusals)""")
                .bind("key", dedupeKey).bind("now", clock.instant()).bind("refusals", refusals.toArray(String[]::new))
                .execute() == 1;
    }

    /** Whether a message was ever queued under the key, so a later edit of it has something to edit. */
    public boolean has(Handle handle, String dedupeKey) {
        return handle.createQuery("select exists (select 1 from slack_outbox where dedupe_key = :key)")
                .bind("key", dedupeKey).mapTo(Boolean.class).one();
    }

    /** Queues many messages in one round trip; each dedupe key already queued keeps its first message. */
    public void enqueueAll(Handle handle, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                insert into slack_outbox (team_id, dedupe_key, method, channel, args, next_attempt_at, created_at)
                values (:team, :key, :method, :channel, cast(:args as jsonb), :now, :now)
                on conflict (dedupe_key) do nothing""");
        Instant now = clock.instant();
        for (OutboxMessage m : messages) {
            batch.bind("team", m.teamId()).bind("key", m.dedupeKey()).bind("method", m.method())
                    .bind("channel", m.channel().orElse(null)).bind("args", json(m.args())).bind("now", now).add();
        }
        batch.execute();
    }

    private static String json(Map<String, Object> args) {
        try {
            return JSON.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox arguments must be JSON", e);
        }
    }
}
