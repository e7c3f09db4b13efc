package dev.drumbeat.checkin;

import dev.drumbeat.catalog.CatalogMappers;
import dev.drumbeat.catalog.Service;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Check-ins and KPI readings, with the services and prompts they belong to. */
@RegisterRowMapper(CatalogMappers.ServiceMapper.class)
@RegisterRowMapper(CheckInMappers.CheckInMapper.class)
@RegisterRowMapper(CheckInMappers.CheckInKpiMapper.class)
@RegisterRowMapper(CheckInMappers.KpiMapper.class)
public interface CheckInDao {

    @SqlQuery("select * from services where team_id = :teamId and key = :key and active")
    Optional<Service> findService(@Bind("teamId") String teamId, @Bind("key") String key);

    /** Locks the service so that check-ins of one service are recorded one after another. */
    @SqlQuery("select * from services where team_id = :teamId and key = :key and active for update")
    Optional<Service> lockService(@Bind("teamId") String teamId, @Bind("key") String key);

    /** The services a person answers for in {@code :period}: as owner, as deputy, or covering because a prompt asked. */
    String ANSWERED_BY = """
            select s.* from services s
             where s.team_id = :teamId and s.active
               and (s.owner_id = :userId or s.deputy_id = :userId
                    or exists (select 1 from checkin_prompt_services ps join checkin_prompts p on p.id = ps.prompt_id
                                where ps.service_id = s.id and p.team_id = s.team_id and p.user_id = :userId
                                  and p.period_start = :period))
            """;

    /** Services someone answers for in a period: as owner, as deputy, or because a prompt asked them to cover. */
    @SqlQuery(ANSWERED_BY + " order by lower(s.name), s.key")
    List<Service> answeredBy(
            @Bind("teamId") String teamId, @Bind("userId") String userId, @Bind("period") LocalDate period);

    /** The same services, but only those with no check-in for the period yet. */
    @SqlQuery(ANSWERED_BY + " and not exists (select 1 from checkins c where c.service_id = s.id"
            + " and c.period_start = :period) order by lower(s.name), s.key")
    List<Service> pendingFor(
            @Bind("teamId") String teamId, @Bind("userId") String userId, @Bind("period") LocalDate period);

    @SqlQuery("""
            select exists (select 1 from checkin_prompt_services ps join checkin_prompts p on p.id = ps.prompt_id
                            where ps.service_id = :serviceId and p.user_id = :userId and p.period_start = :period)""")
    boolean isPrompted(
            @Bind("serviceId") long serviceId, @Bind("userId") String userId, @Bind("period") LocalDate period);

    @SqlQuery("""
            select k.id, k.key, k.name, k.unit, k.target, k.direction,
                   prev.value as previous_value, prev.period_start as previous_period, cur.value as current_value,
                   cur.source as current_source
              from kpis k
              left join lateral (select value, period_start from kpi_readings r
                                  where r.kpi_id = k.id and r.period_start < :period
                                  order by r.period_start desc, r.recorded_at desc limit 1) prev on true
              left join lateral (select value, source from kpi_readings r where r.kpi_id = k.id and r.period_start = :period
                                  order by (r.source = 'checkin') desc, (r.source = 'prometheus'), r.recorded_at desc limit 1) cur on true
             where k.service_id = :serviceId
             order by lower(k.name), k.key""")
    List<CheckInKpi> kpisOf(@Bind("serviceId") long serviceId, @Bind("period") LocalDate period);

    @SqlQuery(
            "select id, key, name, unit, target, direction from kpis where service_id = :serviceId order by lower(name), key")
    List<Kpi> kpiDefinitions(@Bind("serviceId") long serviceId);

    @SqlQuery("select * from checkins where service_id = :serviceId and period_start = :period")
    Optional<CheckIn> find(@Bind("serviceId") long serviceId, @Bind("period") LocalDate period);

    @SqlQuery("""
            select k.key, r.value from kpi_readings r join kpis k on k.id = r.kpi_id
             where k.service_id = :serviceId and r.period_start = :period and r.source = :source""")
    @KeyColumn("key")
    @ValueColumn("value")
    Map<String, BigDecimal> readings(
            @Bind("serviceId") long serviceId, @Bind("period") LocalDate period, @Bind("source") String source);

    @SqlQuery("select value from kpi_readings where kpi_id = :kpiId and period_start = :period and source = :source")
    Optional<BigDecimal> reading(
            @Bind("kpiId") long kpiId, @Bind("period") LocalDate period, @Bind("source") String source);

    /** The first submission inserts; later ones edit the same row and count a revision. */
    @SqlUpdate("""
            insert into checkins (team_id, service_id, period_start, status, hurdle, note, submitted_by, submitted_at,
                                  updated_at, revision)
            values (:teamId, :serviceId, :period, :status, :hurdle, :note, :userId, :now, :now, 1)
            on conflict (service_id, period_start) do update
               set status = excluded.status, hurdle = excluded.hurdle, note = excluded.note,
                   updated_at = excluded.updated_at, revision = checkins.revision + 1""")
    void upsert(
            @Bind("teamId") String teamId,
            @Bind("serviceId") long serviceId,
            @Bind("period") LocalDate period,
            @Bind("status") String status,
            @Bind("hurdle") String hurdle,
            @Bind("note") String note,
            @Bind("userId") String userId,
            @Bind("now") Instant now);

    /** One reading per KPI, period and source: recording again replaces the value. */
    @SqlUpdate("""
            insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_by, recorded_at)
            values (:teamId, :kpiId, :period, :value, :source, :userId, :now)
            on conflict (kpi_id, period_start, source) do update
               set value = excluded.value, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
    void upsertReading(
            @Bind("teamId") String teamId,
            @Bind("kpiId") long kpiId,
            @Bind("period") LocalDate period,
            @Bind("value") BigDecimal value,
            @Bind("source") String source,
            @Bind("userId") String userId,
            @Bind("now") Instant now);

    /** The weekly prompts that list this service for the period, whose DMs show its check-in. */
    @SqlQuery("""
            select p.id from checkin_prompts p join checkin_prompt_services ps on ps.prompt_id = p.id
             where p.team_id = :teamId and ps.service_id = :serviceId and p.period_start = :period order by p.id""")
    List<Long> promptsListing(
            @Bind("teamId") String teamId, @Bind("serviceId") long serviceId, @Bind("period") LocalDate period);
}
