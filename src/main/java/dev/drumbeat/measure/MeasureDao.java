package dev.drumbeat.measure;

import dev.drumbeat.prometheus.Measurement;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of bindings and their results, on the caller's handle (and so in the caller's transaction). */
final class MeasureDao {
    private static final String BINDING = """
            select b.id, b.team_id, b.service_id, s.key as service_key, s.name as service_name, s.owner_id,
                   b.kpi_id, k.key as kpi_key, k.name as kpi_name, b.query, b.bound_by, b.bound_at,
                   coalesce(p.tz, 'UTC') as tz, b.evaluated_through, b.failing_periods
              from measure_bindings b
              join services s on s.id = b.service_id
              left join kpis k on k.id = b.kpi_id
              left join people p on p.team_id = s.team_id and p.user_id = s.owner_id
            """;

    private final Handle handle;

    MeasureDao(Handle handle) {
        this.handle = handle;
    }

    record ServiceRow(long id, String key, String name, String ownerId, String deputyId, String tz) {}

    record KpiRow(long id, String key, String name) {}

    /** An active service by key, or by name ignoring case. */
    Optional<ServiceRow> service(String teamId, String wanted) {
        return handle.createQuery("""
                        select s.id, s.key, s.name, s.owner_id, s.deputy_id, coalesce(p.tz, 'UTC') as tz
                          from services s
                          left join people p on p.team_id = s.team_id and p.user_id = s.owner_id
                         where s.team_id = :team and s.active
                           and (s.key = lower(:wanted) or lower(s.name) = lower(:wanted))
                         order by (s.key = lower(:wanted)) desc limit 1""")
                .bind("team", teamId)
                .bind("wanted", wanted)
                .map((rs, ctx) -> new ServiceRow(
                        rs.getLong("id"),
                        rs.getString("key"),
                        rs.getString("name"),
                        rs.getString("owner_id"),
                        rs.getString("deputy_id"),
                        rs.getString("tz")))
                .findOne();
    }

    List<KpiRow> kpis(long serviceId) {
        return handle.createQuery("select id, key, name from kpis where service_id = :service order by name")
                .bind("service", serviceId)
                .map((rs, ctx) -> new KpiRow(rs.getLong("id"), rs.getString("key"), rs.getString("name")))
                .list();
    }

    /** Every binding of active services, in every workspace: what the evaluation job looks through. */
    List<MeasureBinding> active() {
        return handle.createQuery(BINDING + " where s.active order by b.id")
                .map(MeasureDao::binding)
                .list();
    }

    List<MeasureBinding> ofTeam(String teamId) {
        return handle.createQuery(BINDING + " where b.team_id = :team order by s.name, k.name nulls first")
                .bind("team", teamId)
                .map(MeasureDao::binding)
                .list();
    }

    /** The bindings of some of a workspace's services, by key. */
    List<MeasureBinding> ofServices(String teamId, Collection<String> serviceKeys) {
        if (serviceKeys.isEmpty()) {
            return List.of();
        }
        return handle.createQuery(BINDING + " where b.team_id = :team and s.key = any(:keys) order by s.name, k.name")
                .bind("team", teamId)
                .bind("keys", serviceKeys.toArray(String[]::new))
                .map(MeasureDao::binding)
                .list();
    }

    List<MeasureBinding> ofService(long serviceId) {
        return handle.createQuery(BINDING + " where b.service_id = :service order by k.name nulls first")
                .bind("service", serviceId)
                .map(MeasureDao::binding)
                .list();
    }

    Optional<MeasureBinding> find(long id) {
        return handle.createQuery(BINDING + " where b.id = :id")
                .bind("id", id)
                .map(MeasureDao::binding)
                .findOne();
    }

    /** The binding of a KPI, or of a service's demand when {@code kpiId} is empty. */
    Optional<MeasureBinding> find(long serviceId, Optional<Long> kpiId) {
        return handle.createQuery(BINDING
                        + " where b.service_id = :service and b.kpi_id is not distinct from :kpi for update of b")
                .bind("service", serviceId)
                .bind("kpi", kpiId.orElse(null))
                .map(MeasureDao::binding)
                .findOne();
    }

    /** A new binding's id; empty when another was made for the same KPI or demand meanwhile. */
    Optional<Long> insert(
            String teamId, long serviceId, Optional<Long> kpiId, String query, String boundBy, Instant at) {
        return handle.createUpdate("""
                        insert into measure_bindings (team_id, service_id, kpi_id, query, bound_by, bound_at)
                        values (:team, :service, :kpi, :query, :by, :at)
                        on conflict do nothing""")
                .bind("team", teamId)
                .bind("service", serviceId)
                .bind("kpi", kpiId.orElse(null))
                .bind("query", query)
                .bind("by", boundBy)
                .bind("at", Timestamp.from(at))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .findOne();
    }

    /** A new query for a binding: evaluated afresh, as if new. */
    void rebind(long id, String query, String boundBy, Instant at) {
        handle.createUpdate("""
                        update measure_bindings
                           set query = :query, bound_by = :by, bound_at = :at, evaluated_through = null,
                               failing_periods = 0
                         where id = :id""")
                .bind("id", id)
                .bind("query", query)
                .bind("by", boundBy)
                .bind("at", Timestamp.from(at))
                .execute();
    }

    void delete(long id) {
        handle.createUpdate("delete from measure_bindings where id = :id")
                .bind("id", id)
                .execute();
    }

    /** Measured readings of a KPI from {@code from} on, which a new query measures again. */
    void forgetMeasuredReadings(long kpiId, LocalDate from) {
        handle.createUpdate(
                        "delete from kpi_readings where kpi_id = :kpi and source = :source and period_start >= :from")
                .bind("kpi", kpiId)
                .bind("source", Measures.SOURCE)
                .bind("from", from)
                .execute();
    }

    /**
     * Stores results, a batch at a time: each replaces what an earlier evaluation stored for its period; a KPI's
     * number becomes its reading for the period, unless a person typed or a system pushed one for it. Two statements
     * whatever the batch's size, so the readings' triggers refresh each KPI's latest once per batch, not once per row.
     * A batch holds each binding and period once.
     */
    void store(Collection<Stored> results, Instant now) {
        if (results.isEmpty()) {
            return;
        }
        List<MeasureResult> all = results.stream().map(Stored::result).toList();
        handle.createUpdate("""
                        insert into measure_results
                               (binding_id, period_start, query, value, reason, detail, measured_at, recorded_at)
                        select r.binding, r.period, r.query, r.value, r.reason, r.detail, r.measured_at, :now
                          from unnest(:bindings, cast(:periods as date[]), cast(:queries as text[]),
                                      cast(:values as numeric[]), cast(:reasons as text[]), cast(:details as text[]),
                                      cast(:measuredAt as timestamptz[]))
                               as r (binding, period, query, value, reason, detail, measured_at)
                         where exists (select 1 from measure_bindings b where b.id = r.binding and b.query = r.query)
                        on conflict (binding_id, period_start) do update
                           set query = excluded.query, value = excluded.value, reason = excluded.reason,
                               detail = excluded.detail, measured_at = excluded.measured_at,
                               recorded_at = excluded.recorded_at""")
                .bind(
                        "bindings",
                        all.stream().mapToLong(MeasureResult::bindingId).toArray())
                .bind("periods", all.stream().map(r -> r.period().toString()).toArray(String[]::new))
                .bind("queries", all.stream().map(MeasureResult::query).toArray(String[]::new))
                .bind(
                        "values",
                        all.stream()
                                .map(r ->
                                        r.value().map(BigDecimal::toPlainString).orElse(null))
                                .toArray(String[]::new))
                .bind(
                        "reasons",
                        all.stream()
                                .map(r ->
                                        r.reason().map(Measurement.Reason::code).orElse(null))
                                .toArray(String[]::new))
                .bind("details", all.stream().map(MeasureResult::detail).toArray(String[]::new))
                .bind(
                        "measuredAt",
                        all.stream().map(r -> r.measuredAt().toString()).toArray(String[]::new))
                .bind("now", Timestamp.from(now))
                .execute();
        List<Stored> readings = results.stream()
                .filter(s -> s.kpiId().isPresent() && s.result().value().isPresent())
                .toList();
        if (readings.isEmpty()) {
            return;
        }
        handle.createUpdate("""
                        insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_by, recorded_at)
                        select r.team, r.kpi, r.period, r.value, :source, null, :now
                          from unnest(cast(:teams as text[]), :kpis, cast(:periods as date[]),
                                      cast(:values as numeric[]), :bindings, cast(:queries as text[]))
                               as r (team, kpi, period, value, binding, query)
                         where exists (select 1 from measure_bindings b
                                        where b.id = r.binding and b.kpi_id = r.kpi and b.query = r.query)
                           and not exists (select 1 from kpi_readings o
                                            where o.kpi_id = r.kpi and o.period_start = r.period and o.source <> :source)
                        on conflict (kpi_id, period_start, source) do update
                           set value = excluded.value, recorded_at = excluded.recorded_at
                         where kpi_readings.value is distinct from excluded.value""")
                .bind("teams", readings.stream().map(Stored::teamId).toArray(String[]::new))
                .bind(
                        "bindings",
                        readings.stream().mapToLong(r -> r.result().bindingId()).toArray())
                .bind("queries", readings.stream().map(r -> r.result().query()).toArray(String[]::new))
                .bind(
                        "kpis",
                        readings.stream()
                                .mapToLong(s -> s.kpiId().orElseThrow())
                                .toArray())
                .bind(
                        "periods",
                        readings.stream()
                                .map(s -> s.result().period().toString())
                                .toArray(String[]::new))
                .bind(
                        "values",
                        readings.stream()
                                .map(s -> s.result().value().orElseThrow().toPlainString())
                                .toArray(String[]::new))
                .bind("source", Measures.SOURCE)
                .bind("now", Timestamp.from(now))
                .execute();
    }

    /** A result with the binding facts storing it needs. */
    record Stored(String teamId, Optional<Long> kpiId, MeasureResult result) {}

    /**
     * Moves each binding on to the latest period just evaluated (never back), and counts its run of failing periods
     * afresh from every result kept: the periods after its latest number that have none. A period with no Prometheus
     * configured is not the owner's to fix, so it is not counted.
     */
    void evaluated(Map<Long, Evaluated> through) {
        if (through.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, Evaluated>> moved = List.copyOf(through.entrySet());
        handle.createUpdate("""
                        update measure_bindings b
                           set evaluated_through = greatest(coalesce(b.evaluated_through, m.through), m.through),
                               failing_periods = coalesce(m.failing, b.failing_periods)
                          from unnest(:ids, cast(:throughs as date[]), cast(:queries as text[]), cast(:failing as int[]))
                               as m (id, through, query, failing)
                         where b.id = m.id and b.query = m.query""")
                .bind("ids", moved.stream().mapToLong(Map.Entry::getKey).toArray())
                .bind(
                        "throughs",
                        moved.stream()
                                .map(e -> e.getValue().through().toString())
                                .toArray(String[]::new))
                .bind("queries", moved.stream().map(e -> e.getValue().query()).toArray(String[]::new))
                .bind(
                        "failing",
                        moved.stream()
                                .map(e -> e.getValue().failing().isPresent()
                                        ? Integer.valueOf(e.getValue().failing().getAsInt())
                                        : null)
                                .toArray(Integer[]::new))
                .execute();
        long[] recount = moved.stream()
                .filter(e -> e.getValue().failing().isEmpty())
                .mapToLong(Map.Entry::getKey)
                .toArray();
        if (recount.length == 0) {
            return;
        }
        handle.createUpdate("""
                        update measure_bindings b
                           set failing_periods = (
                               select count(*) from measure_results r
                                where r.binding_id = b.id and r.reason is not null
                                  and r.reason <> 'not_configured'
                                  and r.period_start > coalesce((select max(m.period_start) from measure_results m
                                                                  where m.binding_id = b.id and m.value is not null),
                                                                '-infinity'::date))
                         where b.id = any(:ids)""").bind("ids", recount).execute();
    }

    /**
     * The latest period evaluated for a binding, by the query it was evaluated with, and its run of failing periods
     * when the evaluation could count it (new periods after those counted before); empty to count it afresh from every
     * result kept (a period asked again, which may end the run in the middle).
     */
    record Evaluated(LocalDate through, String query, java.util.OptionalInt failing) {}

    /** A period to ask about again: its last try found Prometheus unreachable or too slow. */
    record Retry(long bindingId, LocalDate period, String query) {}

    /** Results that failed for want of Prometheus, tried last before {@code triedBefore}, measuring after {@code since}. */
    List<Retry> retryable(Instant triedBefore, Instant since) {
        return handle.createQuery("""
                        select binding_id, period_start, query from measure_results
                         where reason in ('unreachable', 'timed_out')
                           and recorded_at < :triedBefore and measured_at > :since
                         order by binding_id, period_start""")
                .bind("triedBefore", Timestamp.from(triedBefore))
                .bind("since", Timestamp.from(since))
                .map((rs, ctx) -> new Retry(
                        rs.getLong("binding_id"), rs.getObject("period_start", LocalDate.class), rs.getString("query")))
                .list();
    }

    /** The latest result of each of {@code bindingIds}. */
    List<MeasureResult> latest(Collection<Long> bindingIds) {
        if (bindingIds.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("""
                        select distinct on (binding_id) * from measure_results
                         where binding_id = any(:ids)
                         order by binding_id, period_start desc""")
                .bind("ids", bindingIds.stream().mapToLong(Long::longValue).toArray())
                .map(MeasureDao::result)
                .list();
    }

    /** The results of {@code bindingIds} for one period. */
    List<MeasureResult> forPeriod(Collection<Long> bindingIds, LocalDate period) {
        if (bindingIds.isEmpty()) {
            return List.of();
        }
        return handle.createQuery(
                        "select * from measure_results where binding_id = any(:ids) and period_start = :period")
                .bind("ids", bindingIds.stream().mapToLong(Long::longValue).toArray())
                .bind("period", period)
                .map(MeasureDao::result)
                .list();
    }

    /** The results of one binding, newest first. */
    List<MeasureResult> history(long bindingId, int limit) {
        return handle.createQuery("""
                        select * from measure_results where binding_id = :id
                         order by period_start desc limit :limit""")
                .bind("id", bindingId)
                .bind("limit", limit)
                .map(MeasureDao::result)
                .list();
    }

    private static MeasureBinding binding(ResultSet rs, StatementContext ctx) throws SQLException {
        long kpi = rs.getLong("kpi_id");
        boolean hasKpi = !rs.wasNull();
        return new MeasureBinding(
                rs.getLong("id"),
                rs.getString("team_id"),
                rs.getLong("service_id"),
                rs.getString("service_key"),
                rs.getString("service_name"),
                Optional.ofNullable(rs.getString("owner_id")),
                hasKpi ? Optional.of(kpi) : Optional.empty(),
                Optional.ofNullable(rs.getString("kpi_key")),
                Optional.ofNullable(rs.getString("kpi_name")),
                rs.getString("query"),
                rs.getString("bound_by"),
                rs.getTimestamp("bound_at").toInstant(),
                rs.getString("tz"),
                Optional.ofNullable(rs.getObject("evaluated_through", LocalDate.class)),
                rs.getInt("failing_periods"));
    }

    private static MeasureResult result(ResultSet rs, StatementContext ctx) throws SQLException {
        BigDecimal value = rs.getBigDecimal("value");
        String reason = rs.getString("reason");
        return new MeasureResult(
                rs.getLong("binding_id"),
                rs.getObject("period_start", LocalDate.class),
                rs.getString("query"),
                Optional.ofNullable(value).map(BigDecimal::stripTrailingZeros),
                Optional.ofNullable(reason).map(Measurement.Reason::ofCode),
                rs.getString("detail"),
                rs.getTimestamp("measured_at").toInstant());
    }
}
