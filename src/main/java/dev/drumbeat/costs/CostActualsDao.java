package dev.drumbeat.costs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** One service's allocations in its latest whole month (or the month so far, when it has none), across accounts. */
interface CostActualsDao {
    record Row(LocalDate month, BigDecimal cost) {}

    @SqlQuery("""
            select cost_month as month, sum(effective_cost) as cost
              from cost_allocations
             where team_id = :teamId and service_id = :serviceId
             group by cost_month
             order by cost_month < :current desc, cost_month desc
             limit 1""")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> latest(
            @Bind("teamId") String teamId, @Bind("serviceId") long serviceId, @Bind("current") LocalDate current);
}
