package dev.drumbeat.okr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The quarterly review's reads. */
@RegisterConstructorMapper(OkrReviewDao.DecisionOutcome.class)
@RegisterConstructorMapper(OkrDao.ObjectiveRow.class)
interface OkrReviewDao {

    /** A decision of the quarter: the saving it planned, and what the catalog shows was realised since. */
    record DecisionOutcome(long id, String question, BigDecimal planned, BigDecimal realised, boolean undone) {}

    /** Whether the outbox already holds a message under {@code key}: the review is built once, not every hour. */
    @SqlQuery("select exists (select 1 from slack_outbox where dedupe_key = :key)")
    boolean isQueued(@Bind("key") String key);

    /** Workspaces with objectives in the quarter or decisions recorded in it. */
    @SqlQuery("""
            select team_id from objectives where quarter = :quarter
             union
            select team_id from decisions where decided_at >= :start and decided_at < :end
             order by 1""")
    List<String> findTeams(@Bind("quarter") String quarter, @Bind("start") Instant start, @Bind("end") Instant end);

    @SqlQuery(
            "select id, quarter, title, owner_id, status from objectives where team_id = :teamId and quarter = :quarter"
                    + " order by id")
    List<OkrDao.ObjectiveRow> findObjectives(@Bind("teamId") String teamId, @Bind("quarter") String quarter);

    /**
     * Each decision recorded in the window, undone ones too (realising nothing). A service's saving is realised as far as its monthly cost has
     * fallen (retired: all of it); a paused initiative's while the decision still pauses it or it was cancelled.
     */
    @SqlQuery("""
            select d.id, d.question, d.expected_saving as planned, d.undone_at is not null as undone,
                   case when d.undone_at is not null then 0 else coalesce(sum(least(di.monthly_saving, greatest(0, di.monthly_saving - coalesce(
                       case when di.subject_kind = 'service' then
                                (select case when s.active then s.unit_cost * s.monthly_demand else 0 end
                                   from services s where s.id = di.subject_id)
                            else (select case when i.status = 'cancelled' or i.deprioritised_by = d.id then 0
                                              else di.monthly_saving end
                                    from initiatives i where i.id = di.subject_id)
                       end, 0)))), 0) end as realised
              from decisions d
              join decision_items di on di.decision_id = d.id
             where d.team_id = :teamId and d.decided_at >= :start and d.decided_at < :end
             group by d.id
             order by d.decided_at, d.id""")
    List<DecisionOutcome> findDecisions(
            @Bind("teamId") String teamId, @Bind("start") Instant start, @Bind("end") Instant end);

    /** Services and initiatives that were ownerless or stale from the quarter's start to its end, by name. */
    @SqlQuery("""
            select distinct coalesce(s.name, i.name) as name
              from escalations e
              left join services s on e.subject_kind = 'service' and s.id = e.subject_id
              left join initiatives i on e.subject_kind = 'initiative' and i.id = e.subject_id
             where e.team_id = :teamId and e.reason in ('ownerless', 'stale') and e.opened_at < :start
               and (e.closed_at is null or e.closed_at >= :end)
             order by 1""")
    List<String> findNeglected(@Bind("teamId") String teamId, @Bind("start") Instant start, @Bind("end") Instant end);
}
