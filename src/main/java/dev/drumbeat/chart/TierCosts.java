package dev.drumbeat.chart;

import dev.drumbeat.catalog.CatalogTotals.Totals;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The portfolio's monthly cost, value and margin by tier label (strategic first) as the catalog stood {@code at}. */
record TierCosts(Map<String, Totals> byTier, Instant at) {

    TierCosts {
        byTier = Collections.unmodifiableMap(new LinkedHashMap<>(byTier));
    }

    boolean isEmpty() {
        return byTier.values().stream().allMatch(t -> t.services() == 0);
    }
}
