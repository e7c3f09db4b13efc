package dev.drumbeat.catalog;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The keys of services' KPIs, which a line of the service modal or a CSV cell may bind to PromQL. */
public interface KpiKeysDao {

    /** A KPI's key with its service's key. */
    record ServiceKpi(String serviceKey, String kpiKey) {}

    @SqlQuery("""
            select k.key from kpis k join services s on s.id = k.service_id
             where s.team_id = :teamId and s.key = :serviceKey order by k.key""")
    List<String> ofService(@Bind("teamId") String teamId, @Bind("serviceKey") String serviceKey);

    @SqlQuery("""
            select s.key as service_key, k.key as kpi_key from kpis k join services s on s.id = k.service_id
             where s.team_id = :teamId order by s.key, k.key""")
    @RegisterConstructorMapper(ServiceKpi.class)
    List<ServiceKpi> ofTeam(@Bind("teamId") String teamId);
}
