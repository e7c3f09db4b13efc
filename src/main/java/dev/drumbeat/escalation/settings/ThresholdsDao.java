package dev.drumbeat.escalation.settings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** A workspace's escalation thresholds (table escalation_settings); a workspace without a row has the defaults. */
@RegisterRowMapper(ThresholdsDao.ThresholdsMapper.class)
public interface ThresholdsDao {
    String COLUMNS = "team_id, grace_hours, red_streak, kpi_off_periods, level2_after_hours, level3_after_hours,"
            + " drift_trend_percent, drift_spike_percent, unallocated_percent";

    /** The workspace's thresholds, or {@link Thresholds#defaults()} when it has never changed them. */
    default Thresholds thresholds(String teamId) {
        return find(teamId).orElse(Thresholds.defaults());
    }

    @SqlQuery("select " + COLUMNS + " from escalation_settings where team_id = :teamId")
    Optional<Thresholds> find(@Bind("teamId") String teamId);

    /** Every workspace that has a row, by team id, for a sweep over all of them; absent teams have the defaults. */
    @SqlQuery("select " + COLUMNS + " from escalation_settings")
    @KeyColumn("team_id")
    Map<String, Thresholds> thresholdsByTeam();

    final class ThresholdsMapper implements RowMapper<Thresholds> {
        @Override
        public Thresholds map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Thresholds(
                    Duration.ofHours(rs.getInt("grace_hours")),
                    rs.getInt("red_streak"),
                    rs.getInt("kpi_off_periods"),
                    Duration.ofHours(rs.getInt("level2_after_hours")),
                    Duration.ofHours(rs.getInt("level3_after_hours")),
                    rs.getInt("drift_trend_percent"),
                    rs.getInt("drift_spike_percent"),
                    rs.getInt("unallocated_percent"));
        }
    }
}
