package dev.drumbeat.measure;

import static dev.drumbeat.measure.MeasureCommandPrometheus.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drumbeat.config.Monitoring;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * `/drumbeat sources` against a real Prometheus: every binding of the workspace with its query and last result, the
 * number or the reason there is none, for admins only; and a long list kept within a Slack message's limits.
 */
class SourcesCommandTest {
    static final String ALICE = "U0ALICE01";
    static final String AVAILABILITY = "availability{service=\"payments\"}";

    static MeasureCommandPrometheus prometheus;

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp(
            config -> config.withMonitoring(Monitoring.at(prometheus().server().url())));

    Seed seed;

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
        seed = drumbeat.seed().person(TestDrumbeat.ADMIN, "ada", "member").person(ALICE, "alice", "member");
        seed.service("payments-api", "Payments API", "core", ALICE, "0.12", "4200000", "620000")
                .service("core-banking", "Core Banking", "strategic", ALICE, "1.10", "90000", "400000")
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95")
                .kpi("payments-api", "p95-latency", "p95 latency", "ms", "300", "down", "310");
    }

    private static SlackReply run(String userId, String text) {
        SlackReply reply = drumbeat.command(userId, text);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.responseType()).isEqualTo("ephemeral");
        return reply;
    }

    @Test
    void an_admin_sees_every_binding_with_its_query_and_last_result() {
        run(ALICE, "kpi bind payments-api availability " + AVAILABILITY);
        run(ALICE, "kpi bind payments-api p95-latency latency_ms");
        run(ALICE, "kpi bind payments-api demand payments_month");
        run(ALICE, "kpi bind core-banking demand no_such_metric");

        String text = run(TestDrumbeat.ADMIN, "sources").text();

        String lastWeek = MeasureCommandPrometheus.availability(java.time.Instant.parse("2025-03-17T00:00:00Z"))
                .toPlainString();
        assertThat(text)
                .contains(
                        "*4 bindings* on 2 services: 2 measured, 2 with no number. Prometheus is configured.",
                        "*Core Banking* `core-banking`",
                        "• monthly demand: `no_such_metric`",
                        "→ :warning: no number for February 2025: `no_such_metric` matched no series",
                        "*Payments API* `payments-api`",
                        "• Availability `availability`: `" + AVAILABILITY + "`",
                        "→ *" + lastWeek + "%* for the week of 10 Mar",
                        "• p95 latency `p95-latency`: `latency_ms`",
                        "The query gives several series, not one number.",
                        "instance=\"&lt;!channel&gt; &amp; co\"",
                        " · no number for 12 periods running",
                        "transactions* for February 2025")
                .doesNotContain("<!channel>");
        assertThat(text.indexOf("Core Banking")).isLessThan(text.indexOf("Payments API"));
    }

    @Test
    void someone_who_is_not_an_admin_is_refused_politely() {
        run(ALICE, "kpi bind payments-api availability " + AVAILABILITY);

        String text = run(ALICE, "sources").text();

        assertThat(text)
                .contains("Sorry, only a Drumbeat admin can list every measured source")
                .doesNotContain(AVAILABILITY);
    }

    @Test
    void with_nothing_bound_it_says_how_to_bind() {
        assertThat(run(TestDrumbeat.ADMIN, "sources").text())
                .contains("Nothing is measured yet. Prometheus is configured.", "`/drumbeat kpi bind &lt;service&gt;");
    }

    @Test
    void a_long_list_stays_within_a_message_and_says_how_many_more() {
        drumbeat.execute("""
                insert into services (team_id, key, name, tier, owner_id, unit_cost, unit_name, monthly_demand,
                                      monthly_value)
                select 'T0DRUMBEAT', 'svc-' || n, 'Service ' || lpad(n::text, 3, '0'), 'core', 'U0ALICE01', 1,
                       'request', 1, 1
                  from generate_series(1, 80) n""");
        drumbeat.execute("""
                insert into measure_bindings (team_id, service_id, query, bound_by, bound_at)
                select team_id, id, 'sum(rate(http_requests_total{service="' || key || '"}[30d])) ' || repeat('+ 0 ', 400),
                       'U0ALICE01', now()
                  from services where key like 'svc-%'""");

        SlackReply reply = run(TestDrumbeat.ADMIN, "sources");

        JsonNode blocks = reply.blocks();
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        for (JsonNode block : blocks) {
            assertThat(block.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
        }
        assertThat(reply.text())
                .contains("*80 bindings* on 80 services: 0 measured, 0 with no number, 80 not measured yet.")
                .contains("33 more bindings are not shown")
                .contains("Service 047")
                .doesNotContain("Service 048");
    }
}
