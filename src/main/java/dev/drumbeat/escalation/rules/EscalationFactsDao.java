package dev.drumbeat.escalation.rules;

import dev.drumbeat.core.Periods;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The set-based reads behind an escalation sweep: one query for the facts of every active service of every
 * workspace, one for every open initiative, one for every binding whose query keeps failing, whatever the catalog's
 * size. The SQL lives beside this interface in
 * {@code EscalationFactsDao/<method>.sql}. Periods are computed in Java by {@link Periods}, once per time zone,
 * and handed to SQL (see {@link CurrentPeriods}), so SQL and the rules never disagree about what week it is.
 */
@UseClasspathSqlLocator
@RegisterRowMapper(EscalationFactsDao.ServiceFactsMapper.class)
@RegisterRowMapper(EscalationFactsDao.InitiativeFactsMapper.class)
@RegisterRowMapper(EscalationFactsDao.FailingMeasureMapper.class)
public interface EscalationFactsDao {

    /** Facts for every active service at {@code now}, ordered by team and service id. */
    default List<ServiceFacts> serviceFacts(Instant now, Periods periods) {
        return serviceFacts(CurrentPeriods.at(now, periods));
    }

    /** Facts for every planned or active initiative at {@code now}, ordered by team and initiative id. */
    default List<InitiativeFacts> initiativeFacts(Instant now, Periods periods) {
        return initiativeFacts(CurrentPeriods.at(now, periods));
    }

    @SqlQuery
    List<ServiceFacts> serviceFacts(@BindMethods CurrentPeriods current);

    @SqlQuery
    List<InitiativeFacts> initiativeFacts(@BindMethods CurrentPeriods current);

    /** Bindings of active services failing {@code least} periods running or more, by team, service and KPI name. */
    @SqlQuery
    List<FailingMeasure> failingMeasures(@Bind("least") int least);

    /**
     * The period under way at one moment in every region zone Java knows ({@code zones[i]} is in {@code periods[i]},
     * an ISO date; about 600, the IANA names Slack uses), and in UTC ({@code utc}) for any other name, as
     * {@link Periods#zone} falls back for an unknown one. SQL joins on the owner's tz, so it never parses a zone itself
     * and a bad name cannot fail the sweep.
     */
    record CurrentPeriods(String[] zones, String[] periods, LocalDate utc) {

        public static CurrentPeriods at(Instant now, Periods periods) {
            Set<String> ids = ZoneId.getAvailableZoneIds();
            String[] zones = ids.toArray(String[]::new);
            String[] starts = new String[zones.length];
            for (int i = 0; i < zones.length; i++) {
                starts[i] = periods.periodOf(now, ZoneId.of(zones[i])).toString();
            }
            return new CurrentPeriods(zones, starts, periods.periodOf(now, ZoneOffset.UTC));
        }
    }

    final class ServiceFactsMapper implements RowMapper<ServiceFacts> {
        @Override
        public ServiceFacts map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ServiceFacts(
                    rs.getLong("id"),
                    rs.getString("team_id"),
                    rs.getString("key"),
                    rs.getString("name"),
                    text(rs, "owner_id"),
                    rs.getBoolean("owner_active"),
                    rs.getString("owner_tz"),
                    text(rs, "deputy_id"),
                    text(rs, "team_channel"),
                    date(rs, "away_until"),
                    text(rs, "away_deputy_id"),
                    date(rs, "last_checkin_period"),
                    rs.getBoolean("excused_this_period"),
                    rs.getInt("red_streak"),
                    rs.getInt("kpi_off_streak"),
                    text(rs, "worst_kpi"),
                    date(rs, "last_excused_period"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                    rs.getBoolean("winding_down"));
        }
    }

    final class InitiativeFactsMapper implements RowMapper<InitiativeFacts> {
        @Override
        public InitiativeFacts map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new InitiativeFacts(
                    rs.getLong("id"),
                    rs.getString("team_id"),
                    rs.getString("key"),
                    rs.getString("name"),
                    text(rs, "owner_id"),
                    date(rs, "due_date"),
                    rs.getString("status"),
                    rs.getInt("linked_services"),
                    rs.getInt("linked_red"));
        }
    }

    final class FailingMeasureMapper implements RowMapper<FailingMeasure> {
        @Override
        public FailingMeasure map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new FailingMeasure(
                    rs.getLong("id"),
                    rs.getString("team_id"),
                    rs.getLong("service_id"),
                    text(rs, "kpi_name"),
                    rs.getString("query"),
                    rs.getInt("failing_periods"),
                    date(rs, "last_period"),
                    text(rs, "last_reason"),
                    rs.getString("last_detail"));
        }
    }

    private static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    private static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, LocalDate.class));
    }
}
