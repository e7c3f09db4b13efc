package dev.drumbeat.checkin;

import static dev.drumbeat.support.SlackPayloads.option;
import static dev.drumbeat.support.SlackPayloads.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drumbeat.config.Monitoring;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The check-in modal of a measured KPI when Prometheus does not answer: a port that takes the connection and never
 * replies, then nothing listening at all. The modal opens inside Slack's 3-second trigger window either way, the field
 * empty and its hint saying why, and the owner can type the value.
 */
class MeasuredCheckInUnreachableTest {
    static final Instant WEDNESDAY = Instant.parse("2026-11-25T10:00:00Z");
    static final String PERIOD = "2026-11-23";
    static final String ALICE = "U0ALICE01";

    /** Accepts connections into its backlog and never answers them: a Prometheus that hangs. */
    static ServerSocket silent;

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp(
            config -> config.withMonitoring(Monitoring.at(URI.create("http://127.0.0.1:" + silentPort() + "/"))));

    Seed seed;

    static int silentPort() {
        try {
            silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return silent.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (silent != null) {
            silent.close();
        }
    }

    /** Prometheus's own timeout: reaching it would mean the check-in waited on a hung query. */
    private static final Duration PROMETHEUS_TIMEOUT = dev.drumbeat.config.Monitoring.TIMEOUT;

    @BeforeEach
    void seed() {
        drumbeat.clock().set(WEDNESDAY);
        seed = drumbeat.seed().person(ALICE, "alice", "member");
        seed.service("payments-api", "Payments API", "core", ALICE, "0.12", "4200000", "620000")
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95");
        drumbeat.execute("""
                insert into measure_bindings (team_id, service_id, kpi_id, query, bound_by, bound_at)
                select s.team_id, s.id, k.id, 'avg_over_time(up{job="payments"}[7d]) * 100', 'U0ADMIN01', now()
                  from services s join kpis k on k.service_id = s.id""");
    }

    /** Clicks Check in; the modal opened and how long the click took, by the wall clock. */
    private static JsonNode openTimed(Duration[] took) {
        long start = System.nanoTime();
        SlackReply reply = drumbeat.click(ALICE, "checkin-open:payments-api", "payments-api|" + PERIOD + "|");
        took[0] = Duration.ofNanos(System.nanoTime() - start);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(drumbeat.calls("views.open"))
                .last()
                .satisfies(c ->
                        assertThat(c.ok()).as("stand-in error: %s", c.error()).isTrue());
        return drumbeat.openedView(ALICE);
    }

    private static String hint(JsonNode view) {
        for (JsonNode block : view.path("blocks")) {
            if (block.path("block_id").asText().equals("kpi-availability")) {
                assertThat(block.path("element").has("initial_value")).isFalse();
                return block.path("hint").path("text").asText();
            }
        }
        throw new AssertionError("no availability field in " + view);
    }

    @Test
    void a_prometheus_that_hangs_or_is_gone_still_opens_the_modal_in_time_saying_why_and_a_typed_value_is_kept()
            throws IOException {
        Duration[] took = new Duration[1];

        JsonNode hanging = openTimed(took);

        // The check-in's own patience cut the query off (Prometheus's timeout would say "within 10 s"): no wall-clock
        // bound here, which a loaded machine would break; the wait is measured in the benchmark, not a test.
        assertThat(hint(hanging)).contains("Not measured:", "did not answer in time");
        assertThat(took[0]).isLessThan(PROMETHEUS_TIMEOUT);

        silent.close();
        JsonNode gone = openTimed(took);

        assertThat(hint(gone)).contains("Not measured:", "could not be reached");

        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("status", option("green"));
        values.put("kpi-availability", text("99.91"));
        SlackReply reply = drumbeat.submit(
                ALICE, CheckInForm.CALLBACK_ID, gone.path("private_metadata").asText(), values);
        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(seed.count("kpi_readings where source = 'checkin' and value = 99.91"))
                .isEqualTo(1);
        assertThat(seed.count("audit_log where entity = 'kpi_reading'")).isZero();
    }
}
