package dev.drumbeat.escalation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.drumbeat.catalog.CatalogDao;
import dev.drumbeat.core.Periods;
import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The facts one sweep reads, each checked against a constructed history on a real PostgreSQL. */
class EscalationFactsDaoTest {
    static final String TEAM = "T0FACTS";
    static final Periods PERIODS = new Periods(DayOfWeek.MONDAY, 9);
    /** Wednesday 18 Nov 2026: the period under way is Monday 16 Nov everywhere from UTC to Auckland. */
    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    static Seed seed;

    @BeforeEach
    void reset() {
        seed = new Seed(drumbeat.jdbi(), TEAM)
                .person("U0ALICE01", "alice", "member")
                .person("U0BOB0001", "bob", "member")
                .person("U0DEP0001", "dep", "member")
                .person("U0GONE001", "gone", "member")
                .deactivated("U0GONE001")
                .timeZone("U0BOB0001", "Pacific/Auckland");
    }

    private Map<String, ServiceFacts> facts(Instant now) {
        return dao().serviceFacts(now, PERIODS).stream()
                .collect(Collectors.toMap(ServiceFacts::key, Function.identity()));
    }

    private ServiceFacts facts(String key) {
        return facts(NOW).get(key);
    }

    private static EscalationFactsDao dao() {
        return drumbeat.jdbi().onDemand(EscalationFactsDao.class);
    }

    /** A service in the catalog since the start of 2026. */
    private void service(String key, String ownerId) {
        seed.service(key, "Service " + key, "core", ownerId, "1", "1", "1");
        sql(
                "update services set created_at = timestamptz '2026-01-01 00:00:00+00', owner_since = timestamptz '2026-01-01 00:00:00+00'"
                        + " where key = ?",
                key);
    }

    /** Check-ins for the service, as "2026-11-16:red" pairs. */
    private void checkIns(String serviceKey, String... periodStatuses) {
        for (String periodStatus : periodStatuses) {
            String[] parts = periodStatus.split(":");
            drumbeat.jdbi().useHandle(h -> h.execute("""
                    insert into checkins (team_id, service_id, period_start, status, submitted_by, submitted_at)
                    select team_id, id, cast(? as date), ?, 'U0ALICE01', now() from services where key = ?""", parts[0], parts[1], serviceKey));
        }
    }

    /** A KPI with no readings yet. */
    private void kpi(String serviceKey, String kpiKey, String name, String target, String direction) {
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into kpis (team_id, service_id, key, name, target, direction)
                select team_id, id, ?, ?, cast(? as numeric), ? from services where key = ?""", kpiKey, name, target, direction, serviceKey));
    }

    /** Readings for the KPI, as "2026-11-16:99.5" pairs, from Slack. */
    private void readings(String kpiKey, String... periodValues) {
        for (String periodValue : periodValues) {
            String[] parts = periodValue.split(":");
            reading(kpiKey, parts[0], parts[1], "slack", "2026-11-16T12:00:00Z");
        }
    }

    private void reading(String kpiKey, String period, String value, String source, String recordedAt) {
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_at)
                select team_id, id, cast(? as date), cast(? as numeric), ?, cast(? as timestamptz) from kpis where key = ?""", period, value, source, recordedAt, kpiKey));
    }

    private void excuse(String serviceKey, String period) {
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into checkin_excusals (service_id, team_id, period_start, reason, created_at)
                select id, team_id, cast(? as date), 'away', now() from services where key = ?""", period, serviceKey));
    }

    private void sql(String statement, Object... args) {
        drumbeat.jdbi().useHandle(h -> h.execute(statement, args));
    }

    @Test
    void a_new_owner_owes_nothing_for_weeks_before_they_took_the_service_on() {
        service("payments", "U0ALICE01");
        Instant before = Instant.now().minusSeconds(5);
        drumbeat.jdbi().useExtension(CatalogDao.class, d -> d.setOwner(TEAM, "payments", "U0BOB0001"));

        assertThat(facts(Instant.now()).get("payments").createdAt()).isAfter(before);

        sql("update services set owner_since = timestamptz '2026-06-01 00:00:00+00' where key = 'payments'");
        drumbeat.jdbi().useExtension(CatalogDao.class, d -> d.setOwner(TEAM, "payments", "U0BOB0001"));
        assertThat(facts(Instant.now()).get("payments").createdAt())
                .as("naming the same owner again changes nothing")
                .isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void every_active_service_of_every_workspace_comes_back_from_one_query_in_team_then_id_order() {
        service("payments", "U0ALICE01");
        service("ledger", "U0BOB0001");
        service("retired", "U0ALICE01");
        sql("update services set active = false where key = 'retired'");
        new Seed(drumbeat.jdbi(), "T0AAAAAAA")
                .person("U0ZED0001", "zed", "member")
                .service("zed-svc", "Zed", "core", "U0ZED0001", "1", "1", "1");
        AtomicInteger statements = new AtomicInteger();
        drumbeat.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });

        List<ServiceFacts> facts = dao().serviceFacts(NOW, PERIODS);

        drumbeat.jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        assertThat(facts)
                .extracting(ServiceFacts::teamId, ServiceFacts::key)
                .containsExactly(tuple("T0AAAAAAA", "zed-svc"), tuple(TEAM, "payments"), tuple(TEAM, "ledger"));
        assertThat(statements).hasValue(1);
    }

    @Test
    void the_owner_their_zone_and_active_deputies_are_read() {
        service("payments", "U0BOB0001");
        sql("update services set deputy_id = 'U0DEP0001', team_channel = 'C0PAY' where key = 'payments'");
        sql(
                "update people set away_until = date '2026-11-30', away_deputy_id = 'U0ALICE01' where user_id = 'U0BOB0001'");

        ServiceFacts payments = facts("payments");

        assertThat(payments.ownerId()).contains("U0BOB0001");
        assertThat(payments.ownerActive()).isTrue();
        assertThat(payments.ownerTz()).isEqualTo("Pacific/Auckland");
        assertThat(payments.deputyId()).contains("U0DEP0001");
        assertThat(payments.teamChannel()).contains("C0PAY");
        assertThat(payments.ownerAwayUntil()).contains(LocalDate.of(2026, 11, 30));
        assertThat(payments.awayDeputyId()).contains("U0ALICE01");
    }

    @Test
    void deactivated_deputies_are_left_out_since_nobody_can_ask_them() {
        service("payments", "U0ALICE01");
        sql("update services set deputy_id = 'U0GONE001' where key = 'payments'");
        sql(
                "update people set away_until = date '2026-11-30', away_deputy_id = 'U0GONE001' where user_id = 'U0ALICE01'");

        assertThat(facts("payments").deputyId()).isEmpty();
        assertThat(facts("payments").awayDeputyId()).isEmpty();
    }

    @Test
    void a_service_without_owner_or_with_a_deactivated_owner_has_no_active_owner() {
        service("crm", null);
        service("mail", "U0GONE001");

        assertThat(facts("crm").ownerId()).isEmpty();
        assertThat(facts("crm").ownerActive()).isFalse();
        assertThat(facts("crm").ownerTz()).isEqualTo("UTC");
        assertThat(facts("mail").ownerId()).contains("U0GONE001");
        assertThat(facts("mail").ownerActive()).isFalse();
    }

    @Test
    void the_latest_check_in_period_is_read_and_absent_for_a_service_never_checked_in() {
        service("payments", "U0ALICE01");
        service("ledger", "U0ALICE01");
        checkIns("payments", "2026-11-02:green", "2026-11-09:amber");

        assertThat(facts("payments").lastCheckInPeriod()).contains(LocalDate.of(2026, 11, 9));
        assertThat(facts("ledger").lastCheckInPeriod()).isEmpty();
        assertThat(facts("ledger").redStreak()).isZero();
    }

    @Test
    void the_red_streak_counts_consecutive_red_weeks_back_from_the_latest_check_in() {
        service("payments", "U0ALICE01");
        checkIns(
                "payments", "2026-10-19:red", "2026-10-26:green", "2026-11-02:red", "2026-11-09:red", "2026-11-16:red");

        assertThat(facts("payments").redStreak()).isEqualTo(3);
    }

    @Test
    void a_missing_week_breaks_a_red_streak() {
        service("payments", "U0ALICE01");
        checkIns("payments", "2026-10-19:red", "2026-10-26:red", "2026-11-09:red", "2026-11-16:red");

        assertThat(facts("payments").redStreak()).isEqualTo(2);
    }

    @Test
    void a_latest_check_in_that_is_not_red_means_no_streak() {
        service("payments", "U0ALICE01");
        service("ledger", "U0ALICE01");
        checkIns("payments", "2026-11-02:red", "2026-11-09:red", "2026-11-16:amber");
        checkIns("ledger", "2026-11-09:amber", "2026-11-16:red");

        assertThat(facts("payments").redStreak()).isZero();
        assertThat(facts("ledger").redStreak()).isEqualTo(1);
    }

    @Test
    void a_streak_is_counted_from_the_latest_check_in_however_old_it_is() {
        service("payments", "U0ALICE01");
        checkIns("payments", "2026-09-07:red", "2026-09-14:red");

        assertThat(facts("payments").redStreak()).isEqualTo(2);
        assertThat(facts("payments").lastCheckInPeriod()).contains(LocalDate.of(2026, 9, 14));
    }

    @Test
    void a_kpi_below_its_target_for_consecutive_weeks_gives_the_run_and_its_name() {
        service("payments", "U0ALICE01");
        kpi("payments", "availability", "Availability", "99.9", "up");
        readings("availability", "2026-10-26:99.0", "2026-11-02:99.95", "2026-11-09:99.5", "2026-11-16:99.8");

        assertThat(facts("payments").kpiOffStreak()).isEqualTo(2);
        assertThat(facts("payments").worstKpi()).contains("Availability");
    }

    @Test
    void a_value_equal_to_its_target_is_on_target_in_either_direction() {
        service("payments", "U0ALICE01");
        kpi("payments", "availability", "Availability", "99.9", "up");
        kpi("payments", "latency", "Latency p95", "200", "down");
        readings("availability", "2026-11-16:99.9");
        readings("latency", "2026-11-16:200");

        assertThat(facts("payments").kpiOffStreak()).isZero();
        assertThat(facts("payments").worstKpi()).isEmpty();
    }

    @Test
    void a_down_kpi_is_off_target_above_its_target_and_the_longest_run_wins() {
        service("payments", "U0ALICE01");
        kpi("payments", "availability", "Availability", "99.9", "up");
        kpi("payments", "latency", "Latency p95", "200", "down");
        readings("availability", "2026-11-09:99.0", "2026-11-16:99.0");
        readings("latency", "2026-11-02:250", "2026-11-09:201", "2026-11-16:300");

        assertThat(facts("payments").kpiOffStreak()).isEqualTo(3);
        assertThat(facts("payments").worstKpi()).contains("Latency p95");
    }

    @Test
    void a_missing_week_breaks_an_off_target_run() {
        service("payments", "U0ALICE01");
        kpi("payments", "availability", "Availability", "99.9", "up");
        readings("availability", "2026-10-26:99.0", "2026-11-02:99.0", "2026-11-16:99.0");

        assertThat(facts("payments").kpiOffStreak()).isEqualTo(1);
    }

    @Test
    void when_two_sources_sent_a_reading_for_one_period_the_latest_recorded_counts() {
        service("payments", "U0ALICE01");
        service("ledger", "U0ALICE01");
        kpi("payments", "availability", "Availability", "99.9", "up");
        kpi("ledger", "errors", "Errors", "10", "down");
        readings("availability", "2026-11-09:99.0");
        reading("availability", "2026-11-16", "99.0", "slack", "2026-11-16T10:00:00Z");
        reading("availability", "2026-11-16", "99.99", "monitoring", "2026-11-16T11:00:00Z");
        reading("errors", "2026-11-16", "1", "slack", "2026-11-16T10:00:00Z");
        reading("errors", "2026-11-16", "50", "monitoring", "2026-11-16T11:00:00Z");

        assertThat(facts("payments").kpiOffStreak()).isZero();
        assertThat(facts("ledger").kpiOffStreak()).isEqualTo(1);
    }

    @Test
    void excused_this_period_follows_the_owners_zone() {
        service("payments", "U0ALICE01");
        service("ledger", "U0BOB0001");
        excuse("payments", "2026-11-23");
        excuse("ledger", "2026-11-23");
        Instant aucklandMondayNine = Instant.parse("2026-11-22T20:00:00Z");

        Map<String, ServiceFacts> facts = facts(aucklandMondayNine);

        assertThat(facts.get("ledger").excusedThisPeriod()).isTrue();
        assertThat(facts.get("payments").excusedThisPeriod()).isFalse();
        assertThat(facts.get("payments").lastExcusedPeriod()).contains(LocalDate.of(2026, 11, 23));
    }

    @Test
    void the_latest_excused_period_and_the_creation_time_are_read() {
        service("payments", "U0ALICE01");
        service("ledger", "U0ALICE01");
        excuse("payments", "2026-11-02");
        excuse("payments", "2026-11-09");
        sql("update services set created_at = timestamptz '2026-11-17 12:00:00+00' where key = 'payments'");

        assertThat(facts("payments").lastExcusedPeriod()).contains(LocalDate.of(2026, 11, 9));
        assertThat(facts("payments").excusedThisPeriod()).isFalse();
        assertThat(facts("payments").createdAt()).isEqualTo(Instant.parse("2026-11-17T12:00:00Z"));
        assertThat(facts("ledger").lastExcusedPeriod()).isEmpty();
    }

    @Test
    void an_owner_with_an_unknown_time_zone_is_read_in_utc() {
        service("payments", "U0DEP0001");
        sql("update people set tz = 'Mars/Olympus_Mons' where user_id = 'U0DEP0001'");
        excuse("payments", "2026-11-16");
        try {
            assertThat(facts("payments").excusedThisPeriod()).isTrue();
            assertThat(facts("payments").ownerTz()).isEqualTo("Mars/Olympus_Mons");
        } finally {
            sql("update people set tz = 'UTC' where user_id = 'U0DEP0001'");
        }
    }

    @Test
    void the_facts_feed_the_rules() {
        service("payments", "U0ALICE01");
        checkIns("payments", "2026-11-02:red", "2026-11-09:red");

        List<Finding> findings = EscalationRules.evaluate(
                dao().serviceFacts(NOW, PERIODS),
                dao().initiativeFacts(NOW, PERIODS),
                Thresholds.defaults(),
                PERIODS,
                Instant.parse("2026-11-18T09:00:00Z"));

        assertThat(findings)
                .extracting(Finding::reason, Finding::detail)
                .containsExactly(
                        tuple(Reason.STALE, "no check-in since the week of 9 Nov"),
                        tuple(Reason.RED_STREAK, "red for 2 weeks"));
    }
}
