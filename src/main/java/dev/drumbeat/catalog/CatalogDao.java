package dev.drumbeat.catalog;

import dev.drumbeat.core.ServiceMatcher;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Services, their KPIs and latest check-ins, always scoped by the workspace's team id. */
@RegisterRowMapper(CatalogMappers.ServiceMapper.class)
@RegisterRowMapper(CatalogMappers.ListingMapper.class)
@RegisterRowMapper(CatalogMappers.KpiStatusMapper.class)
public interface CatalogDao {

    String LISTING = """
            select s.*, c.status as checkin_status, c.period_start as checkin_period, c.hurdle as checkin_hurdle,
                   c.submitted_by as checkin_by, c.submitted_at as checkin_at,
                   coalesce(o.deactivated, false) as owner_deactivated
              from services s
              left join people o on o.team_id = s.team_id and o.user_id = s.owner_id
              left join lateral (select * from checkins ci where ci.service_id = s.id
                                  order by ci.period_start desc limit 1) c on true
            """;

    @SqlQuery(LISTING + " where s.team_id = :teamId and s.active order by lower(s.name)")
    List<ServiceListing> listServices(@Bind("teamId") String teamId);

    @SqlQuery(LISTING + " where s.team_id = :teamId and s.key = :key and s.active")
    Optional<ServiceListing> findListing(@Bind("teamId") String teamId, @Bind("key") String key);

    @SqlQuery("select * from services where team_id = :teamId and key = :key and active")
    Optional<Service> findByKey(@Bind("teamId") String teamId, @Bind("key") String key);

    @SqlQuery("select * from services where team_id = :teamId and key = :key for update")
    Optional<Service> lockByKey(@Bind("teamId") String teamId, @Bind("key") String key);

    @SqlQuery("select * from services where team_id = :teamId and active and owner_id = :userId order by lower(name)")
    List<Service> findOwnedBy(@Bind("teamId") String teamId, @Bind("userId") String userId);

    @SqlQuery("select * from services where team_id = :teamId and active order by key")
    List<Service> findAll(@Bind("teamId") String teamId);

    /** Just what name matching needs, in catalog order. */
    @SqlQuery("select key, name from services where team_id = :teamId and active order by key")
    @RegisterConstructorMapper(ServiceMatcher.Candidate.class)
    List<ServiceMatcher.Candidate> candidates(@Bind("teamId") String teamId);

    /**
     * The team's services, retired ones too, other than {@code key} that may be named as {@code nameKey}: those
     * stored with that form and those stored before it was kept. Compare their names to be sure.
     */
    @SqlQuery("""
            select key, name from services
             where team_id = :teamId and key <> :key and (name_key = :nameKey or name_key is null)
             order by key""")
    @RegisterConstructorMapper(ServiceMatcher.Candidate.class)
    List<ServiceMatcher.Candidate> possibleNamesakes(
            @Bind("teamId") String teamId, @Bind("key") String key, @Bind("nameKey") String nameKey);

    @SqlQuery("select exists (select 1 from services where team_id = :teamId and key = :key)")
    boolean keyExists(@Bind("teamId") String teamId, @Bind("key") String key);

    /** Leaves the one-name-per-service check to the end of the transaction, for an import that swaps names. */
    @SqlUpdate("set constraints services_name_unique deferred")
    void deferNameCheck();

    /** Every service of the team, retired ones too, locked for an import that may change any of them. */
    @SqlQuery("select * from services where team_id = :teamId order by key for update")
    List<Service> lockAll(@Bind("teamId") String teamId);

    @SqlQuery("select key from services where team_id = :teamId and not active")
    Set<String> findInactiveKeys(@Bind("teamId") String teamId);

    @SqlQuery("""
            select k.key, k.name, k.unit, k.target, k.direction, r.value as last_value, r.period_start as last_period
              from kpis k
              left join lateral (select value, period_start from kpi_readings kr where kr.kpi_id = k.id
                                  order by kr.period_start desc, kr.recorded_at desc, kr.id desc limit 1) r on true
             where k.team_id = :teamId and k.service_id = :serviceId
             order by lower(k.name)""")
    List<KpiStatus> kpisOf(@Bind("teamId") String teamId, @Bind("serviceId") long serviceId);

    @SqlUpdate("""
            insert into services (team_id, key, name, name_key, tier, is_protected, owner_id, deputy_id, team_channel,
                                  unit_cost, unit_name, monthly_demand, monthly_value, description, created_at, updated_at)
            values (:teamId, :d.key, :d.name, :d.nameKey, lower(:d.tier), :d.isProtected, :d.ownerId, :d.deputyId,
                    :d.teamChannel, :d.unitCost, :d.unitName, :d.monthlyDemand, :d.monthlyValue, :d.description,
                    now(), now())""")
    @GetGeneratedKeys("id")
    long insert(@Bind("teamId") String teamId, @BindMethods("d") ServiceDraft draft);

    @SqlUpdate("""
            update services set name = :d.name, name_key = :d.nameKey, tier = lower(:d.tier), is_protected = :d.isProtected,
                   owner_since = case when owner_id is distinct from :d.ownerId then now() else owner_since end,
                   owner_id = :d.ownerId, deputy_id = :d.deputyId, team_channel = :d.teamChannel,
                   unit_cost = :d.unitCost, unit_name = :d.unitName, monthly_demand = :d.monthlyDemand,
                   monthly_value = :d.monthlyValue, description = :d.description, active = true, updated_at = now()
             where team_id = :teamId and key = :d.key""")
    int update(@Bind("teamId") String teamId, @BindMethods("d") ServiceDraft draft);

    @SqlUpdate("""
            update services set owner_since = case when owner_id is distinct from :ownerId then now() else owner_since end,
                   owner_id = :ownerId, updated_at = now()
             where team_id = :teamId and key = :key""")
    int setOwner(@Bind("teamId") String teamId, @Bind("key") String key, @Bind("ownerId") String ownerId);
}
