package dev.drumbeat.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The catalog's monthly cost and value by tier as they stood at a moment, by rolling the audit log back: a service
 * changed since then, retired ones too, counts with the {@code before} snapshot of its first change in the window (none
 * when that change created it); a service not changed since counts as it is now if it already existed then. Used by
 * the digest (a month ago) and the quarterly review (the start of the quarter).
 */
public final class CatalogTotals {
    /** One tier's totals. */
    public record Totals(int services, BigDecimal cost, BigDecimal value) {
        public BigDecimal margin() {
            return value.subtract(cost);
        }

        /** The totals of services already read, as they stand now. */
        public static Totals of(List<Service> services) {
            return new Totals(services.size(),
                    services.stream().map(Service::monthlyCost).reduce(BigDecimal.ZERO, BigDecimal::add),
                    services.stream().map(Service::monthlyValue).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    /** Binds {@code :team} and {@code :since}; one row per tier with services, cost and value. */
    public static final String SQL = """
            with first_change as (
                select distinct on (entity_key) entity_key, before
                  from audit_log
                 where team_id = :team and entity = 'service' and at >= :since
                 order by entity_key, at, id),
            as_then as (
                select lower(coalesce(f.before ->> 'tier', s.tier)) as tier,
                       coalesce((f.before ->> 'unitCost')::numeric, s.unit_cost) as unit_cost,
                       coalesce((f.before ->> 'monthlyDemand')::numeric, s.monthly_demand) as monthly_demand,
                       coalesce((f.before ->> 'monthlyValue')::numeric, s.monthly_value) as monthly_value
                  from services s
                  left join first_change f on f.entity_key = s.key
                 where s.team_id = :team and (s.active or f.before is not null)
                   and (f.before is not null or (f.entity_key is null and s.created_at < :since)))
            select tier, count(*) as services, coalesce(sum(unit_cost * monthly_demand), 0) as cost,
                   coalesce(sum(monthly_value), 0) as value
              from as_then
             group by tier""";

    private CatalogTotals() {
    }

    /** Each tier's totals at {@code since}, by tier label, strategic first. */
    public static Map<String, Totals> at(Handle handle, String teamId, Instant since) {
        Map<String, Totals> byTier = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            byTier.put(tier.label(), new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        handle.createQuery(SQL).bind("team", teamId).bind("since", since)
                .map((rs, ctx) -> Map.entry(rs.getString("tier"), new Totals(rs.getInt("services"), rs.getBigDecimal("cost"),
                        rs.getBigDecimal("value"))))
                .forEach(e -> byTier.put(e.getKey(), e.getValue()));
        return byTier;
    }
}
