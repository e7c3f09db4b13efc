package dev.drumbeat.bench;

import dev.drumbeat.ask.advisor.Candidate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The advisor's reads, run from outside its package: the very SQL of {@code AdvisorDao/candidates.sql} (read from the
 * classpath, so it is whatever the advisor runs), mapped to {@link Candidate} as {@code AdvisorDao.ItemMapper} maps it,
 * and the monthly cost query of {@code AskDao.monthlyCost}, copied here because that DAO is package-private.
 */
final class AskCandidates {
    static final String CANDIDATES =
            ClasspathSqlLocator.removingComments().locate("dev.drumbeat.ask.advisor.AdvisorDao.candidates");
    /** A frozen copy of {@code AskDao.monthlyCost}: it does not follow a change to the DAO's query. */
    static final String MONTHLY_COST =
            "select coalesce(sum(unit_cost * monthly_demand), 0) from services where team_id = :teamId and active";

    private AskCandidates() {}

    static List<Candidate> read(Handle handle, String teamId) {
        return handle.createQuery(CANDIDATES)
                .bind("teamId", teamId)
                .map((rs, ctx) -> candidate(rs))
                .list();
    }

    static BigDecimal monthlyCost(Handle handle, String teamId) {
        return handle.createQuery(MONTHLY_COST)
                .bind("teamId", teamId)
                .mapTo(BigDecimal.class)
                .one();
    }

    /** The target of "save {@code percent}% of monthly cost", rounded to the cent as {@code Amount.monthlyAgainst} does. */
    static BigDecimal target(BigDecimal monthlyCost, BigDecimal percent) {
        return monthlyCost.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        int kpis = ((String[]) rs.getArray("kpis_on_target").getArray()).length;
        return new Candidate(
                rs.getString("key"),
                rs.getString("name"),
                Candidate.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getString("tier"),
                rs.getBoolean("is_protected"),
                money(rs, "monthly_saving"),
                money(rs, "monthly_value_lost"),
                rs.getBigDecimal("demand"),
                kpis,
                rs.getInt("open_dependencies"),
                Optional.ofNullable(rs.getString("owner_id")));
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column).setScale(2, RoundingMode.HALF_UP);
    }
}
