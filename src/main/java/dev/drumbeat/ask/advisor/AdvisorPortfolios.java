package dev.drumbeat.ask.advisor;

import dev.drumbeat.db.CatalogSnapshots;
import java.math.BigDecimal;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The advisor's read of a workspace's portfolio, its candidates and the monthly cost of every active service in one
 * transaction, kept while the catalog stays as it was ({@link CatalogSnapshots}): on 10,000 services the read is most of
 * an answer's work, and leadership asks again and again of a catalog that changes weekly. Thread-safe.
 */
final class AdvisorPortfolios {
    /** What the advisor reads in one go; immutable, so one read serves every ask until the catalog changes. */
    record Portfolio(List<PortfolioItem> items, BigDecimal monthlyCost) {
        Portfolio {
            items = List.copyOf(items);
        }
    }

    private final CatalogSnapshots<Portfolio> snapshots;

    AdvisorPortfolios(Jdbi jdbi) {
        this.snapshots = new CatalogSnapshots<>(jdbi, teamId -> read(jdbi, teamId));
    }

    Portfolio of(String teamId) {
        return snapshots.of(teamId);
    }

    private static Portfolio read(Jdbi jdbi, String teamId) {
        return jdbi.inTransaction(handle -> new Portfolio(
                handle.attach(AdvisorDao.class).candidates(teamId),
                handle.attach(AdvisorFactsDao.class).monthlyCost(teamId)));
    }
}
