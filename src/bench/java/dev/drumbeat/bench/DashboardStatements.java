package dev.drumbeat.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The statements the dashboard, its API and the charts run, named for {@link SqlTimings}. */
final class DashboardStatements {
    private DashboardStatements() {}

    /** Each statement by a phrase only its text contains; the first that matches names it. */
    static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put(
                "s.team_id = :teamId and s.active order by",
                "every service with its latest check-in (`CatalogDao.listServices`)");
        kinds.put(
                "s.team_id = :teamId and s.key = :key",
                "one service with its latest check-in (`CatalogDao.findListing`)");
        kinds.put("coalesce(nullif(real_name", "display names of everyone (`DashboardDao.names`)");
        kinds.put("from escalations e", "open stale escalations (`EscalationDao.listOpen`)");
        kinds.put("from dashboard_sessions", "the session (`DashboardAccessDao.findSession`)");
        kinds.put("from api_tokens", "the API token (`ApiTokenDao.findByHash`)");
        kinds.put("update api_tokens", "token last used (`ApiTokenDao.markUsed`)");
        kinds.put("from people", "the person, active and role (`PeopleDao.find`)");
        kinds.put("first_change", "totals by tier (`CatalogTotals`)");
        kinds.put("with weeks as", "the history's weeks (`DashboardDao.weeks`)");
        kinds.put("distinct on (r.kpi_id", "the history's KPI values (`DashboardDao.readings`)");
        kinds.put("select key, id from kpis", "KPI ids (`DashboardDao.kpiIds`)");
        kinds.put("distinct on (kpi_id, period_start)", "a chart's readings (`ChartDao.readings`)");
        kinds.put("from kpis where team_id = :teamId and id = :kpiId", "a chart's KPI (`ChartDao.kpi`)");
        kinds.put("r.value as last_value", "the service's KPIs (`CatalogDao.kpisOf`)");
        kinds.put("slack_outbox", "outbox sender's poll (background)");
        return kinds;
    }
}
