package dev.drumbeat.escalation.settings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reads and writes a workspace's row in escalation_settings, for `/drumbeat settings`. */
@RegisterRowMapper(EscalationSettingsDao.SettingsMapper.class)
interface EscalationSettingsDao {
    String COLUMNS = """
            grace_hours, red_streak, kpi_off_periods, level2_after_hours, level3_after_hours, digest_day, digest_hour, digest_tz,
            drift_trend_percent, drift_spike_percent, unallocated_percent""";

    @SqlQuery("select " + COLUMNS + " from escalation_settings where team_id = :team")
    Optional<EscalationSettings> find(@Bind("team") String teamId);

    /** Gives the workspace its row of defaults if it has none, so the next statement can lock it. */
    @SqlUpdate("insert into escalation_settings (team_id) values (:team) on conflict (team_id) do nothing")
    void ensure(@Bind("team") String teamId);

    @SqlQuery("select " + COLUMNS + " from escalation_settings where team_id = :team for update")
    EscalationSettings lock(@Bind("team") String teamId);

    default void save(String teamId, EscalationSettings s) {
        update(
                teamId,
                s.graceHours(),
                s.redStreak(),
                s.kpiWeeks(),
                s.teamAfterHours(),
                s.leadershipAfterHours(),
                s.digestDay().name(),
                s.digestHour(),
                s.digestZone().getId(),
                s.costs().driftTrendPercent(),
                s.costs().driftSpikePercent(),
                s.costs().unallocatedPercent());
    }

    @SqlUpdate("""
            update escalation_settings
               set grace_hours = :grace, red_streak = :red, kpi_off_periods = :kpi, level2_after_hours = :team_after,
                   level3_after_hours = :leadership_after, digest_day = :day, digest_hour = :hour, digest_tz = :tz,
                   drift_trend_percent = :trend, drift_spike_percent = :spike, unallocated_percent = :unallocated
             where team_id = :team""")
    void update(
            @Bind("team") String teamId,
            @Bind("grace") int graceHours,
            @Bind("red") int redStreak,
            @Bind("kpi") int kpiWeeks,
            @Bind("team_after") int teamAfterHours,
            @Bind("leadership_after") int leadershipAfterHours,
            @Bind("day") String day,
            @Bind("hour") int hour,
            @Bind("tz") String tz,
            @Bind("trend") int driftTrendPercent,
            @Bind("spike") int driftSpikePercent,
            @Bind("unallocated") int unallocatedPercent);

    final class SettingsMapper implements RowMapper<EscalationSettings> {
        @Override
        public EscalationSettings map(ResultSet rs, StatementContext ctx) throws SQLException {
            // The digest's columns are read exactly as the digest reads them, so what is shown is what applies.
            DigestSchedule digest =
                    DigestSchedule.of(rs.getString("digest_day"), rs.getInt("digest_hour"), rs.getString("digest_tz"));
            return new EscalationSettings(
                    rs.getInt("grace_hours"),
                    rs.getInt("red_streak"),
                    rs.getInt("kpi_off_periods"),
                    rs.getInt("level2_after_hours"),
                    rs.getInt("level3_after_hours"),
                    digest.day(),
                    digest.hour(),
                    digest.zone(),
                    new EscalationSettings.Costs(
                            rs.getInt("drift_trend_percent"),
                            rs.getInt("drift_spike_percent"),
                            rs.getInt("unallocated_percent")));
        }
    }
}
