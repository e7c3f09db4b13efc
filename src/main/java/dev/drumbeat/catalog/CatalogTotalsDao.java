package dev.drumbeat.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The catalog's totals by tier as they stood at a moment, rolled back through the audit log (see {@link CatalogTotals});
 * the SQL lives in {@code CatalogTotalsDao/totalsAt.sql}. Apart from {@link CatalogDao} because a page or a digest
 * attaches it for one read, and attaching costs more the more methods a DAO has.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(CatalogTotalsDao.TierTotals.class)
public interface CatalogTotalsDao {

    /** One tier's totals as a row; {@code tier} is the tier's label, in lower case. */
    record TierTotals(String tier, int services, BigDecimal cost, BigDecimal value) {}

    /** A row for each tier that had services at {@code since}. */
    @SqlQuery
    List<TierTotals> totalsAt(@Bind("team") String teamId, @Bind("since") Instant since);
}
