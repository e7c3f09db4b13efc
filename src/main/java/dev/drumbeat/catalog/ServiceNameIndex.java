package dev.drumbeat.catalog;

import dev.drumbeat.core.ServiceMatcher;
import dev.drumbeat.db.CatalogSnapshots;
import org.jdbi.v3.core.Jdbi;

/**
 * Each workspace's active services prepared for name matching ({@link ServiceMatcher.Index}), kept while the catalog
 * stays as it was ({@link CatalogSnapshots}): on 10,000 services reading and preparing the names is most of the work
 * of finding the one someone typed. Thread-safe.
 */
final class ServiceNameIndex {
    private final CatalogSnapshots<ServiceMatcher.Index> snapshots;

    ServiceNameIndex(Jdbi jdbi) {
        this.snapshots = new CatalogSnapshots<>(
                jdbi,
                teamId -> ServiceMatcher.index(jdbi.withExtension(CatalogDao.class, dao -> dao.candidates(teamId))));
    }

    ServiceMatcher.Match match(String teamId, String typed) {
        return snapshots.of(teamId).match(typed);
    }
}
