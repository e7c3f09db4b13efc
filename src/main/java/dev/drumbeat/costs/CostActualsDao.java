package dev.drumbeat.costs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** One service's allocations in its latest whole month (or the month so far, when it has none), across accounts. */
interface CostActualsDao {
    /** {@code whole}: the month is over and every account's bill for it was imported after it ended. */
    record Row(LocalDate month, BigDecimal cost, boolean whole) {}

    @SqlQuery("""
            select cost_month as month, sum(effective_cost) as cost,
                   cost_month < :current and not exists (
                       select 1 from cost_periods p join cost_imports i on i.id = p.import_id
                        where p.team_id = :teamId
                          and (p.billing_period_start at time zone 'UTC')::date = cost_month
                          and i.imported_at < cost_month + interval '1 month') as whole
              from cost_allocations
             where team_id = :teamId and service_id = :serviceId
             group by cost_month
             order by whole desc, cost_month desc
             limit 1""")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> latest(
            @Bind("teamId") String teamId, @Bind("serviceId") long serviceId, @Bind("current") LocalDate current);
}
