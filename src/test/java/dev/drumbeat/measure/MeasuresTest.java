package dev.drumbeat.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.config.Monitoring;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Periods;
import dev.drumbeat.core.Role;
import dev.drumbeat.core.UserError;
import dev.drumbeat.prometheus.Measurement;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.PrometheusServer;
import dev.drumbeat.support.Seed;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * KPIs and demand measured against a real Prometheus serving series this test wrote: a new binding fills the past
 * twelve weeks with the very values written, the job measures each week once when it ends in the owner's zone, a
 * typed reading is never replaced, and every period without a number keeps its reason.
 */
class MeasuresTest {
    static final String TEAM = "T0MEASURE";
    /** Monday 6 January 2025: the first of the thirteen weeks written, one value a week, a sample every hour. */
    static final Instant FIRST_WEEK = Instant.parse("2025-01-06T00:00:00Z");

    static final int WEEKS = 13;
    static final Periods PERIODS = new Periods(DayOfWeek.MONDAY, 9);
    static final Actor OWNER = new Actor(TEAM, "U0OWNER", Role.MEMBER);

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    @TempDir
    static Path dir;

    static PrometheusServer prometheus;

    /** Monday 31 March 2025, 09:00 UTC: twelve weeks have ended since 6 January. */
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-31T09:00:00Z"));

    Jdbi jdbi;
    Measures measures;

    /** The week's availability: 99.00 in the first week, 99.01 in the second, and so on. */
    static BigDecimal weekValue(int week) {
        return new BigDecimal("99.00").add(new BigDecimal(week).movePointLeft(2));
    }

    @BeforeAll
    static void prometheusWithThirteenWeeks() {
        // One sample a day at 12:30: a week's window [start, end] holds that week's seven samples only, and promtool
        // makes one block per two hours holding data, so sparse samples keep thirteen weeks quick to load.
        StringBuilder om = new StringBuilder();
        om.append("# TYPE availability gauge\n");
        each(day -> om.append("availability{service=\"payments\"} ")
                .append(weekValue(day / 7).toPlainString())
                .append(' ')
                .append(at(day))
                .append('\n'));
        om.append("# TYPE demand_month gauge\n");
        each(day -> om.append("demand_month ")
                .append(FIRST_WEEK
                                .plus(Duration.ofDays(day))
                                .atZone(ZoneOffset.UTC)
                                .getMonthValue()
                        * 1000)
                .append(' ')
                .append(at(day))
                .append('\n'));
        // A counter going up 1,000 a day that restarts from zero on day 17, in the third week.
        om.append("# TYPE payments counter\n");
        each(day -> om.append("payments_total ")
                .append(day < 17 ? 1000 * (day + 1) : 1000 * (day - 16))
                .append(' ')
                .append(at(day))
                .append('\n'));
        om.append("# TYPE broken_ratio gauge\n");
        each(day -> om.append("broken_ratio NaN ").append(at(day)).append('\n'));
        // A batch job that stops reporting on day 40, in the sixth week.
        om.append("# TYPE batch_jobs gauge\n");
        each(day -> {
            if (day <= 40) {
                om.append("batch_jobs 42 ").append(at(day)).append('\n');
            }
        });
        om.append("# TYPE instances gauge\n");
        for (String instance : List.of("a", "b")) {
            each(day -> om.append("instances{instance=\"")
                    .append(instance)
                    .append("\"} 1 ")
                    .append(at(day))
                    .append('\n'));
        }
        om.append("# EOF\n");
        prometheus = PrometheusServer.start(dir, om.toString());
    }

    private static void each(java.util.function.IntConsumer day) {
        for (int d = 0; d < WEEKS * 7; d++) {
            day.accept(d);
        }
    }

    private static long at(int day) {
        return FIRST_WEEK
                .plus(Duration.ofDays(day))
                .plus(Duration.ofMinutes(12 * 60 + 30))
                .getEpochSecond();
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @BeforeEach
    void aServiceWithAnOwnerAndAKpi() {
        jdbi = drumbeat.jdbi();
        new Seed(jdbi, TEAM)
                .person("U0OWNER", "olga", "member")
                .person("U0OTHER", "oscar", "member")
                .service("payments", "Payments", "core", "U0OWNER", "0.10", "1000", "500")
                .kpi("payments", "availability", "Availability", "%", "99.9", "up", "98");
        jdbi.useHandle(h -> h.execute("delete from kpi_readings"));
        measures = measuresAt(Monitoring.at(prometheus.url()));
    }

    @AfterEach
    void closeMeasures() {
        measures.close();
    }

    Measures measuresAt(Monitoring monitoring) {
        return new Measures(jdbi, new AuditLog(clock), Measurer.of(monitoring), PERIODS, clock);
    }

    static final String AVAILABILITY = "avg_over_time(availability{service=\"payments\"}[7d])";

    @Test
    void binding_fills_the_past_twelve_weeks_with_the_values_prometheus_holds() {
        Measures.Bound bound = measures.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);

        assertThat(bound.now()).isInstanceOf(Measurement.Value.class);
        assertThat(bound.backfill()).hasSize(12).allMatch(MeasureResult::measured);
        Map<LocalDate, BigDecimal> readings = measuredReadings();
        assertThat(readings).hasSize(12);
        for (int week = 0; week < 12; week++) {
            LocalDate period = LocalDate.of(2025, 1, 6).plusWeeks(week);
            assertThat(readings.get(period)).as("week of %s", period).isEqualByComparingTo(weekValue(week));
        }
        Instant measuredAt = jdbi.withHandle(
                h -> h.createQuery("select measured_at from measure_results where period_start = date '2025-03-24'")
                        .mapTo(Instant.class)
                        .one());
        assertThat(measuredAt).isEqualTo(Instant.parse("2025-03-31T00:00:00Z"));
        assertThat(audited()).containsExactly("payments/availability");
    }

    @Test
    void a_week_ends_in_the_owners_zone_and_is_measured_there() {
        jdbi.useHandle(h -> h.execute("update people set tz = 'America/New_York' where user_id = 'U0OWNER'"));

        measures.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);

        Instant measuredAt = jdbi.withHandle(
                h -> h.createQuery("select measured_at from measure_results where period_start = date '2025-03-24'")
                        .mapTo(Instant.class)
                        .one());
        assertThat(measuredAt).isEqualTo(Instant.parse("2025-03-31T04:00:00Z"));
    }

    @Test
    void the_job_measures_each_week_once_when_it_ends() {
        measures.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);
        assertThat(measures.evaluateDue().results())
                .as("nothing has ended since binding")
                .isEmpty();

        clock.set(Instant.parse("2025-04-07T00:05:00Z"));
        Measures.Evaluation evaluation = measures.evaluateDue();

        assertThat(evaluation.results()).singleElement().satisfies(r -> {
            assertThat(r.period()).isEqualTo(LocalDate.of(2025, 3, 31));
            assertThat(r.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(weekValue(12)));
        });
        assertThat(measuredReadings()).hasSize(13);
        assertThat(measures.evaluateDue().results())
                .as("a week is measured once")
                .isEmpty();
    }

    @Test
    void a_job_that_was_stopped_catches_up_on_every_week_it_missed() {
        measures.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);
        jdbi.useHandle(h -> h.execute("update measure_bindings set evaluated_through = date '2025-03-10'"));

        assertThat(measures.evaluateDue().results())
                .extracting(MeasureResult::period)
                .containsExactly(LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 24));
    }

    @Test
    void a_typed_reading_stands_and_the_measurement_is_kept_beside_it() {
        long kpi = jdbi.withHandle(h -> h.createQuery("select id from kpis where key = 'availability'")
                .mapTo(Long.class)
                .one());
        jdbi.useHandle(h -> h.execute(
                "insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_by)"
                        + " values (?, ?, date '2025-03-24', 97.5, 'checkin', 'U0OWNER')",
                TEAM,
                kpi));

        measures.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);

        assertThat(measuredReadings()).hasSize(11).doesNotContainKey(LocalDate.of(2025, 3, 24));
        BigDecimal latest = jdbi.withHandle(h -> h.createQuery("select latest_value from kpis where id = ?")
                .bind(0, kpi)
                .mapTo(BigDecimal.class)
                .one());
        assertThat(latest).isEqualByComparingTo("97.5");
        BigDecimal kept = jdbi.withHandle(
                h -> h.createQuery("select value from measure_results where period_start = date '2025-03-24'")
                        .mapTo(BigDecimal.class)
                        .one());
        assertThat(kept).isEqualByComparingTo(weekValue(11));
    }

    @Test
    void weeks_without_a_number_keep_their_reason_and_count_as_failing() {
        measures.bind(
                OWNER, "payments", Optional.of("availability"), "sum by (instance) (last_over_time(instances[1d]))");

        List<MeasureResult> results = results();
        assertThat(results).hasSize(12).allSatisfy(r -> {
            assertThat(r.value()).isEmpty();
            assertThat(r.reason()).contains(Measurement.Reason.SEVERAL_SERIES);
            assertThat(r.detail()).contains("2 series");
        });
        assertThat(measuredReadings()).isEmpty();
        assertThat(failingPeriods()).isEqualTo(12);

        clock.set(Instant.parse("2025-04-07T00:05:00Z"));
        measures.evaluateDue();
        assertThat(failingPeriods()).as("the run goes on").isEqualTo(13);
    }

    @Test
    void a_counter_reset_a_nan_and_a_series_that_stopped_are_stored_as_prometheus_gives_them() {
        new Seed(jdbi, TEAM)
                .kpi("payments", "payments", "Payments a week", "", "5000", "up", "1")
                .kpi("payments", "broken", "Broken ratio", "", "1", "down", "1")
                .kpi("payments", "batch", "Batch jobs", "", "40", "up", "1");
        jdbi.useHandle(h -> h.execute("delete from kpi_readings"));

        measures.bind(OWNER, "payments", Optional.of("payments"), "increase(payments_total[7d])");
        measures.bind(OWNER, "payments", Optional.of("broken"), "last_over_time(broken_ratio[1d])");
        measures.bind(OWNER, "payments", Optional.of("batch"), "last_over_time(batch_jobs[1d])");

        Map<LocalDate, BigDecimal> payments = measuredReadings("payments");
        assertThat(payments).hasSize(12);
        assertThat(payments.values())
                .as("1,000 a day, seven days a week, the restart in the third week included")
                .allSatisfy(v -> assertThat(v).isEqualByComparingTo("7000"));
        assertThat(measuredReadings("broken")).isEmpty();
        assertThat(resultsOf("broken"))
                .hasSize(12)
                .allSatisfy(r -> assertThat(r.reason()).contains(Measurement.Reason.NOT_A_NUMBER));
        Map<LocalDate, BigDecimal> batch = measuredReadings("batch");
        assertThat(batch)
                .containsOnlyKeys(
                        LocalDate.of(2025, 1, 6),
                        LocalDate.of(2025, 1, 13),
                        LocalDate.of(2025, 1, 20),
                        LocalDate.of(2025, 1, 27),
                        LocalDate.of(2025, 2, 3));
        assertThat(batch.values()).allSatisfy(v -> assertThat(v).isEqualByComparingTo("42"));
        Map<LocalDate, Optional<Measurement.Reason>> batchReasons =
                resultsOf("batch").stream().collect(Collectors.toMap(MeasureResult::period, MeasureResult::reason));
        assertThat(batchReasons.get(LocalDate.of(2025, 2, 10)))
                .as("stopped in the week")
                .contains(Measurement.Reason.STALE);
        assertThat(batchReasons.get(LocalDate.of(2025, 2, 17)))
                .as("no data all week")
                .contains(Measurement.Reason.EMPTY);
    }

    @Test
    void a_new_query_measures_the_weeks_again_and_says_what_it_replaced() {
        measures.bind(OWNER, "payments", Optional.of("availability"), "avg_over_time(availability[7d]) - 1");
        assertThat(measuredReadings().get(LocalDate.of(2025, 1, 6))).isEqualByComparingTo("98.00");

        Measures.Bound again = measures.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);

        assertThat(again.replaced()).contains("avg_over_time(availability[7d]) - 1");
        assertThat(measuredReadings().get(LocalDate.of(2025, 1, 6))).isEqualByComparingTo("99.00");
        assertThat(results()).allMatch(r -> r.query().equals(AVAILABILITY));
        assertThat(audited()).hasSize(2);
    }

    @Test
    void a_new_query_prometheus_refuses_changes_nothing_and_keeps_the_weeks_measured() {
        measures.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);

        assertThatThrownBy(() -> measures.bind(
                        OWNER,
                        "payments",
                        Optional.of("availability"),
                        "avg_over_time(availability{service=\"payments\"[7d])"))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("Nothing changed: Prometheus refused the query");

        assertThat(measuredReadings()).hasSize(12);
        assertThat(results()).allMatch(r -> r.query().equals(AVAILABILITY));
        assertThat(audited()).hasSize(1);
    }

    @Test
    void a_run_that_began_before_a_rebind_does_not_store_the_old_querys_numbers() {
        measures.bind(OWNER, "payments", Optional.of("availability"), "avg_over_time(availability[7d]) - 1");
        List<MeasureBinding> seenByARunningJob = jdbi.withHandle(h -> new MeasureDao(h).active());
        measures.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);
        jdbi.useHandle(h -> h.execute("update measure_bindings set evaluated_through = date '2025-03-10'"));

        measures.evaluate(seenByARunningJob, clock.instant());

        assertThat(measuredReadings().get(LocalDate.of(2025, 3, 17))).isEqualByComparingTo(weekValue(10));
        assertThat(results()).allMatch(r -> r.query().equals(AVAILABILITY));
        int through = jdbi.withHandle(
                h -> h.createQuery("select count(*) from measure_bindings where evaluated_through = date '2025-03-10'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(through).as("the old query's run moves nothing on").isEqualTo(1);
    }

    @Test
    void weeks_measured_before_the_check_in_day_changed_go_on_from_the_new_days_grid() {
        measures.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);
        clock.set(Instant.parse("2025-04-10T09:00:00Z"));
        try (Measures wednesdays = new Measures(
                jdbi,
                new AuditLog(clock),
                Measurer.of(Monitoring.at(prometheus.url())),
                new Periods(DayOfWeek.WEDNESDAY, 9),
                clock)) {
            assertThat(wednesdays.evaluateDue().results())
                    .extracting(MeasureResult::period)
                    .containsExactly(LocalDate.of(2025, 3, 26), LocalDate.of(2025, 4, 2));
        }
    }

    @Test
    void binding_the_same_query_again_changes_nothing() {
        measures.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);

        Measures.Bound again = measures.bind(OWNER, "payments", Optional.of("avail"), "  " + AVAILABILITY + " ");

        assertThat(again.backfill()).isEmpty();
        assertThat(again.replaced()).isEmpty();
        assertThat(audited()).hasSize(1);
    }

    @Test
    void demand_is_measured_at_each_months_end() {
        clock.set(Instant.parse("2025-04-07T09:00:00Z"));

        Measures.Bound bound = measures.bind(OWNER, "payments", Optional.empty(), "last_over_time(demand_month[1d])");

        assertThat(bound.binding().isDemand()).isTrue();
        Map<LocalDate, Optional<BigDecimal>> byMonth =
                bound.backfill().stream().collect(Collectors.toMap(MeasureResult::period, MeasureResult::value));
        assertThat(byMonth)
                .containsOnlyKeys(
                        LocalDate.of(2024, 10, 1),
                        LocalDate.of(2024, 11, 1),
                        LocalDate.of(2024, 12, 1),
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 2, 1),
                        LocalDate.of(2025, 3, 1));
        assertThat(byMonth.get(LocalDate.of(2024, 12, 1)))
                .as("before the series began")
                .isEmpty();
        assertThat(byMonth.get(LocalDate.of(2025, 3, 1)))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3000"));
        assertThat(measures.demand(bound.binding().serviceId(), LocalDate.of(2025, 2, 1)))
                .hasValueSatisfying(r -> assertThat(r.value())
                        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("2000")));
        assertThat(measuredReadings()).as("demand is not a KPI reading").isEmpty();
    }

    @Test
    void only_the_owner_the_deputy_or_an_admin_may_bind() {
        Actor other = new Actor(TEAM, "U0OTHER", Role.MEMBER);

        assertThatThrownBy(() -> measures.bind(other, "payments", Optional.of("availability"), AVAILABILITY))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("Only the owner of Payments");
        assertThat(measures.sources(TEAM)).isEmpty();

        measures.bind(new Actor(TEAM, "U0OTHER", Role.ADMIN), "payments", Optional.of("availability"), AVAILABILITY);
        assertThat(measures.sources(TEAM)).hasSize(1);
    }

    @Test
    void an_unknown_kpi_is_refused_with_the_ones_there_are() {
        assertThatThrownBy(() -> measures.bind(OWNER, "payments", Optional.of("latency"), AVAILABILITY))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("has no KPI `latency`")
                .hasMessageContaining("`availability`");
        assertThatThrownBy(() -> measures.bind(OWNER, "payments", Optional.of("availability"), " \0 "))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> measures.bind(OWNER, "payments", Optional.of("availability"), "x".repeat(10_000_000)))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("2000");
        assertThat(measures.sources(TEAM)).isEmpty();
    }

    @Test
    void without_prometheus_a_binding_is_kept_and_every_week_says_why_it_has_no_number() {
        try (Measures unconfigured = measuresAt(Monitoring.none())) {
            Measures.Bound bound = unconfigured.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);

            assertThat(bound.now()).isInstanceOfSatisfying(Measurement.Missing.class, m -> {
                assertThat(m.reason()).isEqualTo(Measurement.Reason.NOT_CONFIGURED);
                assertThat(m.detail()).contains("DRUMBEAT_PROMETHEUS_URL");
            });
            assertThat(results())
                    .hasSize(12)
                    .allMatch(r -> r.reason().equals(Optional.of(Measurement.Reason.NOT_CONFIGURED)));
            assertThat(failingPeriods()).as("not the owner's to fix").isZero();
        }
    }

    @Test
    void prometheus_gone_is_a_reason_and_a_later_run_does_not_guess() throws Exception {
        try (Measures unreachable =
                measuresAt(Monitoring.at(java.net.URI.create("http://127.0.0.1:" + closedPort() + "/")))) {
            unreachable.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);
        }

        assertThat(results()).hasSize(12).allSatisfy(r -> {
            assertThat(r.reason()).contains(Measurement.Reason.UNREACHABLE);
            assertThat(r.detail()).contains("could not be reached");
        });
        assertThat(measuredReadings()).isEmpty();
    }

    @Test
    void an_outage_pauses_asking_after_twenty_failures_in_a_row_rather_than_waiting_on_each() throws Exception {
        Measurer measurer = Measurer.of(Monitoring.at(java.net.URI.create("http://127.0.0.1:" + closedPort() + "/")));
        Instant end = Instant.parse("2025-03-31T00:00:00Z");

        for (int i = 0; i < Measurer.FAILURES_BEFORE_PAUSE; i++) {
            assertThat(measurer.measure(AVAILABILITY, end.minus(Duration.ofDays(7)), end))
                    .isInstanceOfSatisfying(
                            Measurement.Missing.class,
                            m -> assertThat(m.detail()).contains("could not be reached"));
        }

        assertThat(measurer.measure(AVAILABILITY, end.minus(Duration.ofDays(7)), end))
                .isInstanceOfSatisfying(Measurement.Missing.class, m -> {
                    assertThat(m.reason()).isEqualTo(Measurement.Reason.UNREACHABLE);
                    assertThat(m.detail()).contains("not asking it for a minute");
                });
        assertThat(measuredReadings()).isEmpty();
    }

    @Test
    void weeks_that_found_prometheus_gone_are_asked_again_an_hour_later_and_the_run_of_failures_ends()
            throws Exception {
        try (Measures unreachable =
                measuresAt(Monitoring.at(java.net.URI.create("http://127.0.0.1:" + closedPort() + "/")))) {
            unreachable.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);
        }
        assertThat(failingPeriods()).isEqualTo(12);

        clock.advance(Duration.ofMinutes(30));
        assertThat(measures.evaluateDue().results()).as("not yet an hour").isEmpty();
        clock.advance(Duration.ofMinutes(31));
        Measures.Evaluation retried = measures.evaluateDue();

        assertThat(retried.results())
                .as("the weeks that ended in the last fortnight")
                .extracting(MeasureResult::period)
                .containsExactly(LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 24));
        assertThat(measuredReadings()).containsOnlyKeys(LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 24));
        assertThat(failingPeriods()).isZero();
        assertThat(measures.evaluateDue().results())
                .as("measured weeks are not asked again")
                .isEmpty();
    }

    @Test
    void a_check_in_sees_the_stored_week_once_ended_and_a_live_number_while_it_runs() {
        measures.bind(OWNER, "payments", Optional.of("availability"), AVAILABILITY);
        long service = jdbi.withHandle(h -> h.createQuery("select id from services where key = 'payments'")
                .mapTo(Long.class)
                .one());

        List<Measures.Live> ended = measures.forCheckIn(service, LocalDate.of(2025, 3, 24), Duration.ofSeconds(5));
        List<Measures.Live> running = measures.forCheckIn(service, LocalDate.of(2025, 3, 31), Duration.ofSeconds(5));

        assertThat(ended).singleElement().satisfies(l -> {
            assertThat(l.ended()).isTrue();
            assertThat(l.result().value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(weekValue(11)));
        });
        assertThat(running).singleElement().satisfies(l -> {
            assertThat(l.ended()).isFalse();
            assertThat(l.result().measuredAt()).isEqualTo(clock.instant());
            assertThat(l.result().value()).isPresent();
        });
    }

    private Map<LocalDate, BigDecimal> measuredReadings() {
        return jdbi
                .withHandle(h -> h.createQuery(
                                "select period_start, value from kpi_readings where source = 'prometheus'")
                        .map((rs, ctx) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)))
                        .list())
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<LocalDate, BigDecimal> measuredReadings(String kpiKey) {
        return jdbi
                .withHandle(h -> h.createQuery("""
                                select r.period_start, r.value from kpi_readings r join kpis k on k.id = r.kpi_id
                                 where r.source = 'prometheus' and k.key = ?""")
                        .bind(0, kpiKey)
                        .map((rs, ctx) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)))
                        .list())
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<MeasureResult> resultsOf(String kpiKey) {
        return jdbi.withHandle(h -> new MeasureDao(h)
                .history(
                        h.createQuery(
                                        "select b.id from measure_bindings b join kpis k on k.id = b.kpi_id where k.key = ?")
                                .bind(0, kpiKey)
                                .mapTo(Long.class)
                                .one(),
                        100));
    }

    private List<MeasureResult> results() {
        return jdbi.withHandle(h -> new MeasureDao(h)
                .history(
                        h.createQuery("select id from measure_bindings")
                                .mapTo(Long.class)
                                .one(),
                        100));
    }

    private int failingPeriods() {
        return jdbi.withHandle(h -> h.createQuery("select failing_periods from measure_bindings")
                .mapTo(Integer.class)
                .one());
    }

    private List<String> audited() {
        return jdbi.withHandle(
                h -> h.createQuery("select entity_key from audit_log where entity = 'measure_binding' order by id")
                        .mapTo(String.class)
                        .list());
    }

    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
