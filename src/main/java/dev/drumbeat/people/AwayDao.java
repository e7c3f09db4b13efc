package dev.drumbeat.people;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** People's away state ({@code people.away_until}, {@code people.away_deputy_id}) and what it covers. */
@RegisterRowMapper(AwayDao.StateMapper.class)
public interface AwayDao {

    @SqlQuery("select away_until, away_deputy_id from people where team_id = :teamId and user_id = :userId")
    Optional<AwayState> find(@Bind("teamId") String teamId, @Bind("userId") String userId);

    @SqlQuery("select away_until, away_deputy_id from people where team_id = :teamId and user_id = :userId for update")
    Optional<AwayState> lock(@Bind("teamId") String teamId, @Bind("userId") String userId);

    /** Sets (or, with nulls, clears) the away state. */
    @SqlUpdate("""
            update people set away_until = :until, away_deputy_id = :deputyId, updated_at = now()
             where team_id = :teamId and user_id = :userId""")
    int set(
            @Bind("teamId") String teamId,
            @Bind("userId") String userId,
            @Bind("until") LocalDate until,
            @Bind("deputyId") String deputyId);

    /** How many active services the person owns, and how many of those name a deputy other than them. */
    @SqlQuery("""
            select count(*) as owned, count(*) filter (where deputy_id is not null and deputy_id <> owner_id) as deputised
              from services where team_id = :teamId and owner_id = :userId and active""")
    @RegisterConstructorMapper(Coverage.class)
    Coverage coverage(@Bind("teamId") String teamId, @Bind("userId") String userId);

    /** Services someone owns ({@code owned}) and how many of them have their own deputy ({@code deputised}). */
    record Coverage(int owned, int deputised) {}

    final class StateMapper implements RowMapper<AwayState> {
        @Override
        public AwayState map(ResultSet rs, StatementContext ctx) throws SQLException {
            return state(rs);
        }
    }

    private static AwayState state(ResultSet rs) throws SQLException {
        Optional<LocalDate> until =
                Optional.ofNullable(rs.getDate("away_until")).map(Date::toLocalDate);
        return until.isEmpty()
                ? AwayState.PRESENT
                : new AwayState(until, Optional.ofNullable(rs.getString("away_deputy_id")));
    }
}
