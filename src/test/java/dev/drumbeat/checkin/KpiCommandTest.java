package dev.drumbeat.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/drumbeat kpi <service> <kpi> <value>`: one reading for this week, forgiving about names and units. */
class KpiCommandTest {
    static final String ALICE = "U0ALICE01";
    static final String CAROL = "U0CAROL01";
    static final String THIS_WEEK = "period_start = date '2026-11-23'";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    Seed seed;

    @BeforeEach
    void seed() {
        drumbeat.clock().set(Instant.parse("2026-11-25T10:00:00Z"));
        seed = drumbeat.seed()
                .person(TestDrumbeat.ADMIN, "ada", "member")
                .person(ALICE, "alice", "member")
                .person(CAROL, "carol", "member");
        seed.service("payments-api", "Payments API", "core", ALICE, "0.12", "4200000", "620000")
                .service("core-banking", "Core Banking", "strategic", ALICE, "1.10", "90000", "400000")
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95")
                .kpi("payments-api", "p95-latency", "p95 latency", "ms", "300", "down", "310");
    }

    private static String kpi(String userId, String args) {
        SlackReply reply = drumbeat.command(userId, "kpi " + args);
        assertThat(reply.responseType()).isEqualTo("ephemeral");
        return reply.text();
    }

    private int slackReadings() {
        return seed.count("kpi_readings where " + THIS_WEEK);
    }

    @Test
    void a_reading_is_recorded_for_this_week_and_confirmed_against_its_target() {
        String answer = kpi(ALICE, "payments api availability 99.95%");

        assertThat(answer)
                .contains("Recorded 99.95% for Availability on Payments API (week of 23 Nov; target ≥ 99.9%"
                        + " :white_check_mark:)");
        assertThat(seed.count("kpi_readings where " + THIS_WEEK + " and source = 'slack' and value = 99.95"
                        + " and recorded_by = '" + ALICE + "'"))
                .isEqualTo(1);
        assertThat(seed.count(
                        "audit_log where entity = 'kpi_reading' and entity_key = 'payments-api/availability@2026-11-23'"
                                + " and action = 'create'"))
                .isEqualTo(1);
    }

    @Test
    void a_measured_kpi_is_not_typed_over_without_a_reason() {
        drumbeat.execute("""
                insert into measure_bindings (team_id, service_id, kpi_id, query, bound_by, bound_at)
                select s.team_id, s.id, k.id, 'avg_over_time(up{job="pay"}[7d]) * 100', 'U0ADMIN01', now()
                  from services s join kpis k on k.service_id = s.id where k.key = 'availability'""");
        int before = seed.count("kpi_readings");

        String answer = kpi(ALICE, "payments-api availability 97");

        assertThat(answer)
                .contains("Availability is measured by `avg_over_time(up{job=\"pay\"}[7d]) * 100`")
                .contains("`/drumbeat checkin payments-api`", "say why");
        assertThat(seed.count("kpi_readings")).isEqualTo(before);
    }

    @Test
    void names_with_spaces_grouped_thousands_and_a_trailing_unit_are_understood() {
        String answer = kpi(ALICE, "Payments API p95 latency 1,250 ms");

        assertThat(answer).contains("Recorded 1250 ms for p95 latency on Payments API", "target ≤ 300 ms :x:");
        assertThat(seed.count("kpi_readings where " + THIS_WEEK + " and value = 1250"))
                .isEqualTo(1);
    }

    @Test
    void recording_again_this_week_replaces_the_value_and_says_so() {
        kpi(ALICE, "payments-api availability 99.5");

        String answer = kpi(ALICE, "payments-api availability 99.97");

        assertThat(answer).contains("Recorded 99.97%", "It replaces 99.5%");
        assertThat(slackReadings()).isEqualTo(1);
        assertThat(seed.count("kpi_readings where " + THIS_WEEK + " and value = 99.97"))
                .isEqualTo(1);
        assertThat(seed.count("audit_log where action = 'update' and (before->>'value')::numeric = 99.5"))
                .isEqualTo(1);
    }

    @Test
    void an_unknown_kpi_lists_the_services_kpis() {
        String answer = kpi(ALICE, "payments-api throughput 5000");

        assertThat(answer)
                .contains(
                        "Payments API has no KPI “throughput”",
                        "`availability` (Availability, %)",
                        "`p95-latency` (p95 latency, ms)",
                        "`/drumbeat kpi payments-api availability &lt;value&gt;`");
        assertThat(slackReadings()).isZero();
    }

    @Test
    void a_service_without_kpis_says_so() {
        assertThat(kpi(ALICE, "core-banking uptime 99")).contains("Core Banking has no KPIs yet");
    }

    @Test
    void a_bad_number_explains_how_to_write_it() {
        String words = kpi(ALICE, "payments-api availability nearly");
        String comma = kpi(ALICE, "payments-api p95-latency 12,5");
        String unit = kpi(ALICE, "payments-api p95-latency 12 seconds");

        assertThat(words)
                .contains(
                        "“nearly” is not a number",
                        "Give Availability as a number in %",
                        "`/drumbeat kpi payments-api availability 99.9`");
        assertThat(comma).contains("“12,5” is ambiguous: use a point for decimals");
        assertThat(unit).contains("“12 seconds” is in seconds, but p95 latency is measured in ms");
        assertThat(slackReadings()).isZero();
    }

    @Test
    void a_percentage_above_100_is_refused() {
        assertThat(kpi(ALICE, "payments-api availability 120")).contains("A percentage is between 0 and 100");
        assertThat(slackReadings()).isZero();
    }

    @Test
    void someone_who_is_not_owner_deputy_or_admin_may_not_record() {
        assertThat(kpi(CAROL, "payments-api availability 99.9")).contains("Only the owner of Payments API");
        assertThat(slackReadings()).isZero();
    }

    @Test
    void an_admin_may_record_for_any_service() {
        assertThat(kpi(TestDrumbeat.ADMIN, "payments-api availability 99.9")).contains("Recorded 99.9%");
        assertThat(slackReadings()).isEqualTo(1);
    }

    @Test
    void an_unknown_service_or_too_few_words_say_how_to_do_it_right() {
        assertThat(kpi(ALICE, "warehouse availability 99")).contains("No service matches “warehouse”");
        assertThat(kpi(ALICE, "availability 99"))
                .contains("Say the service, the KPI and the value", "`/drumbeat kpi payments-api availability 99.95`");
        assertThat(slackReadings()).isZero();
    }
}
