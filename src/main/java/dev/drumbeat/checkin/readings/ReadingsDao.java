package dev.drumbeat.checkin.readings;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** KPI readings by KPI, period and source (the table's unique key), and the service and KPI they belong to. */
@RegisterRowMapper(ReadingsDao.ReadingMapper.class)
@RegisterRowMapper(ReadingsDao.TargetMapper.class)
public interface ReadingsDao {

    String COLUMNS = "id, kpi_id, period_start, value, source, recorded_by, recorded_at";

    /** The active service by key, its owner's time zone and when it was created, and its KPI by key if it has one. */
    @SqlQuery("""
            select s.id as service_id, s.key as service_key, coalesce(p.tz, 'UTC') as owner_tz, s.created_at,
                   k.id as kpi_id, k.key as kpi_key, k.unit, k.target
              from services s
              left join people p on p.team_id = s.team_id and p.user_id = s.owner_id
              left join kpis k on k.service_id = s.id and k.key = :kpiKey
             where s.team_id = :teamId and s.key = :serviceKey and s.active""")
    Optional<Target> findTarget(
            @Bind("teamId") String teamId, @Bind("serviceKey") String serviceKey, @Bind("kpiKey") String kpiKey);

    @SqlQuery("select key from kpis where service_id = :serviceId order by key")
    List<String> kpiKeys(@Bind("serviceId") long serviceId);

    /** Stores the reading unless one with the same KPI, period and source exists; empty when it did. */
    @SqlQuery("""
            insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_by, api_token_id, recorded_at)
            values (:teamId, :kpiId, :period, :value, :source, :recordedBy, :tokenId, :recordedAt)
            on conflict (kpi_id, period_start, source) do nothing""" + " returning " + COLUMNS)
    Optional<Reading> insertIfAbsent(
            @Bind("teamId") String teamId,
            @Bind("kpiId") long kpiId,
            @Bind("period") LocalDate period,
            @Bind("value") BigDecimal value,
            @Bind("source") String source,
            @Bind("recordedBy") String recordedBy,
            @Bind("tokenId") Long tokenId,
            @Bind("recordedAt") Instant recordedAt);

    @SqlQuery("select " + COLUMNS
            + " from kpi_readings where kpi_id = :kpiId and period_start = :period and source = :source for update")
    Optional<Reading> lock(@Bind("kpiId") long kpiId, @Bind("period") LocalDate period, @Bind("source") String source);

    @SqlQuery("""
            update kpi_readings set value = :value, recorded_by = :recordedBy, api_token_id = :tokenId,
                   recorded_at = :recordedAt
             where id = :id""" + " returning " + COLUMNS)
    Reading replace(
            @Bind("id") long id,
            @Bind("value") BigDecimal value,
            @Bind("recordedBy") String recordedBy,
            @Bind("tokenId") Long tokenId,
            @Bind("recordedAt") Instant recordedAt);

    @SqlQuery("select " + COLUMNS + " from kpi_readings where kpi_id = :kpiId"
            + " order by period_start desc, recorded_at desc, id desc limit :limit")
    List<Reading> latest(@Bind("kpiId") long kpiId, @Bind("limit") int limit);

    /** One stored reading; the value with trailing zeros stripped, as it was sent. */
    record Reading(
            long id,
            long kpiId,
            LocalDate periodStart,
            BigDecimal value,
            String source,
            Optional<String> recordedBy,
            Instant recordedAt) {}

    /** The service a reading is posted to and, when the KPI key matched one of its KPIs, that KPI. */
    record Target(long serviceId, String serviceKey, String ownerTz, Instant createdAt, Optional<TargetKpi> kpi) {}

    /** A KPI's id and what a reader of its readings wants beside them. */
    record TargetKpi(long id, String key, String unit, BigDecimal target) {}

    final class ReadingMapper implements RowMapper<Reading> {
        @Override
        public Reading map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Reading(
                    rs.getLong("id"),
                    rs.getLong("kpi_id"),
                    rs.getDate("period_start").toLocalDate(),
                    plain(rs.getBigDecimal("value")),
                    rs.getString("source"),
                    Optional.ofNullable(rs.getString("recorded_by")),
                    rs.getTimestamp("recorded_at").toInstant());
        }
    }

    final class TargetMapper implements RowMapper<Target> {
        @Override
        public Target map(ResultSet rs, StatementContext ctx) throws SQLException {
            long kpiId = rs.getLong("kpi_id");
            Optional<TargetKpi> kpi = rs.wasNull()
                    ? Optional.empty()
                    : Optional.of(new TargetKpi(
                            kpiId, rs.getString("kpi_key"), rs.getString("unit"), plain(rs.getBigDecimal("target"))));
            return new Target(
                    rs.getLong("service_id"),
                    rs.getString("service_key"),
                    rs.getString("owner_tz"),
                    rs.getTimestamp("created_at").toInstant(),
                    kpi);
        }
    }

    /** Without trailing zeros and never in exponent form, so 100.0000 reads back as 100. */
    static BigDecimal plain(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
