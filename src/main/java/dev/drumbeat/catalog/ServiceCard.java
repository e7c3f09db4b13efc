package dev.drumbeat.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything `/drumbeat status` shows about one service, with where each KPI's latest reading came from. */
public record ServiceCard(ServiceListing listing, List<KpiStatus> kpis, Map<String, ReadingOrigin> origins) {

    public ServiceCard {
        kpis = List.copyOf(kpis);
        origins = Map.copyOf(origins);
    }

    public ServiceCard(ServiceListing listing, List<KpiStatus> kpis) {
        this(listing, kpis, Map.of());
    }

    public Service service() {
        return listing.service();
    }

    /** Where the latest reading of the KPI with {@code kpiKey} came from, if it has one. */
    public Optional<ReadingOrigin> origin(String kpiKey) {
        return Optional.ofNullable(origins.get(kpiKey));
    }
}
