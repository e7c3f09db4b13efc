package dev.drumbeat.costs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The imports of FOCUS files and the billing periods they brought, one row per account and invoice month. */
interface CostImportsDao {

    @SqlUpdate("""
            insert into cost_imports (team_id, source, row_count, imported_by, imported_at, files)
            values (:teamId, :source, :rows, :by, :at, :files)""")
    @GetGeneratedKeys("id")
    long insertImport(
            @Bind("teamId") String teamId,
            @Bind("source") String source,
            @Bind("rows") long rows,
            @Bind("by") String by,
            @Bind("at") Instant at,
            @Bind("files") String[] files);

    /** An exchange rate an admin set for the workspace: one unit of {@code currency} in the workspace's. */
    record Rate(String currency, BigDecimal rate) {}

    @SqlQuery("select currency, rate from exchange_rates where team_id = :teamId")
    @RegisterConstructorMapper(Rate.class)
    List<Rate> rates(@Bind("teamId") String teamId);

    /** The rate an account's month in {@code currency} was converted at when it was imported, if it was. */
    @SqlQuery("""
            select exchange_rate from cost_periods
             where team_id = :teamId and billing_account_id = :account and billing_period_start = :start
               and currency = :currency and exchange_rate is not null""")
    Optional<BigDecimal> storedRate(
            @Bind("teamId") String teamId,
            @Bind("account") String account,
            @Bind("start") Instant start,
            @Bind("currency") String currency);

    /** What an account's month came to before, if it was imported already; locked until the import commits. */
    @SqlQuery("""
            select effective_cost from cost_periods
             where team_id = :teamId and billing_account_id = :account and billing_period_start = :start
               for update""")
    Optional<BigDecimal> lockPeriod(
            @Bind("teamId") String teamId, @Bind("account") String account, @Bind("start") Instant start);

    @SqlUpdate("""
            delete from cost_periods
             where team_id = :teamId and billing_account_id = :account and billing_period_start = :start""")
    void deletePeriod(@Bind("teamId") String teamId, @Bind("account") String account, @Bind("start") Instant start);

    @SqlUpdate("""
            insert into cost_periods (team_id, billing_account_id, billing_period_start, currency, exchange_rate,
                                      import_id, row_count, effective_cost, billed_cost, unallocated_cost)
            values (:teamId, :account, :start, :currency, :rate, :importId, :rows, :effective, :billed, :unallocated)""")
    void insertPeriod(
            @Bind("teamId") String teamId,
            @Bind("account") String account,
            @Bind("start") Instant start,
            @Bind("currency") String currency,
            @Bind("rate") BigDecimal rate,
            @Bind("importId") long importId,
            @Bind("rows") long rows,
            @Bind("effective") BigDecimal effective,
            @Bind("billed") BigDecimal billed,
            @Bind("unallocated") BigDecimal unallocated);

    @SqlUpdate("""
            insert into cost_allocations (team_id, billing_account_id, billing_period_start, cost_month, service_id,
                                          effective_cost)
            values (:teamId, :account, :start, :month, :serviceId, :effective)""")
    void insertAllocation(
            @Bind("teamId") String teamId,
            @Bind("account") String account,
            @Bind("start") Instant start,
            @Bind("month") LocalDate month,
            @Bind("serviceId") long serviceId,
            @Bind("effective") BigDecimal effective);

    @SqlUpdate("""
            insert into cost_unallocated (team_id, billing_account_id, billing_period_start, cost_month, effective_cost)
            values (:teamId, :account, :start, :month, :effective)""")
    void insertUnallocated(
            @Bind("teamId") String teamId,
            @Bind("account") String account,
            @Bind("start") Instant start,
            @Bind("month") LocalDate month,
            @Bind("effective") BigDecimal effective);

    @SqlUpdate("""
            insert into cost_unallocated_lines (team_id, billing_account_id, billing_period_start, rank, sub_account_id,
                                                service_name, resource_id, effective_cost)
            values (:teamId, :account, :start, :rank, :subAccount, :service, :resource, :effective)""")
    void insertUnallocatedLine(
            @Bind("teamId") String teamId,
            @Bind("account") String account,
            @Bind("start") Instant start,
            @Bind("rank") int rank,
            @Bind("subAccount") String subAccount,
            @Bind("service") String service,
            @Bind("resource") String resource,
            @Bind("effective") BigDecimal effective);

    @SqlUpdate("""
            insert into cost_period_charges (team_id, billing_account_id, billing_period_start, charge_category,
                                             effective_cost)
            values (:teamId, :account, :start, :category, :effective)""")
    void insertCharge(
            @Bind("teamId") String teamId,
            @Bind("account") String account,
            @Bind("start") Instant start,
            @Bind("category") String category,
            @Bind("effective") BigDecimal effective);
}
