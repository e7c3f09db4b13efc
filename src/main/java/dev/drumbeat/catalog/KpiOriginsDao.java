package dev.drumbeat.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Where the latest reading of each of a service's KPIs came from, for the card; the SQL lives in
 * {@code KpiOriginsDao/latestOrigins.sql}.
 */
@UseClasspathSqlLocator
@RegisterRowMapper(KpiOriginsDao.OriginMapper.class)
public interface KpiOriginsDao {

    /** One row for each KPI of the service with a reading. */
    @SqlQuery
    List<ReadingOrigin> latestOrigins(@Bind("teamId") String teamId, @Bind("serviceId") long serviceId);

    /** Maps a row to {@link ReadingOrigin}; explicit, so a renamed column fails loudly. */
    final class OriginMapper implements RowMapper<ReadingOrigin> {
        @Override
        public ReadingOrigin map(ResultSet rs, StatementContext ctx) throws SQLException {
            Array tokens = rs.getArray("tokens");
            return new ReadingOrigin(
                    rs.getString("kpi_key"),
                    rs.getString("source"),
                    Optional.ofNullable(rs.getString("recorded_by")),
                    Optional.ofNullable(rs.getString("query")),
                    tokens == null ? List.of() : Arrays.asList((String[]) tokens.getArray()));
        }
    }
}
