package dev.drumbeat.catalog;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers for the catalog's records; explicit, so a renamed column fails loudly. */
public final class CatalogMappers {
    private CatalogMappers() {}

    public static final class ServiceMapper implements RowMapper<Service> {
        @Override
        public Service map(ResultSet rs, StatementContext ctx) throws SQLException {
            return service(rs);
        }
    }

    public static final class ListingMapper implements RowMapper<ServiceListing> {
        @Override
        public ServiceListing map(ResultSet rs, StatementContext ctx) throws SQLException {
            long decision = rs.getLong("deprioritised_by");
            Optional<Long> deprioritisedBy = rs.wasNull() ? Optional.empty() : Optional.of(decision);
            return new ServiceListing(service(rs), checkIn(rs), rs.getBoolean("owner_deactivated"), deprioritisedBy);
        }
    }

    public static final class KpiStatusMapper implements RowMapper<KpiStatus> {
        @Override
        public KpiStatus map(ResultSet rs, StatementContext ctx) throws SQLException {
            Date period = rs.getDate("last_period");
            return new KpiStatus(
                    rs.getString("key"),
                    rs.getString("name"),
                    rs.getString("unit"),
                    rs.getBigDecimal("target").stripTrailingZeros(),
                    rs.getString("direction"),
                    Optional.ofNullable(rs.getBigDecimal("last_value")).map(BigDecimal::stripTrailingZeros),
                    Optional.ofNullable(period).map(Date::toLocalDate));
        }
    }

    static Service service(ResultSet rs) throws SQLException {
        return new Service(
                rs.getLong("id"),
                rs.getString("team_id"),
                rs.getString("key"),
                rs.getString("name"),
                Tier.parse(rs.getString("tier")).orElseThrow(),
                rs.getBoolean("is_protected"),
                Optional.ofNullable(rs.getString("owner_id")),
                Optional.ofNullable(rs.getString("deputy_id")),
                Optional.ofNullable(rs.getString("team_channel")),
                rs.getBigDecimal("unit_cost"),
                rs.getString("unit_name"),
                rs.getBigDecimal("monthly_demand"),
                rs.getBigDecimal("monthly_value"),
                rs.getString("description"));
    }

    private static Optional<CheckInSummary> checkIn(ResultSet rs) throws SQLException {
        String status = rs.getString("checkin_status");
        if (status == null) {
            return Optional.empty();
        }
        Timestamp at = rs.getTimestamp("checkin_at");
        return Optional.of(new CheckInSummary(
                status,
                rs.getDate("checkin_period").toLocalDate(),
                rs.getString("checkin_hurdle"),
                rs.getString("checkin_by"),
                at.toInstant()));
    }
}
