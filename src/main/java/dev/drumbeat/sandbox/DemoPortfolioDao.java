package dev.drumbeat.sandbox;

import dev.drumbeat.core.ServiceMatcher;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The demo workspace's rows: claiming the workspace, counting what it holds, and the inserts of a load, one JDBI
 * batch per table so a load is a handful of round trips. Rows name services, KPIs and initiatives by key; a key that
 * matches nothing fails the insert (not null).
 */
interface DemoPortfolioDao {

    record NewPerson(String userId, String name, String realName, String tz, boolean deactivated, String role) {}

    record NewService(
            String key,
            String name,
            String tier,
            boolean isProtected,
            String ownerId,
            String deputyId,
            String teamChannel,
            BigDecimal unitCost,
            String unitName,
            BigDecimal monthlyDemand,
            BigDecimal monthlyValue,
            String description) {

        /** The name's matching form, which the database keeps unique per workspace. */
        public String nameKey() {
            return ServiceMatcher.nameKey(name);
        }
    }

    record NewKpi(String serviceKey, String key, String name, String unit, BigDecimal target, String direction) {}

    record NewReading(
            String serviceKey, String kpiKey, LocalDate periodStart, BigDecimal value, OffsetDateTime recordedAt) {}

    record NewCheckIn(
            String serviceKey,
            LocalDate periodStart,
            String status,
            String hurdle,
            String submittedBy,
            OffsetDateTime at) {}

    record NewInitiative(
            String key,
            String name,
            String ownerId,
            BigDecimal budget,
            BigDecimal monthlySlipCost,
            LocalDate dueDate,
            String status,
            boolean isProtected) {}

    /** An initiative and a service it delivers for. */
    record NewLink(String initiativeKey, String serviceKey) {}

    record NewObjective(String quarter, String title, String ownerId, String status, OffsetDateTime at) {}

    /** A key result of the objective titled {@code objectiveTitle} in {@code quarter}; its KPI named by keys. */
    record NewKeyResult(
            String quarter,
            String objectiveTitle,
            String title,
            String kind,
            String ownerId,
            String serviceKey,
            String kpiKey,
            BigDecimal baseline,
            BigDecimal target,
            boolean done,
            String evidence,
            OffsetDateTime at) {}

    /** Creates or names the workspace; the row lock makes a concurrent second load wait, then find the services. */
    @SqlUpdate("""
            insert into workspaces (team_id, name) values (:teamId, :name)
            on conflict (team_id) do update
               set name = case when workspaces.name = '' then excluded.name else workspaces.name end""")
    void claimWorkspace(@Bind("teamId") String teamId, @Bind("name") String name);

    @SqlQuery("select exists (select 1 from services where team_id = :teamId)")
    boolean hasServices(@Bind("teamId") String teamId);

    @SqlQuery("""
            select (select count(*) from people where team_id = :teamId) as people,
                   (select count(*) from services where team_id = :teamId) as services,
                   (select count(*) from kpis where team_id = :teamId) as kpis,
                   (select count(*) from kpi_readings where team_id = :teamId) as readings,
                   (select count(*) from checkins where team_id = :teamId) as check_ins,
                   (select count(*) from initiatives where team_id = :teamId) as initiatives""")
    @RegisterConstructorMapper(DemoPortfolio.Summary.class)
    DemoPortfolio.Summary count(@Bind("teamId") String teamId);

    @SqlBatch("""
            insert into people (team_id, user_id, name, real_name, tz, deactivated, role, updated_at)
            values (:teamId, :userId, :name, :realName, :tz, :deactivated, :role, :at)
            on conflict (team_id, user_id) do update set name = excluded.name, real_name = excluded.real_name,
                   tz = excluded.tz, deactivated = excluded.deactivated, role = excluded.role""")
    void insertPeople(
            @Bind("teamId") String teamId, @BindMethods List<NewPerson> people, @Bind("at") OffsetDateTime at);

    @SqlBatch("""
            insert into services (team_id, key, name, name_key, tier, is_protected, owner_id, deputy_id, team_channel,
                                  unit_cost, unit_name, monthly_demand, monthly_value, description,
                                  created_at, updated_at, owner_since)
            values (:teamId, :key, :name, :nameKey, :tier, :isProtected, :ownerId, :deputyId, :teamChannel,
                    :unitCost, :unitName, :monthlyDemand, :monthlyValue, :description, :at, :at, :at)""")
    void insertServices(
            @Bind("teamId") String teamId, @BindMethods List<NewService> services, @Bind("at") OffsetDateTime at);

    @SqlBatch("""
            insert into kpis (team_id, service_id, key, name, unit, target, direction, created_at)
            values (:teamId, (select id from services where team_id = :teamId and key = :serviceKey),
                    :key, :name, :unit, :target, :direction, :at)""")
    void insertKpis(@Bind("teamId") String teamId, @BindMethods List<NewKpi> kpis, @Bind("at") OffsetDateTime at);

    @SqlBatch("""
            insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_at)
            values (:teamId, (select k.id from kpis k join services s on s.id = k.service_id
                               where s.team_id = :teamId and s.key = :serviceKey and k.key = :kpiKey),
                    :periodStart, :value, 'demo', :recordedAt)""")
    void insertReadings(@Bind("teamId") String teamId, @BindMethods List<NewReading> readings);

    @SqlBatch("""
            insert into checkins (team_id, service_id, period_start, status, hurdle, submitted_by, submitted_at)
            values (:teamId, (select id from services where team_id = :teamId and key = :serviceKey),
                    :periodStart, :status, :hurdle, :submittedBy, :at)""")
    void insertCheckIns(@Bind("teamId") String teamId, @BindMethods List<NewCheckIn> checkIns);

    @SqlBatch("""
            insert into initiatives (team_id, key, name, owner_id, budget, monthly_slip_cost, due_date, status,
                                     is_protected, created_at, updated_at)
            values (:teamId, :key, :name, :ownerId, :budget, :monthlySlipCost, :dueDate, :status,
                    :isProtected, :at, :at)""")
    void insertInitiatives(
            @Bind("teamId") String teamId, @BindMethods List<NewInitiative> initiatives, @Bind("at") OffsetDateTime at);

    @SqlBatch("""
            insert into objectives (team_id, quarter, title, owner_id, status, created_at)
            values (:teamId, :quarter, :title, :ownerId, :status, :at)""")
    void insertObjectives(@Bind("teamId") String teamId, @BindMethods List<NewObjective> objectives);

    @SqlBatch("""
            insert into key_results (team_id, objective_id, title, kind, owner_id, kpi_id, baseline, target, done,
                                     evidence, created_at)
            values (:teamId,
                    (select id from objectives where team_id = :teamId and quarter = :quarter and title = :objectiveTitle),
                    :title, :kind, :ownerId,
                    (select k.id from kpis k join services s on s.id = k.service_id
                      where s.team_id = :teamId and s.key = :serviceKey and k.key = :kpiKey),
                    :baseline, :target, :done, :evidence, :at)""")
    void insertKeyResults(@Bind("teamId") String teamId, @BindMethods List<NewKeyResult> keyResults);

    @SqlBatch("""
            insert into initiative_services (initiative_id, service_id, team_id)
            values ((select id from initiatives where team_id = :teamId and key = :initiativeKey),
                    (select id from services where team_id = :teamId and key = :serviceKey), :teamId)""")
    void linkServices(@Bind("teamId") String teamId, @BindMethods List<NewLink> links);
}
