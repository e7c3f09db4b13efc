package dev.drumbeat.slack.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The sender's and the admins' view of {@code slack_outbox} ({@link OutboxQueueDao} queues). Claiming locks rows with
 * {@code for update skip locked}, so it must run in a transaction; the outcome updates only touch a row still claimed
 * by the caller.
 */
@RegisterConstructorMapper(OutboxSenderRow.class)
@RegisterConstructorMapper(OutboxDao.Reference.class)
@RegisterConstructorMapper(OutboxDao.Expired.class)
@RegisterConstructorMapper(OutboxDao.StateCount.class)
@RegisterConstructorMapper(OutboxDao.Dead.class)
public interface OutboxDao {

    /** A row another row's {@code $ts_of} points at. */
    record Reference(String dedupeKey, String state, String resultChannel, String resultTs, Instant nextAttemptAt) {}

    /** A row found {@code sending} past its lease and returned to pending; unconfirmed when it may be in Slack. */
    record Expired(long id, String dedupeKey, String method, String channel, Instant unconfirmedSince) {}

    record StateCount(String state, long count) {}

    record Dead(String dedupeKey, String method, String channel, String lastError, int attempts, Instant createdAt) {}

    /**
     * Pending rows that head their channel (channel-less rows always do), not held by a rate limit; the claiming
     * queries add when they are due, their order and how many.
     */
    String SENDABLE_HEADS = """
            with heads as (
                select distinct on (team_id, channel) id
                  from slack_outbox
                 where state in ('pending', 'sending') and channel is not null
                 order by team_id, channel, id)
            select id, team_id, dedupe_key, method, channel, args::text as args, attempts, unconfirmed_since,
                   first_failed_at
              from slack_outbox o
             where state = 'pending'
               and (channel is null or id in (select id from heads))
               and method <> all(:heldMethods)
               and not (method = 'chat.postMessage' and coalesce(channel, '') = any(:heldChannels))
            """;

    /**
     * Due pending rows that head their channel (nothing older in it pending or in flight, so a {@code chat.update}
     * never overtakes its post), in id order, skipping methods and post channels held by rate limits and rows
     * another sender has locked.
     */
    @SqlQuery(SENDABLE_HEADS + """
               and next_attempt_at <= :now
             order by id
             limit :limit
               for update of o skip locked""")
    List<OutboxSenderRow> lockClaimable(
            @Bind("now") Instant now,
            @Bind("limit") int limit,
            @Bind("heldMethods") String[] heldMethods,
            @Bind("heldChannels") String[] heldChannels);

    /**
     * While Slack is down, the one row to try as a probe: a pending channel head (or channel-less row) whatever its
     * backoff, the one due soonest, so a row that failed as a probe moves to the back.
     */
    @SqlQuery(SENDABLE_HEADS + """
             order by next_attempt_at, id
             limit 1
               for update of o skip locked""")
    List<OutboxSenderRow> lockProbe(
            @Bind("heldMethods") String[] heldMethods, @Bind("heldChannels") String[] heldChannels);

    /** Slack answers again: rows waiting out a failure's backoff are due now; rate-limit waits are left alone. */
    @SqlUpdate("""
            update slack_outbox set next_attempt_at = :now
             where state = 'pending' and first_failed_at is not null and next_attempt_at > :now""")
    int releaseBackedOff(@Bind("now") Instant now);

    @SqlQuery(
            "select dedupe_key, state, result_channel, result_ts, next_attempt_at from slack_outbox where dedupe_key = any(:keys)")
    List<Reference> references(@Bind("keys") String[] keys);

    @SqlUpdate("update slack_outbox set state = 'sending', claimed_by = :me, claimed_at = :now, call_started_at = null"
            + " where id = any(:ids)")
    void claim(@Bind("ids") long[] ids, @Bind("me") String me, @Bind("now") Instant now);

    @SqlUpdate("update slack_outbox set next_attempt_at = :at where id = :id and state = 'pending'")
    void postpone(@Bind("id") long id, @Bind("at") Instant at);

    /** A pending row that can never be sent, such as one whose {@code $ts_of} message is dead. */
    @SqlUpdate("update slack_outbox set state = 'dead', last_error = :error where id = :id and state = 'pending'")
    void refuse(@Bind("id") long id, @Bind("error") String error);

    /**
     * Marks the moment the Slack call for a claimed row begins; before it, a crash loses nothing. 0 when the row is no
     * longer the caller's (it stalled past the lease and another sender took the row over): then it must not call.
     */
    @SqlUpdate(
            "update slack_outbox set call_started_at = :now where id = :id and claimed_by = :me and state = 'sending'")
    int callStarted(@Bind("id") long id, @Bind("me") String me, @Bind("now") Instant now);

    /**
     * Rows claimed before {@code cutoff}, still {@code sending} and not the caller's: their sender stopped. All go back
     * to pending. A post whose call had begun may be in Slack, so it is marked unconfirmed (from the moment its first
     * such call began) and will be looked for in the channel's history before it is sent again; other methods
     * (updates, Home tabs, opening a DM, ephemeral replies) are safe to repeat.
     */
    @SqlQuery("""
            update slack_outbox
               set state = 'pending', claimed_by = null, claimed_at = null, call_started_at = null,
                   unconfirmed_since = case when method = 'chat.postMessage' and call_started_at is not null
                                            then coalesce(unconfirmed_since, call_started_at)
                                            else unconfirmed_since end
             where state = 'sending' and claimed_at < :cutoff and id <> all(:inFlight)
            returning id, dedupe_key, method, channel, unconfirmed_since""")
    List<Expired> expireLeases(@Bind("cutoff") Instant cutoff, @Bind("inFlight") long[] inFlight);

    /** Also over a lease-expired row: it did go out, and saying so is the truth. */
    @SqlUpdate("""
            update slack_outbox set state = 'sent', sent_at = :now, result_channel = :channel, result_ts = :ts,
                   attempts = attempts + 1, last_error = null, unconfirmed_since = null, first_failed_at = null
             where id = :id and claimed_by = :me and state in ('sending', 'dead')""")
    void sent(
            @Bind("id") long id,
            @Bind("me") String me,
            @Bind("now") Instant now,
            @Bind("channel") String channel,
            @Bind("ts") String ts);

    /** Rate-limited: pending again at {@code at}, no attempt counted. */
    @SqlUpdate("""
            update slack_outbox set state = 'pending', next_attempt_at = :at, last_error = :error, claimed_by = null,
                   claimed_at = null
             where id = :id and claimed_by = :me and state = 'sending'""")
    void retryAt(@Bind("id") long id, @Bind("me") String me, @Bind("at") Instant at, @Bind("error") String error);

    /**
     * Failed in a way worth retrying: pending again at {@code at}, one more attempt, the failure run's start kept;
     * when the call may have reached Slack ({@code maybeDelivered}), unconfirmed from when this call began.
     */
    @SqlUpdate("""
            update slack_outbox set state = 'pending', next_attempt_at = :at, attempts = attempts + 1,
                   last_error = :error, claimed_by = null, claimed_at = null,
                   first_failed_at = coalesce(first_failed_at, :now),
                   unconfirmed_since = case when :maybeDelivered then coalesce(unconfirmed_since, call_started_at, :now)
                                            else unconfirmed_since end
             where id = :id and claimed_by = :me and state = 'sending'""")
    void failedRetryAt(
            @Bind("id") long id,
            @Bind("me") String me,
            @Bind("now") Instant now,
            @Bind("at") Instant at,
            @Bind("error") String error,
            @Bind("maybeDelivered") boolean maybeDelivered);

    @SqlUpdate("""
            update slack_outbox set state = 'dead', attempts = attempts + 1, last_error = :error
             where id = :id and claimed_by = :me and state = 'sending'""")
    int dead(@Bind("id") long id, @Bind("me") String me, @Bind("error") String error);

    @SqlQuery("select state, count(*) as count from slack_outbox where team_id = :teamId group by state")
    List<StateCount> countByState(@Bind("teamId") String teamId);

    @SqlQuery(
            "select created_at from slack_outbox where team_id = :teamId and state = 'pending' order by created_at limit 1")
    Optional<Instant> oldestPending(@Bind("teamId") String teamId);

    @SqlQuery("""
            select dedupe_key, method, coalesce(result_channel, channel) as channel, last_error, attempts, created_at
              from slack_outbox
             where team_id = :teamId and state = 'dead'
             order by created_at desc, id desc
             limit :limit""")
    List<Dead> recentDead(@Bind("teamId") String teamId, @Bind("limit") int limit);
}
