package dev.drumbeat.sandbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/**
 * What the demo's colleagues write as its weeks go by: check-ins and their word on key results. Each insert changes
 * nothing when the row is already there (the newcomer answered first, or an earlier catch-up did), or when the
 * service has changed hands or the key result's objective is no longer open since the demo began.
 */
interface DemoColleaguesDao {

    /** A colleague's word on a key result, named by its title, for one period. */
    record NewConfidence(String title, String ownerId, LocalDate periodStart, String confidence, OffsetDateTime at) {}

    @SqlBatch("""
            insert into checkins (team_id, service_id, period_start, status, hurdle, submitted_by, submitted_at)
            select :teamId, s.id, :periodStart, :status, :hurdle, :submittedBy, :at
              from services s
             where s.team_id = :teamId and s.key = :serviceKey and s.active and s.owner_id = :submittedBy
            on conflict (service_id, period_start) do nothing""")
    void insertCheckIns(@Bind("teamId") String teamId, @BindMethods List<DemoPortfolioDao.NewCheckIn> checkIns);

    @SqlBatch("""
            insert into key_result_confidence (key_result_id, period_start, confidence, recorded_by, recorded_at)
            select kr.id, :periodStart, :confidence, kr.owner_id, :at
              from key_results kr join objectives o on o.id = kr.objective_id
             where kr.team_id = :teamId and kr.title = :title and kr.owner_id = :ownerId and o.status = 'open'
            on conflict (key_result_id, period_start) do nothing""")
    void insertConfidence(@Bind("teamId") String teamId, @BindMethods List<NewConfidence> confidence);
}
