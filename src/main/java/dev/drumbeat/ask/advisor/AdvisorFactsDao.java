package dev.drumbeat.ask.advisor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The advisor's small reads beside the portfolio ({@link AdvisorDao}): the total it weighs, the workspace's impact
 * weights, and a slip's initiative.
 */
@RegisterConstructorMapper(AdvisorFactsDao.SlipSubject.class)
@RegisterConstructorMapper(ImpactWeights.class)
public interface AdvisorFactsDao {

    /** An initiative a what-if slip is about, with the keys of the active services it relies on. */
    record SlipSubject(String key, String name, BigDecimal monthlySlipCost, List<String> reliedOnKeys) {}

    @SqlQuery("select coalesce(sum(unit_cost * monthly_demand), 0) from services where team_id = :teamId and active")
    BigDecimal monthlyCost(@Bind("teamId") String teamId);

    /** The weights an admin set (`/drumbeat settings weight-kpi …`), or the defaults for a workspace that set none. */
    default ImpactWeights weights(String teamId) {
        return setWeights(teamId).orElse(ImpactWeights.defaults());
    }

    @SqlQuery("""
            select per_value_lost, per_kpi_on_target, per_open_dependency, per_demand_unit
              from ask_settings where team_id = :teamId""")
    Optional<ImpactWeights> setWeights(@Bind("teamId") String teamId);

    @SqlQuery("""
            select i.key, i.name, i.monthly_slip_cost,
                   array(select s.key from initiative_services l join services s on s.id = l.service_id and s.active
                          where l.initiative_id = i.id order by s.key) as relied_on_keys
              from initiatives i
             where i.team_id = :teamId and i.key = :key and i.status in ('planned', 'active')""")
    Optional<SlipSubject> initiative(@Bind("teamId") String teamId, @Bind("key") String key);
}
