package dev.drumbeat.digest;

import dev.drumbeat.escalation.settings.DigestSchedule;
import dev.drumbeat.escalation.rules.Reason;

import dev.drumbeat.catalog.Tier;
import dev.drumbeat.checkin.CheckInStatus;
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
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The digest's reads and its once-a-week claim. */
@RegisterRowMapper(DigestDao.WorkspaceMapper.class)
@RegisterRowMapper(DigestDao.ServiceMapper.class)
@RegisterRowMapper(DigestDao.EscalationMapper.class)
@RegisterRowMapper(DigestDao.TierTotalsMapper.class)
public interface DigestDao {

    /** A workspace and when its digest is due. */
    record Workspace(String teamId, DigestSchedule schedule) {
    }

    /** One tier's totals, as a row. */
    record TierTotals(Tier tier, DigestFacts.Totals totals) {
    }

    @SqlQuery(DigestSql.WORKSPACES)
    List<Workspace> workspaces();

    @SqlQuery("select exists (select 1 from digests where team_id = :team and period_start = :week)")
    boolean isSent(@Bind("team") String teamId, @Bind("week") LocalDate week);

    /** Records this week's digest; false when another sweep already did. */
    @SqlUpdate("""
            insert into digests (team_id, period_start, outbox_key, created_at) values (:team, :week, :key, :now)
            on conflict (team_id, period_start) do nothing""")
    boolean claim(@Bind("team") String teamId, @Bind("week") LocalDate week, @Bind("key") String outboxKey,
                  @Bind("now") Instant now);

    @SqlQuery(DigestSql.SERVICES)
    List<DigestFacts.ServiceFact> services(@Bind("team") String teamId);

    @SqlQuery(DigestSql.OPEN_ESCALATIONS)
    List<DigestFacts.OpenEscalation> openEscalations(@Bind("team") String teamId);

    @SqlQuery("select exists (select 1 from escalations where team_id = :team)")
    boolean anyEscalation(@Bind("team") String teamId);

    @SqlQuery(DigestSql.TOTALS_AT)
    List<TierTotals> totalsAt(@Bind("team") String teamId, @Bind("since") Instant since);

    final class WorkspaceMapper implements RowMapper<Workspace> {
        @Override
        public Workspace map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Workspace(rs.getString("team_id"),
                    DigestSchedule.of(rs.getString("digest_day"), rs.getInt("digest_hour"), rs.getString("digest_tz")));
        }
    }

    final class ServiceMapper implements RowMapper<DigestFacts.ServiceFact> {
        @Override
        public DigestFacts.ServiceFact map(ResultSet rs, StatementContext ctx) throws SQLException {
            Date period = rs.getDate("checkin_period");
            Optional<DigestFacts.LatestCheckIn> latest = period == null ? Optional.empty()
                    : Optional.of(new DigestFacts.LatestCheckIn(period.toLocalDate(),
                    CheckInStatus.parse(rs.getString("checkin_status")).orElseThrow(), rs.getString("checkin_hurdle")));
            return new DigestFacts.ServiceFact(rs.getLong("id"), rs.getString("key"), rs.getString("name"),
                    Tier.parse(rs.getString("tier")).orElseThrow(), Optional.ofNullable(rs.getString("owner_name")),
                    rs.getString("owner_id") != null, rs.getBoolean("owner_active"), rs.getBigDecimal("unit_cost"),
                    rs.getBigDecimal("monthly_demand"), rs.getBigDecimal("monthly_value"), latest);
        }
    }

    final class EscalationMapper implements RowMapper<DigestFacts.OpenEscalation> {
        @Override
        public DigestFacts.OpenEscalation map(ResultSet rs, StatementContext ctx) throws SQLException {
            Timestamp snoozed = rs.getTimestamp("snoozed_until");
            return new DigestFacts.OpenEscalation(rs.getLong("id"), rs.getString("subject_kind"), rs.getString("key"),
                    rs.getString("name"), Optional.ofNullable(rs.getString("owner_name")), Reason.ofCode(rs.getString("reason")),
                    rs.getString("detail"), rs.getInt("level"), rs.getTimestamp("opened_at").toInstant(),
                    Optional.ofNullable(snoozed).map(Timestamp::toInstant));
        }
    }

    final class TierTotalsMapper implements RowMapper<TierTotals> {
        @Override
        public TierTotals map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new TierTotals(Tier.parse(rs.getString("tier")).orElseThrow(),
                    new DigestFacts.Totals(rs.getInt("services"), rs.getBigDecimal("cost"), rs.getBigDecimal("value")));
        }
    }
}
