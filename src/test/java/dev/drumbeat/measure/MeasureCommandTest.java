package dev.drumbeat.measure;

import static dev.drumbeat.measure.MeasureCommandPrometheus.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.config.Capacity;
import dev.drumbeat.config.Monitoring;
import dev.drumbeat.slack.SlowCommands;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * `/drumbeat kpi bind|unbind` over signed HTTP against a real Prometheus: what binding stores and answers, the past
 * weeks it fills from the series written, every way a query gives no number said in a sentence, and text Slack sends
 * that is no PromQL refused. Drumbeat waits no time for the answer here, so every bind is acknowledged at once and
 * answered through the command's response_url.
 */
class MeasureCommandTest {
    static final String ALICE = "U0ALICE01";
    static final String CAROL = "U0CAROL01";
    static final String AVAILABILITY = "availability{service=\"payments\"}";

    static MeasureCommandPrometheus prometheus;

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp(
            config -> config.withCapacity(Capacity.defaults().withCommandPatience(Duration.ZERO))
                    .withMonitoring(Monitoring.at(prometheus().server().url())));

    Seed seed;

    /** Started before the app, which is configured with its address. */
    static synchronized MeasureCommandPrometheus prometheus() {
        if (prometheus == null) {
            prometheus = MeasureCommandPrometheus.start();
        }
        return prometheus;
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @BeforeEach
    void seed() {
        drumbeat.clock().set(NOW);
        seed = drumbeat.seed()
                .person(TestDrumbeat.ADMIN, "ada", "member")
                .person(ALICE, "alice", "member")
                .person(CAROL, "carol", "member");
        seed.service("payments-api", "Payments API", "core", ALICE, "0.12", "4200000", "620000")
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95")
                .kpi("payments-api", "p95-latency", "p95 latency", "ms", "300", "down", "310")
                .kpi("payments-api", "throughput", "Throughput", "req/s", "10", "up", "12");
    }

    static String run(String userId, String text) {
        SlackReply reply = drumbeat.command(userId, text);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.responseType()).isEqualTo("ephemeral");
        return reply.text();
    }

    private static int bindings() {
        return drumbeat.count("measure_bindings");
    }

    @Test
    void binding_is_acknowledged_at_once_and_answered_through_the_response_url() {
        String ts = drumbeat.slack().mintTs();

        SlackReply ack = SlackReply.of(drumbeat.driver()
                .command(
                        drumbeat.user(ALICE),
                        DrumbeatExtension.CHANNEL,
                        "kpi bind payments-api availability " + AVAILABILITY,
                        drumbeat.slack().responseUrl(DrumbeatExtension.CHANNEL, ALICE, ts)));

        assertThat(ack.json().path("text").asText()).isEqualTo(SlowCommands.WORKING);
        dev.drumbeat.support.Await.until(
                "the answer to the bind",
                () -> drumbeat.slack()
                        .replacement(DrumbeatExtension.CHANNEL, ts)
                        .isPresent());
        assertThat(drumbeat.slack()
                        .replacement(DrumbeatExtension.CHANNEL, ts)
                        .orElseThrow()
                        .text())
                .contains("*Payments API · Availability* is measured by");
    }

    @Test
    void binding_stores_the_query_and_shows_what_it_measures_now_with_its_unit_and_week() {
        String answer = run(ALICE, "kpi bind payments-api availability " + AVAILABILITY);

        assertThat(answer)
                .contains(
                        "*Payments API · Availability* is measured by `" + AVAILABILITY + "`.",
                        "Now: *" + MeasureCommandPrometheus.availability(NOW).toPlainString()
                                + "%* for the week of 17 Mar so far.",
                        "The number is read in %, the KPI's unit: make the query give it in per cent (× 100 for a"
                                + " ratio).",
                        "Filled all of the past 12 weeks from Prometheus's history.");
        assertThat(drumbeat.count("measure_bindings where query = '" + AVAILABILITY + "' and bound_by = '" + ALICE
                        + "' and kpi_id is not null"))
                .isEqualTo(1);
        assertThat(drumbeat.count("audit_log where entity = 'measure_binding'")).isEqualTo(1);
    }

    @Test
    void the_twelve_past_weeks_are_readings_from_prometheus_with_the_values_written() {
        run(ALICE, "kpi bind payments-api availability " + AVAILABILITY);

        Map<LocalDate, BigDecimal> readings = new java.util.TreeMap<>();
        drumbeat.jdbi()
                .useHandle(h -> h.createQuery(
                                "select period_start, value from kpi_readings where source = 'prometheus'")
                        .map((rs, ctx) ->
                                Map.entry(rs.getObject("period_start", LocalDate.class), rs.getBigDecimal("value")))
                        .forEach(e -> readings.put(e.getKey(), e.getValue())));
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate week = LocalDate.parse("2024-12-23");
                week.isBefore(LocalDate.parse("2025-03-17"));
                week = week.plusWeeks(1)) {
            weeks.add(week);
        }
        assertThat(readings.keySet()).containsExactlyElementsOf(weeks);
        readings.forEach((week, value) -> {
            Instant end = week.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            assertThat(value).as("week of %s", week).isEqualByComparingTo(MeasureCommandPrometheus.availability(end));
        });
    }

    @Test
    void demand_is_measured_by_month_and_fills_six_months() {
        String answer = run(ALICE, "kpi bind payments-api demand payments_month");

        assertThat(answer)
                .contains(
                        "*Payments API · monthly demand* is measured by `payments_month`.",
                        "Now: *"
                                + String.format(
                                        "%,d",
                                        MeasureCommandPrometheus.demand(NOW).longValue())
                                + " transactions* for March 2025 so far.",
                        "The number is read as transactions a month, the service's unit: make the query count in it.",
                        "Filled all of the past 6 months");
        assertThat(drumbeat.count("measure_bindings where kpi_id is null")).isEqualTo(1);
        assertThat(drumbeat.count("measure_results")).isEqualTo(6);
        BigDecimal february = MeasureCommandPrometheus.demand(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(drumbeat.count("measure_results where period_start = date '2025-02-01' and value = " + february))
                .isEqualTo(1);
    }

    @Test
    void a_changed_query_says_what_it_replaced_and_the_same_query_again_changes_nothing() {
        run(ALICE, "kpi bind payments-api availability " + AVAILABILITY);

        String changed = run(ALICE, "kpi bind payments-api availability avg_over_time(" + AVAILABILITY + "[7d])");
        String again = run(ALICE, "kpi bind payments-api availability avg_over_time(" + AVAILABILITY + "[7d])");

        assertThat(changed).contains("It replaces `" + AVAILABILITY + "`.", "Filled all of the past 12 weeks");
        assertThat(again).doesNotContain("It replaces").contains("The query is unchanged");
        assertThat(bindings()).isEqualTo(1);
    }

    @Test
    void slack_entities_and_curly_quotes_become_the_promql_typed() {
        // as Slack sends `rate(requests_total{job=“payments”}[5m]) > 0` from a client that curls quotes
        String answer = run(
                ALICE, "kpi bind payments-api throughput rate(requests_total{job=\u201Cpayments\u201D}[5m]) &gt; 0");
        String compared =
                run(ALICE, "kpi bind payments-api p95-latency max(latency_ms{instance=\"a&amp;b\"}) &gt; 100");

        String stored = "rate(requests_total{job=\"payments\"}[5m]) > 0";
        assertThat(drumbeat.count("measure_bindings where query = '" + stored + "'"))
                .isEqualTo(1);
        assertThat(answer).contains("`rate(requests_total{job=\"payments\"}[5m]) &gt; 0`");
        assertThat(drumbeat.count("measure_bindings where query = 'max(latency_ms{instance=\"a&b\"}) > 100'"))
                .isEqualTo(1);
        assertThat(compared).contains("`max(latency_ms{instance=\"a&amp;b\"}) &gt; 100`");
    }

    @Test
    void several_series_say_so_and_show_their_labels_escaped() {
        String answer = run(ALICE, "kpi bind payments-api p95-latency latency_ms");

        assertThat(answer)
                .contains(
                        "It gives no number for the week of 17 Mar so far: The query gives several series, not one"
                                + " number.",
                        "instance=\"&lt;!channel&gt; &amp; co\"",
                        "Filled 0 of the past 12 weeks from Prometheus's history; 12 gave no number.")
                .doesNotContain("<!channel>");
        assertThat(bindings()).isEqualTo(1);
        assertThat(drumbeat.count("kpi_readings where source = 'prometheus'")).isZero();
        assertThat(drumbeat.count("measure_results where reason = 'several_series'"))
                .isEqualTo(12);
    }

    @Test
    void a_query_prometheus_refuses_and_one_matching_nothing_give_their_reasons() {
        String refused = run(ALICE, "kpi bind payments-api availability sum(availability");
        String empty = run(ALICE, "kpi bind payments-api p95-latency no_such_metric");

        assertThat(refused)
                .as("a query Prometheus refuses changes nothing")
                .contains("Nothing changed: Prometheus refused the query: ")
                .doesNotContain("query. Prometheus refused");
        assertThat(empty)
                .contains("so far: `no_such_metric` matched no series")
                .as("said once")
                .doesNotContain("The query matched no series.");
        assertThat(bindings())
                .as("only the query that matched nothing is bound")
                .isEqualTo(1);
    }

    @Test
    void unbinding_stops_measuring_and_keeps_the_readings() {
        run(ALICE, "kpi bind payments-api availability " + AVAILABILITY);

        String answer = run(ALICE, "kpi unbind payments-api availability");
        String again = run(ALICE, "kpi unbind payments-api availability");

        assertThat(answer)
                .contains("*Payments API · Availability* is no longer measured (it was `" + AVAILABILITY + "`).");
        assertThat(again).contains("Payments API · Availability is not measured; nothing to unbind.");
        assertThat(bindings()).isZero();
        assertThat(drumbeat.count("kpi_readings where source = 'prometheus'")).isEqualTo(12);
    }

    @Test
    void someone_who_does_not_own_the_service_is_refused_and_nothing_is_stored() {
        String bind = run(CAROL, "kpi bind payments-api availability " + AVAILABILITY);
        run(ALICE, "kpi bind payments-api availability " + AVAILABILITY);
        String unbind = run(CAROL, "kpi unbind payments-api availability");

        assertThat(bind).contains("Only the owner of Payments API (<@" + ALICE + ">), its deputy or a Drumbeat admin");
        assertThat(unbind).contains("Only the owner of Payments API");
        assertThat(drumbeat.count("measure_bindings where bound_by = '" + CAROL + "'"))
                .isZero();
        assertThat(bindings()).isEqualTo(1);
    }

    @Test
    void an_admin_may_bind_any_service() {
        assertThat(run(TestDrumbeat.ADMIN, "kpi bind payments-api availability " + AVAILABILITY))
                .contains("is measured by");
    }

    @Test
    void malformed_and_hostile_text_gets_a_short_usage_message_and_stores_nothing() {
        assertThat(run(ALICE, "kpi bind")).contains("Say the service, the KPI (or `demand`) and the PromQL");
        assertThat(run(ALICE, "kpi bind payments-api availability"))
                .contains("Say the service, the KPI (or `demand`) and the PromQL");
        assertThat(run(ALICE, "kpi unbind payments-api")).contains("Say the service and the KPI (or `demand`)");
        assertThat(run(ALICE, "kpi bind nowhere availability up")).contains("There is no service `nowhere`");
        assertThat(run(ALICE, "kpi bind payments-api uptime up"))
                .contains("Payments API has no KPI `uptime`. Its KPIs: `availability`");
        assertThat(run(ALICE, "kpi bind payments-api availability up <!channel>"))
                .contains("A query can't hold a Slack mention or channel link")
                .doesNotContain("<!channel>");
        assertThat(run(ALICE, "kpi bind payments-api availability <@U0CAROL01> up"))
                .contains("A query can't hold a Slack mention");
        assertThat(run(ALICE, "kpi bind payments-api availability up\u0000")).contains("NUL character");
        assertThat(run(ALICE, "kpi bind payments-api availability " + "x".repeat(3_000)))
                .contains("That query is 3000 characters long");
        assertThat(run(ALICE, "kpi bind payments-api availability " + "x".repeat(10_000_000)))
                .contains("characters long; Drumbeat reads at most 4000");
        assertThat(bindings()).isZero();
        assertThat(drumbeat.count("audit_log where entity = 'measure_binding'")).isZero();
    }

    @Test
    void a_link_slack_made_of_a_url_in_a_label_is_unwrapped() {
        run(ALICE, "kpi bind payments-api availability max(probe_success{instance=\"<https://pay.example.com>\"})");

        assertThat(drumbeat.count(
                        "measure_bindings where query = 'max(probe_success{instance=\"https://pay.example.com\"})'"))
                .isEqualTo(1);
    }

    @Test
    void recording_a_value_still_works_beside_bind() {
        assertThat(run(ALICE, "kpi payments-api availability 99.95")).contains("Recorded 99.95% for Availability");
    }

    @Test
    void help_lists_bind_unbind_and_sources() {
        assertThat(run(CAROL, "help"))
                .contains(
                        "/drumbeat kpi bind &lt;service&gt; &lt;kpi|demand&gt; &lt;promql&gt;",
                        "/drumbeat kpi unbind &lt;service&gt; &lt;kpi|demand&gt;",
                        "/drumbeat sources",
                        "/drumbeat kpi &lt;service&gt; &lt;kpi&gt; &lt;value&gt;");
    }
}
