package dev.drumbeat.slack.outbox;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What {@link Outbox} runs in its caller's transaction: queuing messages, reviving a refused one, asking whether a key
 * was queued. Kept apart from {@link OutboxDao} and small on purpose: it is attached to the caller's handle for every
 * message queued, and attaching costs more the more methods a DAO has.
 */
interface OutboxQueueDao {

    /** A message as queued: {@code args} is its arguments as JSON; {@code channel} is null when it has none. */
    record Queued(String teamId, String dedupeKey, String method, String channel, String args) {}

    String ENQUEUE = """
            insert into slack_outbox (team_id, dedupe_key, method, channel, args, next_attempt_at, created_at)
            values (:teamId, :dedupeKey, :method, :channel, cast(:args as jsonb), :now, :now)
            on conflict (dedupe_key) do nothing""";

    /** Queues a message; 0 when a message with the same dedupe key was already queued. */
    @SqlUpdate(ENQUEUE)
    int enqueue(@BindMethods Queued message, @Bind("now") Instant now);

    /** Queues many messages in one round trip; each dedupe key already queued keeps its first message. */
    @SqlBatch(ENQUEUE)
    void enqueueAll(@BindMethods List<Queued> messages, @Bind("now") Instant now);

    /** Queues a dead message again if Slack refused it with one of {@code refusals}; 0 when nothing was revived. */
    @SqlUpdate("""
            update slack_outbox set state = 'pending', attempts = 0, next_attempt_at = :now, last_error = null,
                                    claimed_by = null, claimed_at = null
             where dedupe_key = :key and state = 'dead' and substring(last_error from '^[a-z_]+') = any(:refusals)""")
    int revive(@Bind("key") String dedupeKey, @Bind("refusals") String[] refusals, @Bind("now") Instant now);

    @SqlQuery("select exists (select 1 from slack_outbox where dedupe_key = :key)")
    boolean has(@Bind("key") String dedupeKey);
}
