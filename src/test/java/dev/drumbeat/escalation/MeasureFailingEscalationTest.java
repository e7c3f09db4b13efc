package dev.drumbeat.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Sweeps;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A measured KPI or demand whose query gives no number two periods running escalates to the service's owner, from
 * the bindings and results the evaluation job keeps ({@code measure_bindings.failing_periods}, the latest
 * {@code measure_results} row), seeded here directly: no Prometheus is needed to judge what was stored. The clock sits
 * before the services were created, so no check-in is owed and only the measuring is judged.
 */
class MeasureFailingEscalationTest {
    static final String TEAM = TestDrumbeat.TEAM;
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String DAVE = "U0DAVE001";
    static final String LEADERS = "C0LEADERS";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    EscalationService ladder;

    @BeforeEach
    void seed() {
        drumbeat.seed()
                .person(ALICE, "alice", "member")
                .person(BOB, "bob", "member")
                .person(DAVE, "dave", "member")
                .service("payments", "Payments API", "core", ALICE, "0.10", "100000", "30000")
                .deputy("payments", BOB)
                .kpi("payments", "availability", "Availability", "%", "99.9", "up", "99.95")
                .kpi("payments", "latency", "p95 latency", "ms", "300", "down", "250")
                .service("edge", "Edge", "secondary", DAVE, "1", "1", "1")
                .kpi("edge", "errors", "<!channel> errors", "%", "1", "down", "0.5");
        drumbeat.execute("update services set team_channel = 'C0PAYMENTS' where key = 'payments'");
        drumbeat.clock().set(Instant.parse("2025-06-03T09:00:00Z"));
        ladder = Sweeps.escalations(drumbeat, LEADERS);
    }

    @Test
    void a_kpi_failing_two_weeks_running_reaches_its_owner_with_the_query_and_the_last_reason_and_climbs() {
        long availability = bind("availability", "avg_over_time(up{job=\"payments\"}[7d]) * 100");
        failed(availability, "2025-05-19", "unreachable", "Prometheus at http://prom:9090/ could not be reached.", 1);

        assertThat(ladder.sweep().isEmpty())
                .as("one week failing is not yet two")
                .isTrue();

        failed(
                availability,
                "2025-05-26",
                "empty",
                "`avg_over_time(up{job=\"payments\"}[7d]) * 100` matched no series between 2025-05-26T00:00:00Z and"
                        + " 2025-06-02T00:00:00Z.",
                2);
        EscalationService.Applied opened = ladder.sweep();
        drumbeat.drainOutbox();

        assertThat(opened).isEqualTo(new EscalationService.Applied(1, 0, 0));
        SlackStandInCall dm = onlyPost(ALICE);
        assertThat(dm.args().get("text")).isEqualTo("Escalation, level 1 — Payments API: measuring failing");
        assertThat(blocks(dm))
                .contains(
                        "*Payments API* `payments` · *measuring failing*",
                        "Availability, measured by `avg_over_time(up{job=\"payments\"}[7d]) * 100`, gave no number"
                                + " 2 weeks running; the week of 26 May: no series (`avg_over_time(up{job=\"payments\"}[7d])"
                                + " * 100` matched no series between 2025-05-26T00:00:00Z and 2025-06-02T00:00:00Z.)",
                        "It closes by itself when each query gives a number again, or is unbound");

        drumbeat.clock().advance(Duration.ofHours(48));
        ladder.sweep();
        drumbeat.clock().advance(Duration.ofHours(48));
        ladder.sweep();
        drumbeat.drainOutbox();

        assertThat(onlyPost("C0PAYMENTS").args().get("text"))
                .isEqualTo("Escalation, level 2 — Payments API: measuring failing");
        assertThat(onlyPost(LEADERS).args().get("text"))
                .isEqualTo("Escalation, level 3 — Payments API: measuring failing");
    }

    @Test
    void a_binding_that_measures_again_closes_it() {
        long availability = bind("availability", "avg_over_time(up[7d]) * 100");
        failed(availability, "2025-05-26", "unreachable", "Prometheus at http://prom:9090/ could not be reached.", 2);
        ladder.sweep();

        measured(availability, "2025-06-02", "99.97");
        EscalationService.Applied closed = ladder.sweep();

        assertThat(closed).isEqualTo(new EscalationService.Applied(0, 0, 1));
        assertThat(closeReasons()).containsExactly("its queries give numbers again, or were unbound");
    }

    @Test
    void a_binding_unbound_closes_it() {
        long availability = bind("availability", "avg_over_time(up[7d]) * 100");
        failed(availability, "2025-05-26", "timed_out", "Prometheus did not answer within 10 s.", 3);
        ladder.sweep();

        drumbeat.execute("delete from measure_bindings where id = ?", availability);

        assertThat(ladder.sweep().closed()).isEqualTo(1);
        assertThat(drumbeat.count("escalations where closed_at is null")).isZero();
    }

    @Test
    void several_failing_bindings_of_a_service_make_one_escalation_naming_each_and_it_follows_the_latest_count() {
        long availability = bind("availability", "avg_over_time(up[7d]) * 100");
        long latency = bind("latency", "histogram_quantile(0.95, rate(http_seconds_bucket[7d]))");
        long demand = bindDemand("payments", "sum(increase(payments_total[30d]))");
        failed(availability, "2025-05-26", "unreachable", "Prometheus at http://prom:9090/ could not be reached.", 2);
        failed(latency, "2025-05-26", "several_series", "It gives 3 series.", 4);
        failed(demand, "2025-05-01", "query_error", "Prometheus refused the query: parse error.", 2);

        assertThat(ladder.sweep().opened()).isEqualTo(1);
        assertThat(openDetails())
                .singleElement()
                .satisfies(detail -> assertThat(detail)
                        .isEqualTo("Monthly demand, measured by `sum(increase(payments_total[30d]))`, gave no number"
                                + " 2 months running; the month of May 2025: query error (Prometheus refused the"
                                + " query: parse error.)\n"
                                + "Availability, measured by `avg_over_time(up[7d]) * 100`, gave no number 2 weeks"
                                + " running; the week of 26 May: Prometheus unreachable (Prometheus at"
                                + " http://prom:9090/ could not be reached.)\n"
                                + "p95 latency, measured by `histogram_quantile(0.95, rate(http_seconds_bucket[7d]))`,"
                                + " gave no number 4 weeks running; the week of 26 May: several series (It gives 3"
                                + " series.)"));

        measured(availability, "2025-06-02", "99.97");
        EscalationService.Applied changed = ladder.sweep();

        assertThat(changed).isEqualTo(new EscalationService.Applied(0, 1, 0));
        assertThat(openDetails()).singleElement().asString().doesNotContain("Availability");
    }

    @Test
    void what_people_typed_and_prometheus_said_is_escaped_and_mentions_nobody() {
        long errors = bind("errors", "sum(rate(errors{team=\"<@U0BOB0001>\"}[7d]))");
        failed(errors, "2025-05-26", "query_error", "Prometheus refused the query: bad label <!here> & more.", 2);

        ladder.sweep();
        drumbeat.drainOutbox();

        String message = onlyPost(DAVE).args().toString();
        assertThat(message)
                .contains(
                        "&lt;!channel&gt; errors, measured by `sum(rate(errors{team=\"&lt;@U0BOB0001&gt;\"}[7d]))`",
                        "bad label &lt;!here&gt; &amp; more.")
                .doesNotContain("<!channel>", "<@U0BOB0001>", "<!here>");
    }

    @Test
    void a_retired_service_is_not_escalated_for_its_bindings() {
        long availability = bind("availability", "avg_over_time(up[7d]) * 100");
        failed(availability, "2025-05-26", "unreachable", "Prometheus at http://prom:9090/ could not be reached.", 2);
        drumbeat.execute("update services set active = false where key = 'payments'");

        assertThat(ladder.sweep().isEmpty()).isTrue();
    }

    private long bind(String kpiKey, String query) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("""
                                insert into measure_bindings (team_id, service_id, kpi_id, query, bound_by, bound_at)
                                select k.team_id, k.service_id, k.id, :query, :by, now() from kpis k
                                 where k.team_id = :team and k.key = :kpi returning id""")
                        .bind("query", query)
                        .bind("by", ALICE)
                        .bind("team", TEAM)
                        .bind("kpi", kpiKey)
                        .mapTo(Long.class)
                        .one());
    }

    private long bindDemand(String serviceKey, String query) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("""
                                insert into measure_bindings (team_id, service_id, query, bound_by, bound_at)
                                select s.team_id, s.id, :query, :by, now() from services s
                                 where s.team_id = :team and s.key = :service returning id""")
                        .bind("query", query)
                        .bind("by", ALICE)
                        .bind("team", TEAM)
                        .bind("service", serviceKey)
                        .mapTo(Long.class)
                        .one());
    }

    /** A failed evaluation of {@code period}, the binding now failing {@code running} periods running. */
    private void failed(long binding, String period, String reason, String detail, int running) {
        drumbeat.execute("""
                insert into measure_results (binding_id, period_start, query, reason, detail, measured_at, recorded_at)
                select id, cast(? as date), query, ?, ?, now(), now() from measure_bindings where id = ?""", period, reason, detail, binding);
        drumbeat.execute(
                "update measure_bindings set evaluated_through = cast(? as date), failing_periods = ? where id = ?",
                period,
                running,
                binding);
    }

    private void measured(long binding, String period, String value) {
        drumbeat.execute("""
                insert into measure_results (binding_id, period_start, query, value, measured_at, recorded_at)
                select id, cast(? as date), query, cast(? as numeric), now(), now() from measure_bindings where id = ?""", period, value, binding);
        drumbeat.execute(
                "update measure_bindings set evaluated_through = cast(? as date), failing_periods = 0 where id = ?",
                period,
                binding);
    }

    private static SlackStandInCall onlyPost(String channel) {
        List<SlackStandInCall> posts = drumbeat.posts(channel);
        assertThat(posts).as("posts to %s", channel).hasSize(1);
        return posts.get(0);
    }

    private static String blocks(SlackStandInCall call) {
        return String.valueOf(call.args().get("blocks"));
    }

    private static List<String> closeReasons() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select close_reason from escalations where closed_at is not null")
                        .mapTo(String.class)
                        .list());
    }

    private static List<String> openDetails() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery(
                                "select detail from escalations where closed_at is null and reason = :reason")
                        .bind("reason", Reason.MEASURE_FAILING.code())
                        .mapTo(String.class)
                        .list());
    }
}
