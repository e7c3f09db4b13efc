package dev.drumbeat.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.prometheus.Measurement;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.TestDrumbeat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an evaluation stores, a batch at a time, on the real schema: each result as it came, a KPI's number as its
 * reading unless a person typed one for the week, stored again when a period is evaluated again, and each binding moved
 * on with its run of failing periods, never back. The same rows however many results one statement carries.
 */
class MeasureStoreTest {
    static final String TEAM = TestDrumbeat.TEAM;
    static final LocalDate WEEK = LocalDate.of(2025, 1, 13);
    static final Instant END = Instant.parse("2025-01-20T00:00:00Z");
    static final Instant NOW = Instant.parse("2025-01-20T00:05:00Z");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    long availability;
    long latency;
    long errors;
    long demand;

    @BeforeEach
    void seed() {
        drumbeat.seed()
                .person("U0ALICE01", "alice", "member")
                .service("payments", "Payments API", "core", "U0ALICE01", "0.10", "100000", "30000")
                .kpi("payments", "availability", "Availability", "%", "99.9", "up", "99.95")
                .kpi("payments", "latency", "p95 latency", "ms", "300", "down", "250")
                .kpi("payments", "errors", "Errors", "%", "1", "down", "0.5");
        drumbeat.execute("delete from kpi_readings");
        availability = bind("availability");
        latency = bind("latency");
        errors = bind("errors");
        demand = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("""
                                insert into measure_bindings (team_id, service_id, query, bound_by, bound_at)
                                select team_id, id, 'sum(increase(payments_total[30d]))', 'U0ALICE01', now()
                                  from services where key = 'payments' returning id""").mapTo(Long.class).one());
        // every binding's query is what its results say they ran ("q" and its id), as storing requires
        drumbeat.execute("update measure_bindings set query = 'q' || id");
    }

    @Test
    void numbers_become_readings_reasons_stay_results_and_a_typed_reading_wins() {
        drumbeat.execute(
                "insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_by)"
                        + " values (?, ?, ?, 310, 'checkin', 'U0ALICE01')",
                TEAM,
                kpiOf(latency),
                WEEK);

        store(
                stored(availability, value("99.97")),
                stored(latency, value("280.5")),
                stored(errors, new Measurement.Missing(Measurement.Reason.EMPTY, "`errors` matched no series.")),
                new MeasureDao.Stored(
                        TEAM, Optional.empty(), result(demand, LocalDate.of(2025, 1, 1), value("123456"))));

        assertThat(results())
                .containsExactlyInAnyOrder(
                        availability + " 2025-01-13 99.97 null ",
                        latency + " 2025-01-13 280.5 null ",
                        errors + " 2025-01-13 null empty `errors` matched no series.",
                        demand + " 2025-01-01 123456 null ");
        assertThat(readings())
                .containsExactlyInAnyOrder(
                        kpiOf(availability) + " prometheus 99.9700", kpiOf(latency) + " checkin 310.0000");
        assertThat(latest(kpiOf(availability))).isEqualByComparingTo("99.97");
    }

    @Test
    void a_period_stored_again_replaces_its_result_and_reading() {
        store(stored(availability, value("99.97")), stored(errors, value("0.7")));

        store(
                stored(availability, value("99.5")),
                stored(errors, new Measurement.Missing(Measurement.Reason.UNREACHABLE, "Prometheus is down.")));

        assertThat(results())
                .containsExactlyInAnyOrder(
                        availability + " 2025-01-13 99.5 null ",
                        errors + " 2025-01-13 null unreachable Prometheus is down.");
        assertThat(readings())
                .contains(kpiOf(availability) + " prometheus 99.5000", kpiOf(errors) + " prometheus 0.7000");
        assertThat(latest(kpiOf(availability))).isEqualByComparingTo("99.5");
    }

    @Test
    void bindings_move_on_with_their_failing_runs_and_never_back_and_an_old_querys_run_moves_nothing() {
        store(
                stored(availability, value("99.97")),
                stored(errors, new Measurement.Missing(Measurement.Reason.EMPTY, "none")),
                stored(latency, new Measurement.Missing(Measurement.Reason.NOT_CONFIGURED, "none set")));
        drumbeat.jdbi()
                .useTransaction(h -> new MeasureDao(h)
                        .evaluated(Map.of(
                                availability,
                                        new MeasureDao.Evaluated(
                                                WEEK, "q" + availability, java.util.OptionalInt.empty()),
                                errors, new MeasureDao.Evaluated(WEEK, "q" + errors, java.util.OptionalInt.empty()),
                                latency, new MeasureDao.Evaluated(WEEK, "q" + latency, java.util.OptionalInt.empty()),
                                demand,
                                        new MeasureDao.Evaluated(
                                                LocalDate.of(2025, 1, 1),
                                                "an older query",
                                                java.util.OptionalInt.empty()))));
        drumbeat.jdbi()
                .useTransaction(h -> new MeasureDao(h)
                        .evaluated(Map.of(
                                availability,
                                new MeasureDao.Evaluated(
                                        WEEK.minusWeeks(1), "q" + availability, java.util.OptionalInt.empty()))));

        List<String> bindings = drumbeat.jdbi()
                .withHandle(h -> h.createQuery(
                                "select id, evaluated_through, failing_periods from measure_bindings order by id")
                        .map((rs, ctx) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getInt(3))
                        .list());
        assertThat(bindings)
                .containsExactly(
                        availability + " 2025-01-13 0",
                        latency + " 2025-01-13 0",
                        errors + " 2025-01-13 1",
                        demand + " null 0");
    }

    @Test
    void a_result_of_a_query_no_longer_bound_is_not_stored() {
        drumbeat.execute("update measure_bindings set query = 'a newer query' where id = ?", availability);

        store(stored(availability, value("99.97")));

        assertThat(results()).isEmpty();
        assertThat(readings()).isEmpty();
    }

    private long bind(String kpiKey) {
        return drumbeat.jdbi()
                .withHandle(h ->
                        h.createQuery("""
                                insert into measure_bindings (team_id, service_id, kpi_id, query, bound_by, bound_at)
                                select team_id, service_id, id, key || '_ratio', 'U0ALICE01', now()
                                  from kpis where key = :key returning id""").bind("key", kpiKey).mapTo(Long.class).one());
    }

    private static long kpiOf(long binding) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select kpi_id from measure_bindings where id = :id")
                        .bind("id", binding)
                        .mapTo(Long.class)
                        .one());
    }

    private static Measurement value(String number) {
        return new Measurement.Value(new BigDecimal(number), END);
    }

    private static MeasureResult result(long binding, LocalDate period, Measurement measurement) {
        return MeasureResult.of(binding, period, "q" + binding, measurement, END);
    }

    private static MeasureDao.Stored stored(long binding, Measurement measurement) {
        return new MeasureDao.Stored(TEAM, Optional.of(kpiOf(binding)), result(binding, WEEK, measurement));
    }

    private static void store(MeasureDao.Stored... batch) {
        drumbeat.jdbi().useTransaction(h -> new MeasureDao(h).store(List.of(batch), NOW));
    }

    private static List<String> results() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery(
                                "select binding_id, period_start, value, reason, detail, query, measured_at, recorded_at"
                                        + " from measure_results")
                        .map((rs, ctx) -> {
                            assertThat(rs.getString("query")).isEqualTo("q" + rs.getLong(1));
                            assertThat(rs.getTimestamp("measured_at").toInstant())
                                    .isEqualTo(END);
                            assertThat(rs.getTimestamp("recorded_at").toInstant())
                                    .isEqualTo(NOW);
                            return rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                                    + " " + rs.getString(5);
                        })
                        .list());
    }

    /** The readings of the measured week, each with its source and value. */
    private static List<String> readings() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery(
                                "select kpi_id, source, value, recorded_at from kpi_readings where period_start = :week")
                        .bind("week", WEEK)
                        .map((rs, ctx) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3))
                        .list());
    }

    private static BigDecimal latest(long kpi) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select latest_value from kpis where id = :id")
                        .bind("id", kpi)
                        .mapTo(BigDecimal.class)
                        .one());
    }
}
