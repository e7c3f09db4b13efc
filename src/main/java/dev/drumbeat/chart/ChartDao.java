package dev.drumbeat.chart;

import dev.drumbeat.checkin.Kpi;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the charts draw: KPIs (always scoped by workspace) and their readings, one per period. */
@RegisterConstructorMapper(Kpi.class)
@RegisterConstructorMapper(TrendPoint.class)
interface ChartDao {

    /** A service's name and plan (unit cost × monthly demand), for its plan-against-actual chart. */
    record PlannedService(String name, BigDecimal plan) {}

    @SqlQuery("select name, unit_cost * monthly_demand as plan from services where team_id = :teamId and id = :id")
    @RegisterConstructorMapper(PlannedService.class)
    Optional<PlannedService> plannedService(@Bind("teamId") String teamId, @Bind("id") long serviceId);

    String KPI = "select id, key, name, unit, target, direction from kpis";

    @SqlQuery(KPI + " where team_id = :teamId and id = :kpiId")
    Optional<Kpi> kpi(@Bind("teamId") String teamId, @Bind("kpiId") long kpiId);

    @SqlQuery(KPI + " where team_id = :teamId and service_id = :serviceId order by lower(name), id")
    List<Kpi> kpisOf(@Bind("teamId") String teamId, @Bind("serviceId") long serviceId);

    /** Per KPI and period the latest reading (latest recorded, then highest id), for periods starting after {@code since}. */
    @SqlQuery("""
            select distinct on (kpi_id, period_start) kpi_id, period_start, value
              from kpi_readings
             where team_id = :teamId and kpi_id in (<kpiIds>) and period_start > :since
             order by kpi_id, period_start, recorded_at desc, id desc""")
    List<TrendPoint> readings(
            @Bind("teamId") String teamId, @BindList("kpiIds") List<Long> kpiIds, @Bind("since") LocalDate since);
}
