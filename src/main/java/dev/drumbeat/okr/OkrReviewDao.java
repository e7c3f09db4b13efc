package dev.drumbeat.okr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The quarterly review's reads. */
@RegisterConstructorMapper(OkrReviewDao.DecisionRow.class)
@RegisterConstructorMapper(OkrDao.ObjectiveRow.class)
interface OkrReviewDao {

    /**
     * A decision of the quarter: the saving it planned, whether it was undone, when it was made, the services it
     * deprioritised (whose realised saving the bills measure), and the initiatives it paused with what they realise:
     * their monthly budget while the decision still pauses them or once they were cancelled.
     */
    record DecisionRow(
            long id,
            String question,
            BigDecimal planned,
            boolean undone,
            Instant decidedAt,
            List<Long> serviceIds,
            int initiatives,
            BigDecimal initiativesRealised) {}

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

    /** Each decision recorded in the window, undone ones too, oldest first. */
    @SqlQuery("""
            select d.id, d.question, d.expected_saving as planned, d.undone_at is not null as undone, d.decided_at,
                   array(select di.subject_id from decision_items di
                          where di.decision_id = d.id and di.subject_kind = 'service'
                          order by di.subject_id) as service_ids,
                   (select count(*) from decision_items di
                     where di.decision_id = d.id and di.subject_kind = 'initiative') as initiatives,
                   coalesce((select sum(di.monthly_saving) from decision_items di
                              join initiatives i on i.id = di.subject_id
                             where di.decision_id = d.id and di.subject_kind = 'initiative'
                               and (i.status = 'cancelled' or i.deprioritised_by = d.id)), 0) as initiatives_realised
              from decisions d
             where d.team_id = :teamId and d.decided_at >= :start and d.decided_at < :end
             order by d.decided_at, d.id""")
    List<DecisionRow> findDecisions(
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
