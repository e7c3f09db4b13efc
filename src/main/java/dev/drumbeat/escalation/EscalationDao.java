package dev.drumbeat.escalation;

import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Escalations and the messages posted about them. The sweep's writes are set-based (arrays through
 * {@code unnest}), so a sweep costs a handful of statements whatever the number of escalations. The longer reads
 * live beside this interface in {@code EscalationDao/<method>.sql}.
 */
@RegisterRowMapper(EscalationDaoMappers.EscalationMapper.class)
@RegisterRowMapper(EscalationDaoMappers.ItemMapper.class)
@RegisterRowMapper(EscalationDaoMappers.PostedMapper.class)
@RegisterRowMapper(EscalationDaoMappers.ListedMapper.class)
public interface EscalationDao {

    /**
     * One escalation as stored. Its {@code detail} and {@code closeReason} are Slack mrkdwn, written by Drumbeat: what
     * people typed in them (a KPI's name) was escaped when they were written, and the mentions in them are Drumbeat's
     * own, so messages show them as they are.
     */
    record Row(
            long id,
            String teamId,
            Finding.Subject subject,
            Reason reason,
            String detail,
            int level,
            Instant openedAt,
            Instant levelChangedAt,
            Optional<String> acknowledgedBy,
            Optional<Instant> acknowledgedAt,
            Optional<Instant> snoozedUntil,
            Optional<String> snoozedBy,
            Optional<String> snoozeReason,
            Optional<Instant> closedAt,
            Optional<String> closeReason) {

        public boolean isOpen() {
            return closedAt.isEmpty();
        }

        public boolean isSnoozedAt(Instant now) {
            return snoozedUntil.filter(now::isBefore).isPresent();
        }

        public boolean isAcknowledged() {
            return acknowledgedBy.isPresent();
        }
    }

    /**
     * The escalated item and the people around it: owner (active or not, away or not), deputies still active,
     * team channel. {@code active} is false for a retired service or a finished initiative.
     */
    record Item(
            Finding.Subject subject,
            String key,
            String name,
            boolean active,
            Optional<String> ownerId,
            boolean ownerActive,
            String ownerTz,
            Optional<LocalDate> ownerAwayUntil,
            Optional<String> awayDeputyId,
            Optional<String> deputyId,
            Optional<String> teamChannel) {

        public boolean isOwnerless() {
            return ownerId.isEmpty() || !ownerActive;
        }
    }

    /** Where an escalation was posted: the channel (or user id, for a DM) and the outbox key of the post. */
    record Posted(long escalationId, String channel, String outboxKey, int postedLevel) {}

    /**
     * An open escalation as the list commands show it, its {@code detail} mrkdwn as a {@link Row}'s; {@code total}
     * counts every row the query matched.
     */
    record Listed(
            long id,
            Finding.Subject subject,
            String key,
            String name,
            Reason reason,
            String detail,
            int level,
            Instant openedAt,
            boolean acknowledged,
            Optional<Instant> snoozedUntil,
            int total) {}

    String ROW = "select * from escalations";

    /** Every open escalation of a workspace, locked until the transaction ends, so sweeps and buttons take turns. */
    @SqlQuery(ROW + " where team_id = :teamId and closed_at is null order by id for update")
    List<Row> lockOpen(@Bind("teamId") String teamId);

    /** The workspaces with an open escalation, so a sweep also visits one whose findings all cleared. */
    @SqlQuery("select distinct team_id from escalations where closed_at is null")
    List<String> findTeamsWithOpen();

    @SqlQuery(ROW + " where team_id = :teamId and id = :id for update")
    Optional<Row> lock(@Bind("teamId") String teamId, @Bind("id") long id);

    @SqlQuery(ROW + " where team_id = :teamId and id = :id")
    Optional<Row> find(@Bind("teamId") String teamId, @Bind("id") long id);

    /** The open escalation of a service for a reason, if any (there is at most one). */
    @SqlQuery("""
            select id from escalations where team_id = :teamId and subject_kind = 'service' and subject_id = :serviceId
               and reason = :reason and closed_at is null""")
    Optional<Long> openFor(
            @Bind("teamId") String teamId, @Bind("serviceId") long serviceId, @Bind("reason") String reason);

    @SqlQuery(ROW + " where id = any(:ids) order by id")
    List<Row> findAll(@Bind("ids") long[] ids);

    /**
     * Opens the given escalations; one already open for an item and reason is left alone and not returned, and so is one
     * closed after {@code :now}, when the sweep read its findings: someone resolved it (took ownership, say) while the
     * sweep ran, and the next sweep, reading afresh, reopens it if the condition really holds.
     */
    @SqlQuery("""
            insert into escalations (team_id, subject_kind, subject_id, reason, detail, level, opened_at, level_changed_at)
            select :teamId, v.kind, v.subject_id, v.reason, v.detail, v.level, :now, :now
              from unnest(:kinds, :subjectIds, :reasons, :details, :levels) as v(kind, subject_id, reason, detail, level)
             where not exists (select 1 from escalations c
                                where c.team_id = :teamId and c.subject_kind = v.kind and c.subject_id = v.subject_id
                                  and c.reason = v.reason and c.closed_at > :now)
            on conflict do nothing
            returning *""")
    List<Row> open(
            @Bind("teamId") String teamId,
            @Bind("kinds") String[] kinds,
            @Bind("subjectIds") long[] subjectIds,
            @Bind("reasons") String[] reasons,
            @Bind("details") String[] details,
            @Bind("levels") int[] levels,
            @Bind("now") Instant now);

    /** New levels and details; a level that changes also moves {@code level_changed_at}. */
    @SqlUpdate("""
            update escalations e
               set level = v.level, detail = v.detail,
                   level_changed_at = case when v.level <> e.level then :now else e.level_changed_at end
              from unnest(:ids, :levels, :details) as v(id, level, detail)
             where e.id = v.id and e.closed_at is null""")
    int change(
            @Bind("ids") long[] ids,
            @Bind("levels") int[] levels,
            @Bind("details") String[] details,
            @Bind("now") Instant now);

    @SqlUpdate("""
            update escalations e set closed_at = :now, close_reason = v.reason
              from unnest(:ids, :reasons) as v(id, reason)
             where e.id = v.id and e.closed_at is null""")
    int close(@Bind("ids") long[] ids, @Bind("reasons") String[] reasons, @Bind("now") Instant now);

    @SqlUpdate("update escalations set acknowledged_by = :userId, acknowledged_at = :now where id = :id")
    void acknowledge(@Bind("id") long id, @Bind("userId") String userId, @Bind("now") Instant now);

    @SqlUpdate(
            "update escalations set snoozed_until = :until, snoozed_by = :userId, snooze_reason = :reason where id = :id")
    void snooze(
            @Bind("id") long id,
            @Bind("userId") String userId,
            @Bind("until") Instant until,
            @Bind("reason") String reason);

    /** Services and initiatives by id, each with its owner's state and the deputies still active in Slack. */
    @SqlQuery
    @UseClasspathSqlLocator
    List<Item> items(
            @Bind("teamId") String teamId,
            @Bind("serviceIds") long[] serviceIds,
            @Bind("initiativeIds") long[] initiativeIds);

    @SqlQuery(
            "select * from escalation_messages where escalation_id = any(:ids) order by escalation_id, posted_level, channel")
    List<Posted> posted(@Bind("ids") long[] ids);

    @SqlBatch("""
            insert into escalation_messages (escalation_id, channel, outbox_key, posted_level)
            values (:escalationId, :channel, :outboxKey, :postedLevel) on conflict do nothing""")
    void recordPosts(@BindMethods List<Posted> posts);

    /** The dedupe key of the latest update queued for one message, if any. */
    @SqlQuery("""
            select dedupe_key from slack_outbox
             where dedupe_key like :prefix || '%' and method = 'chat.update'
             order by id desc limit 1""")
    Optional<String> latestUpdate(@Bind("prefix") String prefix);

    /** Open escalations with one of the reasons, oldest first, at most {@code limit} of them. */
    @SqlQuery
    @UseClasspathSqlLocator
    List<Listed> listOpen(@Bind("teamId") String teamId, @Bind("reasons") String[] reasons, @Bind("limit") int limit);
}
