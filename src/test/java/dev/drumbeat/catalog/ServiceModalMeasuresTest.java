package dev.drumbeat.catalog;

import static dev.drumbeat.support.SlackPayloads.option;
import static dev.drumbeat.support.SlackPayloads.text;
import static dev.drumbeat.support.SlackPayloads.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.config.Monitoring;
import dev.drumbeat.sandbox.SlackUser;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.PrometheusServer;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service modal's "Measured by (PromQL)" field against a real Prometheus: a line binds (after the acknowledgement,
 * telling the owner what it measures), the edit modal shows the bindings, a removed line unbinds, and a bad line is
 * an error under the field with nothing saved.
 */
class ServiceModalMeasuresTest {
    /** Wednesday 22 January 2025, noon UTC: the series run from the 1st until now. */
    static final Instant NOW = Instant.parse("2025-01-22T12:00:00Z");

    static final Instant FIRST = Instant.parse("2025-01-01T00:00:00Z");
    static final String AVAILABILITY = "availability{service=\"payments\"}";
    static PrometheusServer prometheus;

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp(
            config -> config.withMonitoring(Monitoring.at(prometheus().url())));

    static final SlackUser alice = drumbeat.user("U0ALICE01", "alice");
    Seed seed;

    static synchronized PrometheusServer prometheus() {
        if (prometheus == null) {
            StringBuilder om = new StringBuilder("# TYPE availability gauge\n");
            for (Instant t = FIRST; !t.isAfter(NOW); t = t.plus(Duration.ofMinutes(5))) {
                om.append(AVAILABILITY)
                        .append(" 99.5 ")
                        .append(t.getEpochSecond())
                        .append('\n');
            }
            om.append("# TYPE payments_count gauge\n");
            for (Instant t = FIRST; !t.isAfter(NOW); t = t.plus(Duration.ofMinutes(5))) {
                om.append("payments_count 1200 ").append(t.getEpochSecond()).append('\n');
            }
            om.append("# EOF\n");
            try {
                prometheus =
                        PrometheusServer.start(Files.createTempDirectory("drumbeat-modal-prometheus"), om.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
        seed = drumbeat.seed()
                .person(TestDrumbeat.ADMIN, "ada", "member")
                .person("U0ALICE01", "alice", "member")
                .service("payments-api", "Payments API", "core", "U0ALICE01", "0.12", "4200000", "620000")
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95");
        drumbeat.clock().set(NOW);
    }

    @Test
    void a_line_binds_after_the_ack_tells_the_owner_the_value_and_the_edit_modal_shows_it() {
        SlackReply reply =
                submit("U0ALICE01", "payments-api", "availability = " + AVAILABILITY + "\ndemand = payments_count");

        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(reply.text()).contains("is saved", "Binding availability, demand to PromQL");
        Await.until(
                "the owner told what each measures",
                () -> !drumbeat.posts("U0ALICE01").isEmpty());
        String told = String.valueOf(drumbeat.posts("U0ALICE01").get(0).args());
        assertThat(told).contains("*availability* bound: 99.5% now", "*demand* bound: 1,200 transactions now");
        assertThat(measured("2025-01-13")).isEqualByComparingTo("99.5");
        assertThat(seed.count("audit_log where entity = 'measure_binding' and actor = 'U0ALICE01'"))
                .isEqualTo(2);

        drumbeat.command(alice, "service edit payments-api");
        assertThat(drumbeat.slack().lastOpenedView("U0ALICE01"))
                .get()
                .asString()
                .contains(
                        "Measured by (PromQL)",
                        "demand = payments_count\\navailability = availability{service=\\\"payments\\\"}");
    }

    @Test
    void a_removed_line_unbinds_and_an_unchanged_one_is_left_as_it_is() {
        submit("U0ALICE01", "payments-api", "availability = " + AVAILABILITY + "\ndemand = payments_count");
        Await.until("both bound", () -> drumbeat.posts("U0ALICE01").size() == 1);

        SlackReply reply = submit("U0ALICE01", "payments-api", "availability = " + AVAILABILITY);

        assertThat(reply.text()).contains("Binding demand to PromQL");
        Await.until("the owner told", () -> drumbeat.posts("U0ALICE01").size() == 2);
        assertThat(String.valueOf(drumbeat.posts("U0ALICE01").get(1).args()))
                .contains("*demand* unbound")
                .doesNotContain("*availability*");
        assertThat(seed.count("measure_bindings")).isEqualTo(1);
        assertThat(submit("U0ALICE01", "payments-api", "availability = " + AVAILABILITY)
                        .text())
                .doesNotContain("Binding");
    }

    @Test
    void a_binding_made_while_the_form_was_open_is_never_undone_by_saving_it() {
        drumbeat.command(alice, "service edit payments-api");
        String metadata =
                drumbeat.openedView("U0ALICE01").path("private_metadata").asText();
        assertThat(metadata).startsWith("payments-api|");
        drumbeat.execute("""
                insert into measure_bindings (team_id, service_id, kpi_id, query, bound_by, bound_at)
                select s.team_id, s.id, null, 'payments_count', 'U0ADMIN01', now() from services s""");

        SlackReply untouched = submit("U0ALICE01", metadata, "");
        assertThat(untouched.json().path("response_action").asText()).isEqualTo("update");
        assertThat(seed.count("measure_bindings"))
                .as("the field as shown leaves it bound")
                .isEqualTo(1);

        SlackReply changed = submit("U0ALICE01", metadata, "availability = " + AVAILABILITY);
        assertThat(changed.json().path("errors").path(ServiceForm.MEASURED_BY).asText())
                .contains("Someone changed how this service is measured while the form was open");
        assertThat(seed.count("measure_bindings")).isEqualTo(1);
    }

    @Test
    void a_bad_line_is_an_error_under_the_field_naming_the_line_and_nothing_is_saved() {
        SlackReply reply = submit("U0ALICE01", "payments-api", "availability = up\nuptime = up");

        assertThat(reply.json().path("response_action").asText()).isEqualTo("errors");
        assertThat(reply.json().path("errors").path("measured_by").asText())
                .contains("Line 2", "“uptime” is not a KPI key", "availability");
        assertThat(seed.count("services where name = 'Payments Hub'")).isZero();
        assertThat(seed.count("measure_bindings")).isZero();
    }

    @Test
    void hostile_text_in_a_query_is_kept_as_typed_and_told_escaped() {
        String hostile = "availability{service=\"<!channel> & <@U0BOB0001>\"}";
        submit("U0ALICE01", "payments-api", "availability = " + hostile);

        Await.until("the owner told", () -> !drumbeat.posts("U0ALICE01").isEmpty());
        assertThat(String.valueOf(drumbeat.posts("U0ALICE01").get(0).args()))
                .contains("*availability* bound: no number now")
                .doesNotContain("<!channel>", "<@U0BOB0001>");
        assertThat(seed.count("measure_bindings where query = '" + hostile.replace("'", "''") + "'"))
                .isEqualTo(1);
    }

    private static SlackReply submit(String userId, String key, String measuredBy) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("name", text("Payments Hub"));
        values.put("tier", option("core"));
        values.put("owner", user("U0ALICE01"));
        values.put("unit_cost", text("0.12"));
        values.put("unit_name", text("transaction"));
        values.put("monthly_demand", text("4200000"));
        values.put("monthly_value", text("620000"));
        values.put(ServiceForm.MEASURED_BY, text(measuredBy));
        return drumbeat.submit(userId, ServiceForm.CALLBACK_ID, key, values);
    }

    private static BigDecimal measured(String period) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select value from kpi_readings where source = 'prometheus'"
                                + " and period_start = cast(:period as date)")
                        .bind("period", period)
                        .mapTo(BigDecimal.class)
                        .one());
    }
}
