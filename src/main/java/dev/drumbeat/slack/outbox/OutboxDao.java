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

    /** A row found {@code sending} past its lease and declared dead. */
    record Expired(long id, String dedupeKey, String method, String channel) {}

    record StateCount(String state, long count) {}

    record Dead(String dedupeKey, String method, String channel, String lastError, int attempts, Instant createdAt) {}

    /**
     * Due pending rows that head their channel (nothing older in it pending or in flight, so a {@code chat.update}
     * never overtakes its post), in id order, skipping methods and post channels held by rate limits and rows
     * another sender has locked.
     */
    @SqlQuery("""
            with heads as (
                select distinct on (team_id, channel) id
                  from slack_outbox
                 where state in ('pending', 'sending') and channel is not null
                 order by team_id, channel, id)
            select id, team_id, dedupe_key, method, channel, args::text as args, attempts
              from slack_outbox o
             where state = 'pending' and next_attempt_at <= :now
               and (channel is null or id in (select id from heads))
               and method <> all(:heldMethods)
               and not (method = 'chat.postMessage' and coalesce(channel, '') = any(:heldChannels))
             order by id
             limit :limit
               for update of o skip locked""")
    List<OutboxSenderRow> lockClaimable(
            @Bind("now") Instant now,
            @Bind("limit") int limit,
            @Bind("heldMethods") String[] heldMethods,
            @Bind("heldChannels") String[] heldChannels);

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

    /** Marks the moment the Slack call for a claimed row begins; before it, a crash loses nothing. */
    @SqlUpdate(
            "update slack_outbox set call_started_at = :now where id = :id and claimed_by = :me and state = 'sending'")
    void callStarted(@Bind("id") long id, @Bind("me") String me, @Bind("now") Instant now);

    /** Claimed before {@code cutoff}, still {@code sending}, not the caller's, and never called: safe to send again. */
    @SqlUpdate("""
            update slack_outbox set state = 'pending', claimed_by = null, claimed_at = null
             where state = 'sending' and claimed_at < :cutoff and call_started_at is null and id <> all(:inFlight)""")
    int returnUncalled(@Bind("cutoff") Instant cutoff, @Bind("inFlight") long[] inFlight);

    /** Rows claimed before {@code cutoff} and still {@code sending} whose call had begun, other than the caller's. */
    @SqlQuery("""
            update slack_outbox set state = 'dead', last_error = :reason
             where state = 'sending' and claimed_at < :cutoff and call_started_at is not null and id <> all(:inFlight)
            returning id, dedupe_key, method, channel""")
    List<Expired> expireLeases(
            @Bind("cutoff") Instant cutoff, @Bind("inFlight") long[] inFlight, @Bind("reason") String reason);

    /** Also over a lease-expired row: it did go out, and saying so is the truth. */
    @SqlUpdate("""
            update slack_outbox set state = 'sent', sent_at = :now, result_channel = :channel, result_ts = :ts,
                   attempts = attempts + 1, last_error = null
             where id = :id and claimed_by = :me and state in ('sending', 'dead')""")
    void sent(
            @Bind("id") long id,
            @Bind("me") String me,
            @Bind("now") Instant now,
            @Bind("channel") String channel,
            @Bind("ts") String ts);

    @SqlUpdate("""
            update slack_outbox set state = 'pending', next_attempt_at = :at, attempts = attempts + :counted,
                   last_error = :error, claimed_by = null, claimed_at = null
             where id = :id and claimed_by = :me and state = 'sending'""")
    void retryAt(
            @Bind("id") long id,
            @Bind("me") String me,
            @Bind("at") Instant at,
            @Bind("counted") int counted,
            @Bind("error") String error);

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
