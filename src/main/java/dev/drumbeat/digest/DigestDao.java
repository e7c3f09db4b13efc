package dev.drumbeat.digest;

import dev.drumbeat.catalog.Tier;
import dev.drumbeat.checkin.CheckInStatus;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.escalation.settings.DigestSchedule;
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
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The digest's reads, one query each whatever the catalog's size, and its once-a-week claim. The longer reads live
 * beside this interface in {@code DigestDao/<method>.sql}; the totals of a month ago are {@code CatalogTotalsDao.totalsAt}.
 */
@RegisterRowMapper(DigestDao.WorkspaceMapper.class)
@RegisterRowMapper(DigestDao.ServiceMapper.class)
@RegisterRowMapper(DigestDao.EscalationMapper.class)
public interface DigestDao {

    /** A workspace and when its digest is due. */
    record Workspace(String teamId, DigestSchedule schedule) {}

    /** Every workspace with its digest settings, the defaults where it has no row yet. */
    @SqlQuery("""
            select w.team_id, coalesce(es.digest_day, 'FRIDAY') as digest_day, coalesce(es.digest_hour, 16) as digest_hour,
                   coalesce(es.digest_tz, 'UTC') as digest_tz
              from workspaces w
              left join escalation_settings es on es.team_id = w.team_id
             order by w.team_id""")
    List<Workspace> workspaces();

    @SqlQuery("select exists (select 1 from digests where team_id = :team and period_start = :week)")
    boolean isSent(@Bind("team") String teamId, @Bind("week") LocalDate week);

    /** Records this week's digest; false when another sweep already did. */
    @SqlUpdate("""
            insert into digests (team_id, period_start, outbox_key, created_at) values (:team, :week, :key, :now)
            on conflict (team_id, period_start) do nothing""")
    boolean claim(
            @Bind("team") String teamId,
            @Bind("week") LocalDate week,
            @Bind("key") String outboxKey,
            @Bind("now") Instant now);

    /** Active services with their owner's standing and their latest check-in. */
    @SqlQuery
    @UseClasspathSqlLocator
    List<DigestFacts.ServiceFact> services(@Bind("team") String teamId);

    /** Open escalations, most urgent first: highest level, then oldest. */
    @SqlQuery
    @UseClasspathSqlLocator
    List<DigestFacts.OpenEscalation> openEscalations(@Bind("team") String teamId);

    @SqlQuery("select exists (select 1 from escalations where team_id = :team)")
    boolean anyEscalation(@Bind("team") String teamId);

    /** A service's key and name, retired or not: bills may still name a retired service. */
    record ServiceName(long id, String key, String name) {}

    @SqlQuery("select id, key, name from services where team_id = :team and id = any(:ids)")
    @RegisterConstructorMapper(ServiceName.class)
    List<ServiceName> serviceNames(@Bind("team") String teamId, @Bind("ids") long[] ids);

    final class WorkspaceMapper implements RowMapper<Workspace> {
        @Override
        public Workspace map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Workspace(
                    rs.getString("team_id"),
                    DigestSchedule.of(rs.getString("digest_day"), rs.getInt("digest_hour"), rs.getString("digest_tz")));
        }
    }

    final class ServiceMapper implements RowMapper<DigestFacts.ServiceFact> {
        @Override
        public DigestFacts.ServiceFact map(ResultSet rs, StatementContext ctx) throws SQLException {
            Date period = rs.getDate("checkin_period");
            Optional<DigestFacts.LatestCheckIn> latest = period == null
                    ? Optional.empty()
                    : Optional.of(new DigestFacts.LatestCheckIn(
                            period.toLocalDate(),
                            CheckInStatus.parse(rs.getString("checkin_status")).orElseThrow(),
                            rs.getString("checkin_hurdle")));
            return new DigestFacts.ServiceFact(
                    rs.getLong("id"),
                    rs.getString("key"),
                    rs.getString("name"),
                    Tier.parse(rs.getString("tier")).orElseThrow(),
                    Optional.ofNullable(rs.getString("owner_name")),
                    rs.getString("owner_id") != null,
                    rs.getBoolean("owner_active"),
                    rs.getBigDecimal("unit_cost"),
                    rs.getBigDecimal("monthly_demand"),
                    rs.getBigDecimal("monthly_value"),
                    latest,
                    rs.getBoolean("winding_down"));
        }
    }

    final class EscalationMapper implements RowMapper<DigestFacts.OpenEscalation> {
        @Override
        public DigestFacts.OpenEscalation map(ResultSet rs, StatementContext ctx) throws SQLException {
            Timestamp snoozed = rs.getTimestamp("snoozed_until");
            return new DigestFacts.OpenEscalation(
                    rs.getLong("id"),
                    rs.getString("subject_kind"),
                    rs.getString("key"),
                    rs.getString("name"),
                    Optional.ofNullable(rs.getString("owner_name")),
                    Reason.ofCode(rs.getString("reason")),
                    rs.getString("detail"),
                    rs.getInt("level"),
                    rs.getTimestamp("opened_at").toInstant(),
                    Optional.ofNullable(snoozed).map(Timestamp::toInstant));
        }
    }
}
