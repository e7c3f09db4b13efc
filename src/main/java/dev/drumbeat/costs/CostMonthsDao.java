package dev.drumbeat.costs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The bills summed by the month each cost belongs to. Months are first days of calendar months. */
interface CostMonthsDao {
    record ServiceMonth(long serviceId, LocalDate month, BigDecimal cost) {}

    record MonthTotal(LocalDate month, BigDecimal allocated, BigDecimal unallocated) {}

    record Line(String billingAccountId, String subAccountId, String serviceName, String resourceId, BigDecimal cost) {}

    record SourceRow(
            long importId,
            String files,
            String importedBy,
            Instant importedAt,
            String billingAccountId,
            String currency,
            BigDecimal exchangeRate) {}

    @SqlQuery("""
            select service_id, cost_month as month, sum(effective_cost) as cost
              from cost_allocations
             where team_id = :teamId and cost_month between :from and :to
             group by service_id, cost_month
             order by service_id, cost_month""")
    @RegisterConstructorMapper(ServiceMonth.class)
    List<ServiceMonth> serviceMonths(
            @Bind("teamId") String teamId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    @SqlQuery("""
            select service_id, cost_month as month, sum(effective_cost) as cost
              from cost_allocations
             where team_id = :teamId and service_id = :serviceId and cost_month between :from and :to
             group by service_id, cost_month
             order by cost_month""")
    @RegisterConstructorMapper(ServiceMonth.class)
    List<ServiceMonth> serviceMonthsOf(
            @Bind("teamId") String teamId,
            @Bind("serviceId") long serviceId,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to);

    @SqlQuery("""
            select month, sum(allocated) as allocated, sum(unallocated) as unallocated
              from (select cost_month as month, effective_cost as allocated, 0 as unallocated
                      from cost_allocations
                     where team_id = :teamId and cost_month between :from and :to
                    union all
                    select cost_month, 0, effective_cost
                      from cost_unallocated
                     where team_id = :teamId and cost_month between :from and :to) costs
             group by month
             order by month""")
    @RegisterConstructorMapper(MonthTotal.class)
    List<MonthTotal> totals(@Bind("teamId") String teamId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    @SqlQuery("""
            select max(month) from (select max(cost_month) as month from cost_allocations where team_id = :teamId
                                    union all
                                    select max(cost_month) from cost_unallocated where team_id = :teamId) latest""")
    Optional<LocalDate> latest(@Bind("teamId") String teamId);

    @SqlQuery("""
            select max(month) from (select cost_month as month from cost_allocations
                                     where team_id = :teamId and cost_month < :current
                                    union
                                    select cost_month from cost_unallocated
                                     where team_id = :teamId and cost_month < :current) months
             where not exists (select 1 from cost_periods p join cost_imports i on i.id = p.import_id
                                where p.team_id = :teamId
                                  and (p.billing_period_start at time zone 'UTC')::date = months.month
                                  and i.imported_at < months.month + interval '1 month')""")
    Optional<LocalDate> latestBefore(@Bind("teamId") String teamId, @Bind("current") LocalDate current);

    /**
     * The months from {@code from} to {@code to} some account's bill for which was last imported before the month
     * ended (a month-to-date export): only part of the month, whatever the calendar says now.
     */
    @SqlQuery("""
            select distinct (p.billing_period_start at time zone 'UTC')::date
              from cost_periods p join cost_imports i on i.id = p.import_id
             where p.team_id = :teamId
               and (p.billing_period_start at time zone 'UTC')::date between :from and :to
               and i.imported_at < (p.billing_period_start at time zone 'UTC')::date + interval '1 month'""")
    List<LocalDate> partMonths(@Bind("teamId") String teamId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    @SqlQuery("""
            select billing_account_id, sub_account_id, service_name, resource_id, effective_cost as cost
              from cost_unallocated_lines
             where team_id = :teamId
               and (billing_period_start at time zone 'UTC')::date = :month
             order by effective_cost desc, billing_account_id, rank
             limit :limit""")
    @RegisterConstructorMapper(Line.class)
    List<Line> largestUnallocated(
            @Bind("teamId") String teamId, @Bind("month") LocalDate month, @Bind("limit") int limit);

    record FilesRow(String billingAccountId, Instant billingPeriodStart, long importId, List<String> files) {}

    @SqlQuery("""
            select p.billing_account_id, p.billing_period_start, i.id as import_id, i.files
              from cost_periods p
              join cost_imports i on i.id = p.import_id
             where p.team_id = :teamId
             order by p.billing_period_start, p.billing_account_id""")
    @RegisterConstructorMapper(FilesRow.class)
    List<FilesRow> importedFiles(@Bind("teamId") String teamId);

    @SqlQuery("""
            select i.id as import_id, i.source as files, i.imported_by, i.imported_at, p.billing_account_id,
                   p.currency, p.exchange_rate
              from cost_periods p
              join cost_imports i on i.id = p.import_id
             where p.team_id = :teamId
               and exists (select 1 from cost_allocations a
                            where a.team_id = p.team_id and a.billing_account_id = p.billing_account_id
                              and a.billing_period_start = p.billing_period_start and a.cost_month = :month
                           union all
                           select 1 from cost_unallocated u
                            where u.team_id = p.team_id and u.billing_account_id = p.billing_account_id
                              and u.billing_period_start = p.billing_period_start and u.cost_month = :month)
             order by i.imported_at desc, p.billing_account_id""")
    @RegisterConstructorMapper(SourceRow.class)
    List<SourceRow> sources(@Bind("teamId") String teamId, @Bind("month") LocalDate month);
}
