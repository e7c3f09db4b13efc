package dev.drumbeat.ask.settings;

import dev.drumbeat.ask.advisor.ImpactWeights;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Reads and writes a workspace's ask settings (ask_settings) and exchange rates (exchange_rates), for `/drumbeat
 * settings`. The advisor reads the same weights through its own {@code AdvisorFactsDao}.
 */
@RegisterConstructorMapper(ImpactWeights.class)
@RegisterConstructorMapper(AskSettingsDao.Rate.class)
interface AskSettingsDao {
    String WEIGHTS = "per_value_lost, per_kpi_on_target, per_open_dependency, per_demand_unit";

    /** One stored rate: one {@code currency} is {@code rate} of the workspace's. */
    record Rate(String currency, BigDecimal rate) {}

    @SqlQuery("select " + WEIGHTS + " from ask_settings where team_id = :team")
    Optional<ImpactWeights> find(@Bind("team") String teamId);

    /** Gives the workspace its row of defaults if it has none, so the next statement can lock it. */
    @SqlUpdate("insert into ask_settings (team_id) values (:team) on conflict (team_id) do nothing")
    void ensure(@Bind("team") String teamId);

    /** Locks the workspace's row: every change to its weights or rates takes this lock first, one at a time. */
    @SqlQuery("select " + WEIGHTS + " from ask_settings where team_id = :team for update")
    ImpactWeights lock(@Bind("team") String teamId);

    @SqlUpdate("""
            update ask_settings
               set per_value_lost = :w.perValueLost, per_kpi_on_target = :w.perKpiOnTarget,
                   per_open_dependency = :w.perOpenDependency, per_demand_unit = :w.perDemandUnit
             where team_id = :team""")
    void save(@Bind("team") String teamId, @BindMethods("w") ImpactWeights weights);

    @SqlQuery("select currency, rate from exchange_rates where team_id = :team order by currency")
    List<Rate> rates(@Bind("team") String teamId);

    @SqlQuery("select currency, rate from exchange_rates where team_id = :team and currency = :currency")
    Optional<Rate> rate(@Bind("team") String teamId, @Bind("currency") String currency);

    @SqlUpdate("""
            insert into exchange_rates (team_id, currency, rate) values (:team, :currency, :rate)
            on conflict (team_id, currency) do update set rate = excluded.rate""")
    void saveRate(@Bind("team") String teamId, @Bind("currency") String currency, @Bind("rate") BigDecimal rate);

    @SqlUpdate("delete from exchange_rates where team_id = :team and currency = :currency")
    void deleteRate(@Bind("team") String teamId, @Bind("currency") String currency);
}
