package dev.drumbeat.checkin;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The set-based reads behind the weekly prompt sweep: one query each, whatever the catalog's size. */
@RegisterRowMapper(PromptDao.CandidateMapper.class)
public interface PromptDao {

    @SqlQuery("""
            select s.id, s.team_id, s.key, s.name, s.owner_id, o.tz as owner_tz, o.away_until,
                   ad.user_id as away_deputy_id, ad.tz as away_deputy_tz, d.user_id as deputy_id, d.tz as deputy_tz
              from services s
              join people o on o.team_id = s.team_id and o.user_id = s.owner_id and not o.deactivated
              left join people ad on ad.team_id = s.team_id and ad.user_id = o.away_deputy_id and not ad.deactivated
              left join people d on d.team_id = s.team_id and d.user_id = s.deputy_id and not d.deactivated
             where s.active
             order by s.team_id, s.id""")
    List<PromptCandidate> candidates();

    /** "team|user|period" of every prompt since a date. */
    @SqlQuery("select team_id || '|' || user_id || '|' || period_start from checkin_prompts where period_start >= :since")
    List<String> promptedSince(@Bind("since") LocalDate since);

    /** "service id|period" of every check-in or excusal since a date: nothing to ask for those. */
    @SqlQuery("""
            select service_id || '|' || period_start from checkins where period_start >= :since
            union all
            select service_id || '|' || period_start from checkin_excusals where period_start >= :since""")
    List<String> answeredSince(@Bind("since") LocalDate since);

    final class CandidateMapper implements RowMapper<PromptCandidate> {
        @Override
        public PromptCandidate map(ResultSet rs, StatementContext ctx) throws SQLException {
            Date away = rs.getDate("away_until");
            return new PromptCandidate(rs.getLong("id"), rs.getString("team_id"), rs.getString("key"), rs.getString("name"),
                    rs.getString("owner_id"), rs.getString("owner_tz"), Optional.ofNullable(away).map(Date::toLocalDate),
                    person(rs, "away_deputy_id", "away_deputy_tz"), person(rs, "deputy_id", "deputy_tz"));
        }

        private static Optional<PromptCandidate.Person> person(ResultSet rs, String id, String tz) throws SQLException {
            String userId = rs.getString(id);
            return userId == null ? Optional.empty() : Optional.of(new PromptCandidate.Person(userId, rs.getString(tz)));
        }
    }
}
