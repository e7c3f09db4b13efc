package dev.drumbeat.checkin.prompt;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The weekly prompt sweep: its set-based reads (one query each, whatever the catalog's size), the prompts it writes
 * and the reminders it sends, and a prompt DM's lines when it is re-rendered. The reminder query lives beside this
 * interface in {@code PromptDao/dueReminders.sql}.
 */
@RegisterRowMapper(PromptDao.CandidateMapper.class)
public interface PromptDao {

    /** A service a prompt asks about; {@code coveringFor} is the away owner when a deputy is asked, else null. */
    record PromptedService(long serviceId, String coveringFor) {}

    /** A service excused for a period because its owner is away and nobody covers. */
    record Excusal(long serviceId, String teamId, LocalDate periodStart) {}

    /** A prompt due a reminder, with how many of its services are still {@code open}. */
    record DueReminder(long id, String teamId, String userId, String outboxKey, int open) {}

    /** A prompt DM as sent, with its recipient's time zone. */
    record SentPrompt(String teamId, String userId, LocalDate periodStart, String outboxKey, String tz) {}

    @SqlQuery("""
            select s.id, s.team_id, s.key, s.name, s.owner_id, o.tz as owner_tz, o.away_until,
                   ad.user_id as away_deputy_id, ad.tz as away_deputy_tz, d.user_id as deputy_id, d.tz as deputy_tz
              from services s
              join people o on o.team_id = s.team_id and o.user_id = s.owner_id and not o.deactivated
              left join people ad on ad.team_id = s.team_id and ad.user_id = o.away_deputy_id and not ad.deactivated
              left join people d on d.team_id = s.team_id and d.user_id = s.deputy_id and not d.deactivated
             where s.active and s.deprioritised_by is null
             order by s.team_id, s.id""")
    List<PromptCandidate> candidates();

    /** "team|user|period" of every prompt since a date. */
    @SqlQuery(
            "select team_id || '|' || user_id || '|' || period_start from checkin_prompts where period_start >= :since")
    List<String> promptedSince(@Bind("since") LocalDate since);

    /** "service id|period" of every check-in or excusal since a date: nothing to ask for those. */
    @SqlQuery("""
            select service_id || '|' || period_start from checkins where period_start >= :since
            union all
            select service_id || '|' || period_start from checkin_excusals where period_start >= :since""")
    List<String> answeredSince(@Bind("since") LocalDate since);

    /** Returns the new prompt's id, or nothing when this person already has this period's prompt. */
    @SqlQuery("""
            insert into checkin_prompts (team_id, user_id, period_start, outbox_key, prompted_at, reminder_due_at)
            values (:team, :user, :period, :key, :now, :remindAt)
            on conflict (team_id, user_id, period_start) do nothing
            returning id""")
    Optional<Long> insertPrompt(
            @Bind("team") String teamId,
            @Bind("user") String userId,
            @Bind("period") LocalDate period,
            @Bind("key") String outboxKey,
            @Bind("now") Instant now,
            @Bind("remindAt") Instant remindAt);

    @SqlBatch(
            "insert into checkin_prompt_services (prompt_id, service_id, covering_for) values (:prompt, :serviceId, :coveringFor)")
    void insertPromptServices(@Bind("prompt") long promptId, @BindMethods List<PromptedService> services);

    @SqlBatch("""
            insert into checkin_excusals (service_id, team_id, period_start, reason, created_at)
            values (:serviceId, :teamId, :periodStart, 'owner away, nobody covering', :now) on conflict do nothing""")
    void excuse(@BindMethods List<Excusal> excusals, @Bind("now") Instant now);

    /** Prompts since {@code since} past their reminder time, not reminded yet, with services still unanswered. */
    @SqlQuery
    @UseClasspathSqlLocator
    @RegisterConstructorMapper(DueReminder.class)
    List<DueReminder> dueReminders(@Bind("now") Instant now, @Bind("since") LocalDate since);

    @SqlUpdate("update checkin_prompts set reminded_at = :now where id = any(:ids)")
    void markReminded(@Bind("now") Instant now, @Bind("ids") long[] ids);

    @SqlQuery("""
            select p.team_id, p.user_id, p.period_start, p.outbox_key, pe.tz from checkin_prompts p
              join people pe on pe.team_id = p.team_id and pe.user_id = p.user_id where p.id = :id""")
    @RegisterConstructorMapper(SentPrompt.class)
    Optional<SentPrompt> findSent(@Bind("id") long promptId);

    /** The prompt's services in service order, each with its check-in for the period, if answered. */
    @SqlQuery("""
            select s.key, s.name, ps.covering_for, c.status, c.submitted_by, c.submitted_at
              from checkin_prompt_services ps
              join services s on s.id = ps.service_id
              left join checkins c on c.service_id = ps.service_id and c.period_start = :period
             where ps.prompt_id = :id
             order by s.id""")
    @RegisterRowMapper(LineMapper.class)
    List<PromptViews.Line> findLines(@Bind("id") long promptId, @Bind("period") LocalDate period);

    final class CandidateMapper implements RowMapper<PromptCandidate> {
        @Override
        public PromptCandidate map(ResultSet rs, StatementContext ctx) throws SQLException {
            Date away = rs.getDate("away_until");
            return new PromptCandidate(
                    rs.getLong("id"),
                    rs.getString("team_id"),
                    rs.getString("key"),
                    rs.getString("name"),
                    rs.getString("owner_id"),
                    rs.getString("owner_tz"),
                    Optional.ofNullable(away).map(Date::toLocalDate),
                    person(rs, "away_deputy_id", "away_deputy_tz"),
                    person(rs, "deputy_id", "deputy_tz"));
        }

        private static Optional<PromptCandidate.Person> person(ResultSet rs, String id, String tz) throws SQLException {
            String userId = rs.getString(id);
            return userId == null
                    ? Optional.empty()
                    : Optional.of(new PromptCandidate.Person(userId, rs.getString(tz)));
        }
    }

    final class LineMapper implements RowMapper<PromptViews.Line> {
        @Override
        public PromptViews.Line map(ResultSet rs, StatementContext ctx) throws SQLException {
            String status = rs.getString("status");
            Timestamp at = rs.getTimestamp("submitted_at");
            Optional<PromptViews.Answer> answer = status == null
                    ? Optional.empty()
                    : Optional.of(new PromptViews.Answer(status, rs.getString("submitted_by"), at.toInstant()));
            return new PromptViews.Line(
                    rs.getString("key"),
                    rs.getString("name"),
                    Optional.ofNullable(rs.getString("covering_for")),
                    answer);
        }
    }
}
