package dev.drumbeat.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the dashboard reads beyond the catalog's listing: names, KPI ids and a service's weekly history. */
interface DashboardDao {

    /** One week of a service's history: its check-in, if any (a week with KPI readings only has none). */
    record Week(
            LocalDate periodStart,
            Optional<String> status,
            String hurdle,
            Optional<String> submittedBy,
            Optional<Instant> submittedAt) {}

    /** A KPI's value for one week: the latest recorded, as everywhere else (see V10__kpi_latest_reading.sql). */
    record Reading(long kpiId, LocalDate periodStart, BigDecimal value) {}

    /** Everyone's display name in the workspace: the real name when Slack gave one, else the handle. */
    @SqlQuery("select user_id, coalesce(nullif(real_name, ''), name) as name from people where team_id = :teamId")
    @KeyColumn("user_id")
    @ValueColumn("name")
    Map<String, String> names(@Bind("teamId") String teamId);

    @SqlQuery("select key, id from kpis where team_id = :teamId and service_id = :serviceId")
    @KeyColumn("key")
    @ValueColumn("id")
    Map<String, Long> kpiIds(@Bind("teamId") String teamId, @Bind("serviceId") long serviceId);

    /** The newest {@code :weeks} weeks with a check-in or a KPI reading, newest first. */
    @SqlQuery("""
            with weeks as (
                select period_start from checkins where team_id = :teamId and service_id = :serviceId
                union
                select r.period_start from kpi_readings r join kpis k on k.id = r.kpi_id
                 where k.team_id = :teamId and k.service_id = :serviceId
                order by period_start desc
                limit :weeks)
            select w.period_start, c.status, coalesce(c.hurdle, '') as hurdle, c.submitted_by, c.submitted_at
              from weeks w
              left join checkins c on c.service_id = :serviceId and c.period_start = w.period_start
             order by w.period_start desc""")
    @RegisterConstructorMapper(Week.class)
    List<Week> weeks(@Bind("teamId") String teamId, @Bind("serviceId") long serviceId, @Bind("weeks") int weeks);

    @SqlQuery("""
            select distinct on (r.kpi_id, r.period_start) r.kpi_id, r.period_start, r.value
              from kpi_readings r join kpis k on k.id = r.kpi_id
             where k.team_id = :teamId and k.service_id = :serviceId and r.period_start >= :since
             order by r.kpi_id, r.period_start, r.recorded_at desc, r.id desc""")
    @RegisterConstructorMapper(Reading.class)
    List<Reading> readings(
            @Bind("teamId") String teamId, @Bind("serviceId") long serviceId, @Bind("since") LocalDate since);
}
