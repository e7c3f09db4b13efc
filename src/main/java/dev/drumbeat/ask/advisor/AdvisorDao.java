package dev.drumbeat.ask.advisor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The advisor's one read of a workspace's portfolio; the SQL lives in {@code AdvisorDao/candidates.sql}. */
@UseClasspathSqlLocator
@RegisterRowMapper(AdvisorDao.ItemMapper.class)
public interface AdvisorDao {

    /** Every service and initiative that could still be deprioritised, services first, each by key. */
    @SqlQuery
    List<PortfolioItem> candidates(@Bind("teamId") String teamId);

    final class ItemMapper implements RowMapper<PortfolioItem> {
        @Override
        public PortfolioItem map(ResultSet rs, StatementContext ctx) throws SQLException {
            Candidate.Kind kind = Candidate.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT));
            List<String> kpis = names(rs.getArray("kpis_on_target"));
            Candidate candidate = new Candidate(
                    rs.getString("key"),
                    rs.getString("name"),
                    kind,
                    rs.getString("tier"),
                    rs.getBoolean("is_protected"),
                    money(rs, "monthly_saving"),
                    money(rs, "monthly_value_lost"),
                    rs.getBigDecimal("demand"),
                    kpis.size(),
                    rs.getInt("open_dependencies"),
                    Optional.ofNullable(rs.getString("owner_id")));
            return new PortfolioItem(rs.getLong("id"), candidate, kpis, names(rs.getArray("key_results_fed")));
        }

        private static BigDecimal money(ResultSet rs, String column) throws SQLException {
            return rs.getBigDecimal(column).setScale(2, RoundingMode.HALF_UP);
        }

        private static List<String> names(Array array) throws SQLException {
            return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
        }
    }
}
