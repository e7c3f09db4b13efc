package dev.drumbeat.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.config.Monitoring;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Periods;
import dev.drumbeat.core.Role;
import dev.drumbeat.measure.Measurer;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.support.Bills;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.PrometheusServer;
import dev.drumbeat.support.TestDrumbeat;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service card says where each number came from: a KPI reading typed by a person, pushed with an API token or
 * measured by a query on a real Prometheus; and the unit cost from the bills divided by the demand Prometheus
 * measured for the same month, or why it can't be.
 */
class ServiceCardSourcesTest {
    static final String ALICE = "U0ALICE01";
    /** Tuesday 8 December 2026: November is the latest whole month, the week of 30 November has ended. */
    static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

    static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant WEEK_END = Instant.parse("2026-12-07T00:00:00Z");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @TempDir
    static Path dir;

    static PrometheusServer prometheus;

    Measures measures;

    /** Availability every 5 minutes up to the end of the week of 30 November; each month's demand at its end. */
    @BeforeAll
    static void prometheus() {
        StringBuilder om = new StringBuilder("# TYPE availability gauge\n");
        for (Instant t = WEEK_END.minus(Duration.ofHours(2)); !t.isAfter(WEEK_END); t = t.plusSeconds(300)) {
            om.append("availability{service=\"payments\"} 99.95 ")
                    .append(t.getEpochSecond())
                    .append('\n');
        }
        om.append("# TYPE payments_in_month gauge\n");
        month(om, "payments_in_month 1028000 ");
        om.append("# TYPE crm_in_month gauge\n");
        month(om, "crm_in_month 0 ");
        om.append("# EOF\n");
        prometheus = PrometheusServer.start(dir, om.toString());
    }

    private static void month(StringBuilder om, String sample) {
        for (Instant t = DECEMBER.minus(Duration.ofHours(1)); !t.isAfter(DECEMBER); t = t.plusSeconds(300)) {
            om.append(sample).append(t.getEpochSecond()).append('\n');
        }
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @BeforeEach
    void seed() {
        drumbeat.clock().set(NOW);
        drumbeat.seed()
                .person(ALICE, "alice", "member")
                .service("payments", "Payments API", "core", ALICE, "0.01", "1000000", "30000")
                .service("crm", "CRM", "secondary", ALICE, "2", "5000", "20000")
                .service("search", "Search", "secondary", ALICE, "1", "1000", "2000")
                .service("ledger", "Ledger", "secondary", ALICE, "1", "1000", "2000")
                .kpi("payments", "availability", "Availability", "%", "99.9", "up", "99.5")
                .kpi("payments", "latency", "Latency p99", "ms", "300", "down", "280")
                .kpi("payments", "errors", "Errors", "", "10", "down", "3");
        drumbeat.execute("update services set unit_name = 'payment' where key = 'payments'");
        measures = new Measures(
                drumbeat.jdbi(),
                new AuditLog(drumbeat.clock()),
                Measurer.of(Monitoring.at(prometheus.url())),
                new Periods(DayOfWeek.MONDAY, 9),
                drumbeat.clock());
    }

    @AfterEach
    void close() {
        measures.close();
    }

    @Test
    void a_measured_reading_names_the_query_that_measured_it() {
        measures.bind(
                alice(),
                "payments",
                Optional.of("availability"),
                "avg_over_time(availability{service=\"payments\"}[1h])");

        String card = card("payments");

        assertThat(card)
                .contains("Availability: 99.95% (target ≥ 99.9%) :white_check_mark: · week of 30 Nov 2026 · measured by"
                        + " `avg_over_time(availability{service=\"payments\"}[1h])`");
    }

    @Test
    void a_typed_reading_names_who_typed_it_and_a_pushed_one_the_token_that_pushed_it() throws Exception {
        drumbeat.command(ALICE, "kpi payments latency 250");
        String token = drumbeat.apiToken("monitoring");
        drumbeat.apiToken("backup"); // the same admin's, unused since: not the one that pushed
        HttpResponse<String> pushed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(drumbeat.url("/api/v1/services/payments/kpis/errors/readings"))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"value\": 2, \"source\": \"datadog\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);

        String card = card("payments");

        assertThat(card)
                .contains("Latency p99: 250 ms (target ≤ 300 ms) :white_check_mark: · week of 7 Dec 2026 · typed by <@"
                        + ALICE + ">")
                .contains("Errors: 2 (target ≤ 10) :white_check_mark: · week of 7 Dec 2026 · pushed by token"
                        + " `monitoring` as `datadog`")
                .contains("Availability: 99.5% (target ≥ 99.9%) :x: · week of 16 Nov 2026 · typed in Slack");
    }

    @Test
    void each_pushed_reading_names_the_very_token_that_sent_it_though_the_admin_has_several_in_use() throws Exception {
        String monitoring = drumbeat.apiToken("monitoring");
        String grafana = drumbeat.apiToken("grafana");

        assertThat(push(monitoring, "errors", "{\"value\": 2, \"source\": \"datadog\"}"))
                .isEqualTo(201);
        assertThat(push(grafana, "latency", "{\"value\": 240}")).isEqualTo(201);

        assertThat(card("payments"))
                .contains("Errors: 2 (target ≤ 10) :white_check_mark: · week of 7 Dec 2026 · pushed by token"
                        + " `monitoring` as `datadog`")
                .contains("· pushed by token `grafana`");
    }

    private int push(String token, String kpi, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(drumbeat.url("/api/v1/services/payments/kpis/" + kpi + "/readings"))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void unit_cost_is_the_bills_divided_by_the_demand_measured_for_the_same_month() {
        bills("2026-11", "payments", "10500.00");
        measures.bind(alice(), "payments", Optional.empty(), "payments_in_month");

        String card = card("payments");

        // $10,500 ÷ 1,028,000 = $0.010214…
        assertThat(card)
                .contains(
                        "*Unit cost*\n$0.01 per payment · plan, typed",
                        "*Demand*\n1,000,000 payments a month · plan, typed",
                        "*Measured demand (Nov 2026)*\n1,028,000 payments · measured by `payments_in_month`",
                        "*Actual unit cost (Nov 2026)*\n$0.0102 per payment · from the bills for Nov 2026 ($10,500)"
                                + " ÷ 1,028,000 payments measured by `payments_in_month`");
    }

    @Test
    void demand_measured_as_zero_or_not_at_all_is_explained_instead_of_divided() {
        bills("2026-11", "crm", "9000.00", "search", "700.00", "ledger", "400.00");
        measures.bind(alice(), "crm", Optional.empty(), "crm_in_month");
        measures.bind(alice(), "search", Optional.empty(), "search_in_month");

        assertThat(card("crm"))
                .contains("*Actual unit cost (Nov 2026)*\nnot worked out: `crm_in_month` measured 0 for Nov 2026,"
                        + " and the bills can't be divided by zero")
                .doesNotContain("÷");
        assertThat(card("search"))
                .contains("*Actual unit cost (Nov 2026)*\nnot worked out: demand for Nov 2026 was not measured:"
                        + " `search_in_month` matched no series")
                .doesNotContain("÷");
        assertThat(card("ledger"))
                .contains(
                        "*Actual unit cost*\nneeds measured demand: `/drumbeat kpi bind ledger demand &lt;promql&gt;`");
    }

    @Test
    void without_a_whole_month_of_bills_the_card_shows_the_latest_measured_demand_and_what_unit_cost_needs() {
        measures.bind(alice(), "payments", Optional.empty(), "payments_in_month");

        assertThat(card("payments"))
                .contains(
                        "*Measured demand (Nov 2026)*\n1,028,000 payments · measured by `payments_in_month`",
                        "*Actual unit cost*\nneeds bills: none have been imported for this service yet");

        bills("2026-12", "payments", "2500.00");

        assertThat(card("payments"))
                .contains(
                        "*Measured demand (Nov 2026)*\n1,028,000 payments",
                        "*Actual unit cost*\nneeds a whole month of bills: Dec 2026 is not over")
                .doesNotContain("÷");
    }

    @Test
    void a_query_and_a_token_are_escaped_and_a_long_query_clipped_within_slacks_limits() {
        String query = "sum(up{job=~\"<!channel>&" + "x".repeat(3000) + "\"})";
        drumbeat.execute(
                "insert into measure_bindings (team_id, service_id, kpi_id, query, bound_by, bound_at)"
                        + " select team_id, service_id, id, ?, ?, now() from kpis where key = 'availability'",
                query.substring(0, 2000),
                ALICE);
        drumbeat.execute("insert into kpi_readings (team_id, kpi_id, period_start, value, source)"
                + " select team_id, id, date '2026-11-30', 99.99, 'prometheus' from kpis where key = 'availability'");
        drumbeat.execute(
                "insert into measure_results (binding_id, period_start, query, value, measured_at, recorded_at)"
                        + " select id, date '2026-11-30', query, 99.99, now(), now() from measure_bindings");

        JsonNode blocks = drumbeat.command(ALICE, "status payments").blocks();
        String card = blocks.toString();

        assertThat(card)
                .contains("measured by `sum(up{job=~\\\"&lt;!channel&gt;&amp;xxx")
                .doesNotContain("<!channel>");
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        blocks.forEach(
                b -> assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000));
    }

    private static Actor alice() {
        return new Actor(TestDrumbeat.TEAM, ALICE, Role.MEMBER);
    }

    private static String card(String key) {
        return drumbeat.command(ALICE, "status " + key).text();
    }

    private static void bills(String month, String... serviceCosts) {
        String[] keys = new String[serviceCosts.length / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = serviceCosts[2 * i];
        }
        new Bills(drumbeat.jdbi(), drumbeat.clock(), TestDrumbeat.TEAM, dir.resolve("bills-" + month), keys)
                .month(month, serviceCosts);
    }
}
