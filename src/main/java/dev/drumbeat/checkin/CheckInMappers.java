package dev.drumbeat.checkin;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers for check-ins and KPIs; explicit, so a renamed column fails loudly. */
public final class CheckInMappers {
    private CheckInMappers() {}

    public static final class CheckInMapper implements RowMapper<CheckIn> {
        @Override
        public CheckIn map(ResultSet rs, StatementContext ctx) throws SQLException {
            Timestamp updated = rs.getTimestamp("updated_at");
            return new CheckIn(
                    rs.getLong("service_id"),
                    rs.getDate("period_start").toLocalDate(),
                    CheckInStatus.parse(rs.getString("status")).orElseThrow(),
                    rs.getString("hurdle"),
                    rs.getString("note"),
                    rs.getString("submitted_by"),
                    rs.getTimestamp("submitted_at").toInstant(),
                    Optional.ofNullable(updated).map(Timestamp::toInstant),
                    rs.getInt("revision"));
        }
    }

    public static final class KpiMapper implements RowMapper<Kpi> {
        @Override
        public Kpi map(ResultSet rs, StatementContext ctx) throws SQLException {
            return kpi(rs);
        }
    }

    public static final class CheckInKpiMapper implements RowMapper<CheckInKpi> {
        @Override
        public CheckInKpi map(ResultSet rs, StatementContext ctx) throws SQLException {
            Date previousPeriod = rs.getDate("previous_period");
            return new CheckInKpi(
                    kpi(rs),
                    decimal(rs, "previous_value"),
                    Optional.ofNullable(previousPeriod).map(Date::toLocalDate),
                    decimal(rs, "current_value"),
                    Optional.ofNullable(rs.getString("current_source")));
        }
    }

    private static Kpi kpi(ResultSet rs) throws SQLException {
        return new Kpi(
                rs.getLong("id"),
                rs.getString("key"),
                rs.getString("name"),
                rs.getString("unit"),
                rs.getBigDecimal("target").stripTrailingZeros(),
                rs.getString("direction"));
    }

    private static Optional<BigDecimal> decimal(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getBigDecimal(column)).map(BigDecimal::stripTrailingZeros);
    }
}
