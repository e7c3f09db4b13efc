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
            return new Totals(
                    services.size(),
                    services.stream().map(Service::monthlyCost).reduce(BigDecimal.ZERO, BigDecimal::add),
                    services.stream().map(Service::monthlyValue).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    private CatalogTotals() {}

    /** Each tier's totals at {@code since}, by tier label, strategic first. */
    public static Map<String, Totals> at(Handle handle, String teamId, Instant since) {
        Map<String, Totals> byTier = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            byTier.put(tier.label(), new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        for (CatalogTotalsDao.TierTotals row :
                handle.attach(CatalogTotalsDao.class).totalsAt(teamId, since)) {
            byTier.put(row.tier(), new Totals(row.services(), row.cost(), row.value()));
        }
        return byTier;
    }
}
