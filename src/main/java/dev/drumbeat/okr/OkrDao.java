package dev.drumbeat.okr;

import dev.drumbeat.checkin.KeyResultConfidence;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Objectives, key results and owners' confidence. */
@RegisterConstructorMapper(OkrDao.ObjectiveRow.class)
@RegisterConstructorMapper(OkrDao.KeyResultRow.class)
interface OkrDao {

    record ObjectiveRow(long id, String quarter, String title, Optional<String> ownerId, String status) {}

    /**
     * A key result with its KPI as it stands: the KPI's latest value, and its value in each of the last periods,
     * oldest first, for vanity; {@code confidence} is the owner's latest word, if still recent. A result set before its
     * KPI had a reading takes the first reading since as its baseline.
     */
    record KeyResultRow(
            long id,
            long objectiveId,
            String title,
            String kind,
            Optional<String> ownerId,
            Optional<Long> kpiId,
            Optional<String> kpiName,
            Optional<String> kpiUnit,
            Optional<String> serviceName,
            Optional<String> direction,
            Optional<BigDecimal> baseline,
            Optional<BigDecimal> target,
            Optional<BigDecimal> current,
            boolean done,
            String evidence,
            Optional<String> confidence,
            List<BigDecimal> recent,
            LocalDate createdOn) {
        public KeyResultRow {
            recent = recent == null ? List.of() : List.copyOf(recent);
        }
    }

    /** An objective left open from an earlier quarter, with the owner to ask about it. */
    record Due(long id, String teamId, String quarter, String title, String ownerId) {}

    String OBJECTIVE = "select id, quarter, title, owner_id, status from objectives";

    @SqlQuery(OBJECTIVE + " where team_id = :teamId and id = :id for update")
    Optional<ObjectiveRow> lockObjective(@Bind("teamId") String teamId, @Bind("id") long id);

    /** Open objectives of quarters before {@code quarter} that have an owner, in every workspace. */
    @SqlQuery("""
            select id, team_id, quarter, title, owner_id from objectives
             where status = 'open' and quarter < :quarter and owner_id is not null order by id""")
    @RegisterConstructorMapper(Due.class)
    List<Due> findDueForRollover(@Bind("quarter") String quarter);

    @SqlQuery(OBJECTIVE + " where team_id = :teamId and quarter = :quarter and status = 'open' order by id")
    List<ObjectiveRow> findObjectives(@Bind("teamId") String teamId, @Bind("quarter") String quarter);

    @SqlQuery(OBJECTIVE + " where team_id = :teamId and id = :id")
    Optional<ObjectiveRow> findObjective(@Bind("teamId") String teamId, @Bind("id") long id);

    @SqlQuery("select objective_id from key_results where team_id = :teamId and id = :id")
    Optional<Long> findObjectiveIdOf(@Bind("teamId") String teamId, @Bind("id") long keyResultId);

    /** The new objective {@code id} carries on {@code rolledFrom}. */
    @SqlUpdate("update objectives set rolled_from = :rolledFrom where id = :id")
    void markRolledFrom(@Bind("id") long id, @Bind("rolledFrom") long rolledFrom);

    @SqlUpdate("update objectives set status = 'rolled_over' where id = :id")
    void markRolledOver(@Bind("id") long id);

    @SqlUpdate("update objectives set status = 'closed' where id = :id")
    void markClosed(@Bind("id") long id);

    @SqlQuery("""
            select kr.id, kr.objective_id, kr.title, kr.kind, kr.owner_id, kr.kpi_id, k.name as kpi_name,
                   k.unit as kpi_unit, s.name as service_name, k.direction,
                   coalesce(kr.baseline, (select r.value from kpi_readings r where r.kpi_id = k.id
                                           and r.recorded_at >= kr.created_at
                                          order by r.period_start, r.recorded_at, r.id limit 1)) as baseline,
                   kr.target, k.latest_value as current, kr.done, kr.evidence,
                   (select c.confidence from key_result_confidence c
                     where c.key_result_id = kr.id and c.period_start >= :confidenceSince
                     order by c.period_start desc limit 1) as confidence,
                   array(select r.value
                           from (select distinct on (period_start) period_start, value
                                   from kpi_readings where kpi_id = k.id
                                  order by period_start desc, recorded_at desc, id desc
                                  limit :periods) r
                          order by r.period_start) as recent,
                   cast(kr.created_at at time zone 'UTC' as date) as created_on
              from key_results kr
              left join kpis k on k.id = kr.kpi_id
              left join services s on s.id = k.service_id
             where kr.team_id = :teamId and kr.objective_id in (<objectives>)
             order by kr.objective_id, kr.id""")
    List<KeyResultRow> findKeyResults(
            @Bind("teamId") String teamId,
            @BindList("objectives") List<Long> objectiveIds,
            @Bind("periods") int periods,
            @Bind("confidenceSince") LocalDate confidenceSince);

    @SqlUpdate("""
            insert into objectives (team_id, quarter, title, owner_id, created_at)
            values (:teamId, :quarter, :title, :ownerId, :at)""")
    @GetGeneratedKeys("id")
    long insertObjective(
            @Bind("teamId") String teamId,
            @Bind("quarter") String quarter,
            @Bind("title") String title,
            @Bind("ownerId") String ownerId,
            @Bind("at") Instant at);

    @SqlUpdate("""
            insert into key_results (team_id, objective_id, title, kind, owner_id, kpi_id, baseline, target, created_at)
            values (:teamId, :objectiveId, :title, :kind, :ownerId, :kpiId, :baseline, :target, :at)""")
    @GetGeneratedKeys("id")
    long insertKeyResult(
            @Bind("teamId") String teamId,
            @Bind("objectiveId") long objectiveId,
            @Bind("title") String title,
            @Bind("kind") String kind,
            @Bind("ownerId") String ownerId,
            @Bind("kpiId") Long kpiId,
            @Bind("baseline") BigDecimal baseline,
            @Bind("target") BigDecimal target,
            @Bind("at") Instant at);

    /**
     * A service's KPI, each named by its key or its name as the card shows it (case, spaces and punctuation aside):
     * {@code payments-gateway/availability} or {@code Payments Gateway/Availability}.
     */
    @SqlQuery("""
            select k.id from kpis k join services s on s.id = k.service_id
             where s.team_id = :teamId and s.active
               and (s.key = lower(:service) or regexp_replace(lower(s.name), '[^a-z0-9]', '', 'g')
                                               = regexp_replace(lower(:service), '[^a-z0-9]', '', 'g'))
               and (k.key = lower(:kpi) or regexp_replace(lower(k.name), '[^a-z0-9]', '', 'g')
                                           = regexp_replace(lower(:kpi), '[^a-z0-9]', '', 'g'))
             order by k.id limit 1""")
    Optional<Long> findKpi(@Bind("teamId") String teamId, @Bind("service") String service, @Bind("kpi") String kpi);

    @SqlQuery("select latest_value from kpis where id = :id")
    Optional<BigDecimal> findLatestValue(@Bind("id") long kpiId);

    @SqlUpdate("""
            update key_results set baseline = case when kpi_id is distinct from :kpiId then :baseline else baseline end,
                   kpi_id = :kpiId
             where team_id = :teamId and id = :id""")
    int link(
            @Bind("teamId") String teamId,
            @Bind("id") long keyResultId,
            @Bind("kpiId") long kpiId,
            @Bind("baseline") BigDecimal baseline);

    @SqlUpdate("update key_results set done = true, evidence = :evidence where team_id = :teamId and id = :id")
    int markDone(@Bind("teamId") String teamId, @Bind("id") long keyResultId, @Bind("evidence") String evidence);

    @SqlUpdate("""
            insert into key_result_confidence (key_result_id, period_start, confidence, recorded_by, recorded_at)
            values (:id, :period, :confidence, :by, :at)
            on conflict (key_result_id, period_start) do update
               set confidence = excluded.confidence, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
    void recordConfidence(
            @Bind("id") long keyResultId,
            @Bind("period") LocalDate period,
            @Bind("confidence") String confidence,
            @Bind("by") String by,
            @Bind("at") Instant at);

    /**
     * Copies an objective's key results into another, measured afresh: each measured one starts from its KPI's latest
     * value (its old baseline when the KPI has none); a milestone already done is left behind.
     */
    @SqlUpdate("""
            insert into key_results (team_id, objective_id, title, kind, owner_id, kpi_id, baseline, target, created_at)
            select kr.team_id, :to, kr.title, kr.kind, kr.owner_id, kr.kpi_id, coalesce(k.latest_value, kr.baseline),
                   kr.target, :at
              from key_results kr left join kpis k on k.id = kr.kpi_id
             where kr.objective_id = :from and not (kr.kind = 'milestone' and kr.done)""")
    void copyKeyResults(@Bind("from") long fromObjectiveId, @Bind("to") long toObjectiveId, @Bind("at") Instant at);

    /**
     * The key results a person owns of open objectives measured by one service's KPIs, each with what its owner said
     * of it for {@code period}, if anything.
     */
    @SqlQuery("""
            select kr.id as key_result_id, kr.title,
                   (select c.confidence from key_result_confidence c
                     where c.key_result_id = kr.id and c.period_start = :period) as current
              from key_results kr
              join objectives o on o.id = kr.objective_id and o.status = 'open'
              join kpis k on k.id = kr.kpi_id
              join services s on s.id = k.service_id
             where kr.team_id = :teamId and s.key = :serviceKey and kr.owner_id = :userId
             order by kr.id""")
    @RegisterConstructorMapper(KeyResultConfidence.Asked.class)
    List<KeyResultConfidence.Asked> findAsked(
            @Bind("teamId") String teamId,
            @Bind("serviceKey") String serviceKey,
            @Bind("userId") String userId,
            @Bind("period") LocalDate period);

    /** Records an owner's word on a key result of theirs; nothing when the key result is not theirs. */
    @SqlUpdate("""
            insert into key_result_confidence (key_result_id, period_start, confidence, recorded_by, recorded_at)
            select kr.id, :period, :choice, :userId, :at from key_results kr
             where kr.id = :id and kr.team_id = :teamId and kr.owner_id = :userId
            on conflict (key_result_id, period_start) do update
               set confidence = excluded.confidence, recorded_by = excluded.recorded_by,
                   recorded_at = excluded.recorded_at""")
    void recordOwnConfidence(
            @Bind("teamId") String teamId,
            @Bind("userId") String userId,
            @Bind("id") long keyResultId,
            @Bind("period") LocalDate period,
            @Bind("choice") String choice,
            @Bind("at") Instant at);
}
