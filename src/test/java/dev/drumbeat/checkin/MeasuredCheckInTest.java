package dev.drumbeat.checkin;

import static dev.drumbeat.support.SlackPayloads.option;
import static dev.drumbeat.support.SlackPayloads.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.config.Monitoring;
import dev.drumbeat.sandbox.standin.BlockKitLimits;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.PrometheusServer;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The check-in modal of a service whose KPIs are measured, against a real Prometheus: measured values pre-filled, kept
 * by submitting them unchanged, overridden only with a reason that is audited, and a missing value shown with why.
 */
class MeasuredCheckInTest {
    static final Instant WEDNESDAY = Instant.parse("2026-11-25T10:00:00Z");
    static final String PERIOD = "2026-11-23";
    static final String ALICE = "U0ALICE01";
    static final String AVAILABILITY = "availability{service=\"payments\"}";

    static PrometheusServer prometheus;

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp(
            config -> config.withMonitoring(Monitoring.at(prometheus().url())));

    Seed seed;

    /** Two weeks of series, every five minutes: one availability, and two series where one number is due. */
    static PrometheusServer prometheus() {
        StringBuilder om = new StringBuilder("# TYPE availability gauge\n");
        Instant from = Instant.parse("2026-11-16T00:00:00Z");
        Instant to = Instant.parse("2026-11-30T00:00:00Z");
        for (Instant t = from; !t.isAfter(to); t = t.plus(Duration.ofMinutes(5))) {
            om.append("availability{service=\"payments\"} 99.97 ")
                    .append(t.getEpochSecond())
                    .append('\n');
        }
        om.append("# TYPE errors gauge\n");
        for (String team : new String[] {"<!channel>", "b&b"}) {
            for (Instant t = from; !t.isAfter(to); t = t.plus(Duration.ofMinutes(5))) {
                om.append("errors{team=\"")
                        .append(team)
                        .append("\"} 3 ")
                        .append(t.getEpochSecond())
                        .append('\n');
            }
        }
        om.append("# EOF\n");
        try {
            prometheus = PrometheusServer.start(Files.createTempDirectory("measured-checkin"), om.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prometheus;
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @BeforeEach
    void seed() {
        drumbeat.clock().set(WEDNESDAY);
        seed = drumbeat.seed().person(TestDrumbeat.ADMIN, "ada", "member").person(ALICE, "alice", "member");
        seed.service("payments-api", "Payments API", "core", ALICE, "0.12", "4200000", "620000")
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95")
                .kpi("payments-api", "p95-latency", "p95 latency", "ms", "300", "down", "310");
        bind("payments-api", "availability", AVAILABILITY);
    }

    private static void bind(String serviceKey, String kpiKey, String query) {
        drumbeat.execute("""
                insert into measure_bindings (team_id, service_id, kpi_id, query, bound_by, bound_at)
                select s.team_id, s.id, k.id, ?, 'U0ADMIN01', now()
                  from services s join kpis k on k.service_id = s.id where s.key = ? and k.key = ?""", query, serviceKey, kpiKey);
    }

    /** Opens the modal with the Check in button; the view Slack was asked to open. */
    private static JsonNode open(String period) {
        SlackReply reply = drumbeat.click(ALICE, "checkin-open:payments-api", "payments-api|" + period + "|");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(drumbeat.calls("views.open"))
                .last()
                .satisfies(c ->
                        assertThat(c.ok()).as("stand-in error: %s", c.error()).isTrue());
        return drumbeat.openedView(ALICE);
    }

    private static SlackReply submit(JsonNode view, String availability, String latency, String reason) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("status", option("green"));
        values.put("hurdle", text(""));
        values.put("note", text(""));
        values.put("kpi-availability", text(availability));
        values.put("kpi-p95-latency", text(latency));
        if (reason != null) {
            values.put(CheckInForm.MEASURED_REASON, text(reason));
        }
        return drumbeat.submit(
                ALICE, CheckInForm.CALLBACK_ID, view.path("private_metadata").asText(), values);
    }

    private static JsonNode block(JsonNode view, String blockId) {
        for (JsonNode block : view.path("blocks")) {
            if (block.path("block_id").asText().equals(blockId)) {
                return block;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + view);
    }

    private int typed() {
        return seed.count("kpi_readings where source = 'checkin'");
    }

    @Test
    void the_modal_shows_the_value_measured_now_and_where_it_came_from() {
        JsonNode view = open(PERIOD);

        JsonNode availability = block(view, "kpi-availability");
        assertThat(availability.path("element").path("initial_value").asText()).isEqualTo("99.97");
        assertThat(availability.path("hint").path("text").asText())
                .contains("Target ≥ 99.9%", "Measured by “" + AVAILABILITY + "” at 10:00 on 25 Nov")
                .contains("records the week's value when it ends (00:00 on 30 Nov)");
        assertThat(block(view, "kpi-p95-latency").path("element").has("initial_value"))
                .isFalse();
        assertThat(block(view, CheckInForm.MEASURED_REASON).path("optional").asBoolean())
                .isTrue();
        assertThat(view.path("private_metadata").asText()).startsWith("payments-api|" + PERIOD + "|");
        Object opened = new ObjectMapper().convertValue(view, Map.class);
        assertThat(BlockKitLimits.checkView(opened)).isEmpty();
    }

    @Test
    void the_checkin_command_opens_the_modal_pre_filled_too() {
        drumbeat.command(ALICE, "checkin payments-api");

        assertThat(block(drumbeat.openedView(ALICE), "kpi-availability")
                        .path("element")
                        .path("initial_value")
                        .asText())
                .isEqualTo("99.97");
    }

    @Test
    void a_week_that_has_ended_shows_what_was_measured_for_it() {
        drumbeat.execute("delete from kpi_readings");

        JsonNode view = open("2026-11-16");

        JsonNode availability = block(view, "kpi-availability");
        assertThat(availability.path("element").path("initial_value").asText()).isEqualTo("99.97");
        assertThat(availability.path("hint").path("text").asText())
                .contains("Measured for the week by “" + AVAILABILITY + "”");
    }

    @Test
    void submitting_the_measured_value_unchanged_records_no_typed_reading() {
        SlackReply reply = submit(open(PERIOD), "99.97", "", null);

        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(seed.count("checkins where status = 'green'")).isEqualTo(1);
        assertThat(typed()).isZero();
        assertThat(seed.count("audit_log where entity = 'kpi_reading'")).isZero();
    }

    @Test
    void the_same_number_typed_differently_is_unchanged() {
        submit(open(PERIOD), "99.970 %", "", "");

        assertThat(seed.count("checkins")).isEqualTo(1);
        assertThat(typed()).isZero();
    }

    @Test
    void changing_a_measured_value_without_a_reason_is_an_error_naming_both_values_and_stores_nothing() {
        SlackReply reply = submit(open(PERIOD), "98.5", "", "  ");

        assertThat(reply.json().path("response_action").asText()).isEqualTo("errors");
        assertThat(reply.json().path("errors").path("kpi-availability").asText())
                .contains("Availability", "99.97%", "98.5%", "Reason for changing a measured value");
        assertThat(seed.count("checkins") + typed() + seed.count("audit_log")).isZero();
    }

    @Test
    void changing_a_measured_value_with_a_reason_records_it_as_typed_and_audits_both_values_and_the_reason() {
        SlackReply reply = submit(open(PERIOD), "98.5", "280", "Probe was down on Tuesday; the real figure is lower");

        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(seed.count("kpi_readings r join kpis k on k.id = r.kpi_id where k.key = 'availability'"
                        + " and r.source = 'checkin' and r.value = 98.5 and r.period_start = date '" + PERIOD + "'"))
                .isEqualTo(1);
        assertThat(seed.count("kpi_readings where source = 'checkin' and value = 280"))
                .isEqualTo(1);
        assertThat(seed.count("audit_log where entity = 'kpi_reading'"
                        + " and entity_key = 'payments-api/availability@" + PERIOD + "' and actor = '" + ALICE + "'"
                        + " and (before->>'measured')::numeric = 99.97 and (after->>'typed')::numeric = 98.5"
                        + " and after->>'reason' = 'Probe was down on Tuesday; the real figure is lower'"))
                .isEqualTo(1);
    }

    @Test
    void an_override_shows_again_and_is_kept_when_submitted_unchanged() {
        submit(open(PERIOD), "98.5", "", "Probe was down");
        drumbeat.clock().advance(Duration.ofHours(1));

        JsonNode view = open(PERIOD);
        assertThat(block(view, "kpi-availability")
                        .path("element")
                        .path("initial_value")
                        .asText())
                .isEqualTo("98.5");
        assertThat(block(view, "kpi-availability").path("hint").path("text").asText())
                .contains("99.97");
        SlackReply again = submit(view, "98.5", "", "");

        assertThat(again.json().path("response_action").asText()).isEqualTo("update");
        assertThat(seed.count("kpi_readings where source = 'checkin' and value = 98.5"))
                .isEqualTo(1);
        assertThat(seed.count("audit_log where entity = 'kpi_reading'")).isEqualTo(1);
    }

    @Test
    void a_kpi_that_cannot_be_measured_is_empty_with_the_reason_as_written_and_typing_it_needs_no_reason() {
        bind("payments-api", "p95-latency", "errors");

        JsonNode view = open(PERIOD);
        JsonNode latency = block(view, "kpi-p95-latency");
        assertThat(latency.path("element").has("initial_value")).isFalse();
        assertThat(latency.path("hint").path("text").asText())
                .as("a plain_text hint: Slack shows it as written, notifying nobody")
                .contains("Not measured:", "gives 2 series", "<!channel>", "b&b")
                .doesNotContain("&lt;", "&amp;");
        SlackReply empty = submit(view, "99.97", "", null);
        assertThat(empty.json().path("response_action").asText()).isEqualTo("update");
        assertThat(typed()).isZero();

        submit(view, "99.97", "280", null);
        assertThat(seed.count("kpi_readings where source = 'checkin' and value = 280"))
                .isEqualTo(1);
    }

    @Test
    void a_hostile_reason_is_kept_as_typed_and_never_posted_as_a_mention() {
        SlackReply reply = submit(open(PERIOD), "98", "", "<!channel> & <@U0BOB0001>");

        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(reply.json().path("view").toString()).doesNotContain("<!channel>");
        assertThat(seed.count("audit_log where after->>'reason' = '<!channel> & <@U0BOB0001>'"))
                .isEqualTo(1);
    }

    @Test
    void a_reason_with_a_nul_or_too_long_is_a_field_error_and_stores_nothing() {
        JsonNode view = open(PERIOD);

        SlackReply nul = submit(view, "98", "", "probe\u0000down");
        SlackReply long_ = submit(view, "98", "", "x".repeat(5_000));

        assertThat(nul.json().path("errors").path(CheckInForm.MEASURED_REASON).asText())
                .contains("NUL");
        assertThat(long_.json().path("errors").path(CheckInForm.MEASURED_REASON).asText())
                .contains("Keep it to " + CheckInForm.MAX_REASON + " characters");
        assertThat(seed.count("checkins") + typed() + seed.count("audit_log")).isZero();
    }

    @Test
    void a_service_without_measured_kpis_has_no_reason_field() {
        drumbeat.execute("delete from measure_bindings");

        JsonNode view = open(PERIOD);

        assertThat(view.toString()).doesNotContain(CheckInForm.MEASURED_REASON);
        assertThat(view.path("private_metadata").asText()).isEqualTo("payments-api|" + PERIOD + "|");
    }

    @Test
    void many_measured_kpis_keep_the_metadata_under_slacks_limit_dropping_prefills_that_do_not_fit() {
        for (int i = 0; i < 60; i++) {
            String key = String.format("k%02d-", i) + "x".repeat(58);
            seed.kpi("payments-api", key, "Measured " + i, "", "1", "up", "1");
            bind("payments-api", key, "sum(" + AVAILABILITY + ") * 1000000.123456");
        }

        JsonNode view = open(PERIOD);

        String metadata = view.path("private_metadata").asText();
        assertThat(metadata.length()).isLessThanOrEqualTo(3000);
        assertThat(view.path("blocks").toString()).contains("\"initial_value\":\"99970012.3419\"");
        String firstKey = "k00-" + "x".repeat(58);
        String lastKey = "k59-" + "x".repeat(58);
        assertThat(metadata).contains(firstKey).doesNotContain(lastKey);
        assertThat(block(view, "kpi-" + lastKey).path("element").has("initial_value"))
                .isFalse();
        assertThat(block(view, "kpi-" + lastKey).path("hint").path("text").asText())
                .contains("leave it empty to keep");
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("status", option("green"));
        values.put("kpi-" + firstKey, text("99970012.3419"));
        SlackReply reply = drumbeat.submit(ALICE, CheckInForm.CALLBACK_ID, metadata, values);
        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(typed()).isZero();
    }
}
