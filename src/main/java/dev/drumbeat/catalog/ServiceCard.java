package dev.drumbeat.catalog;

import java.util.List;

/** Everything `/drumbeat status` shows about one service. */
public record ServiceCard(ServiceListing listing, List<KpiStatus> kpis) {

    public Service service() {
        return listing.service();
    }
}
