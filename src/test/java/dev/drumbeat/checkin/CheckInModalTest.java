package dev.drumbeat.checkin;

import static dev.drumbeat.support.SlackPayloads.option;
import static dev.drumbeat.support.SlackPayloads.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.standin.BlockKitLimits;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The check-in modal end to end: opened by the Check in button, validated, recorded once, edited, refused. */
class CheckInModalTest {
    static final Instant WEDNESDAY = Instant.parse("2026-11-25T10:00:00Z");
    static final String PERIOD = "2026-11-23";
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String CAROL = "U0CAROL01";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    Seed seed;

    @BeforeEach
    void seed() {
        drumbeat.clock().set(WEDNESDAY);
        seed = drumbeat.seed()
                .person(TestDrumbeat.ADMIN, "ada", "member")
                .person(ALICE, "alice", "member")
                .person(BOB, "bob", "member")
                .person(CAROL, "carol", "member");
        seed.service("payments-api", "Payments API", "core", ALICE, "0.12", "4200000", "620000")
                .deputy("payments-api", BOB)
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95")
                .kpi("payments-api", "p95-latency", "p95 latency", "ms", "300", "down", "310");
    }

    private static Map<String, Map<String, Object>> form(
            String status, String hurdle, String availability, String latency) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        if (status != null) {
            values.put("status", option(status));
        }
        values.put("hurdle", text(hurdle));
        values.put("note", text("Quiet week."));
        values.put("kpi-availability", text(availability));
        values.put("kpi-p95-latency", text(latency));
        return values;
    }

    private static SlackReply submit(String userId, String metadata, Map<String, Map<String, Object>> values) {
        return drumbeat.submit(userId, CheckInForm.CALLBACK_ID, metadata, values);
    }

    private static SlackReply submit(String userId, Map<String, Map<String, Object>> values) {
        return submit(userId, "payments-api|" + PERIOD + "|", values);
    }

    private static String errors(SlackReply reply) {
        assertThat(reply.json().path("response_action").asText()).isEqualTo("errors");
        return reply.json().path("errors").toString();
    }

    private int stored() {
        return seed.count("checkins") + seed.count("kpi_readings where source = 'checkin'") + seed.count("audit_log");
    }

    @Test
    void the_check_in_button_opens_a_modal_that_slack_accepts() throws Exception {
        SlackReply reply = drumbeat.click(ALICE, "checkin-open:payments-api", "payments-api|" + PERIOD + "|");

        assertThat(reply.status()).isEqualTo(200);
        List<SlackStandInCall> opens = drumbeat.calls("views.open");
        assertThat(opens).hasSize(1);
        assertThat(opens.get(0).ok())
                .as("stand-in error: %s", opens.get(0).error())
                .isTrue();
        JsonNode view = drumbeat.openedView(ALICE);
        assertThat(view.path("title").path("text").asText()).isEqualTo("Check in");
        assertThat(view.path("private_metadata").asText()).isEqualTo("payments-api|" + PERIOD + "|");
        assertThat(view.toString())
                .contains(
                        "Payments API",
                        "week of 23 Nov 2026",
                        "Hurdle delaying delivery",
                        "Availability (%)",
                        "Target ≥ 99.9% · last 99.95% (week of 16 Nov)",
                        "p95 latency (ms)",
                        "Target ≤ 300 ms");
    }

    @Test
    void the_plain_checkin_open_action_id_opens_the_modal_too() {
        drumbeat.click(BOB, "checkin-open", "payments-api|" + PERIOD + "|42");

        assertThat(drumbeat.calls("views.open"))
                .singleElement()
                .satisfies(c -> assertThat(c.ok()).isTrue());
        assertThat(drumbeat.slack().lastOpenedView(BOB)).get().asString().contains("payments-api|" + PERIOD + "|42");
    }

    @Test
    void a_button_pressed_by_someone_who_may_not_check_in_opens_a_modal_that_says_why() {
        drumbeat.click(CAROL, "checkin-open:payments-api", "payments-api|" + PERIOD + "|");

        assertThat(drumbeat.calls("views.open"))
                .singleElement()
                .satisfies(c -> assertThat(c.ok()).isTrue());
        assertThat(drumbeat.slack().lastOpenedView(CAROL))
                .get()
                .asString()
                .contains("Only the owner of Payments API")
                .doesNotContain("kpi-availability");
    }

    @Test
    void a_non_numeric_kpi_value_is_a_field_error_and_nothing_is_stored() {
        SlackReply reply = submit(ALICE, form("green", "", "nearly all", "12,5"));

        assertThat(reply.json().path("errors").path("kpi-availability").asText())
                .contains("“nearly all” is not a number");
        assertThat(reply.json().path("errors").path("kpi-p95-latency").asText()).contains("ambiguous");
        assertThat(errors(reply)).doesNotContain("\"status\"", "\"hurdle\"");
        assertThat(stored()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"amber", "red"})
    void an_empty_hurdle_is_a_field_error_when_the_status_is_amber_or_red(String status) {
        SlackReply reply = submit(ALICE, form(status, "   ", "99.9", "280"));

        assertThat(reply.json().path("errors").path("hurdle").asText()).contains("hurdle is required", status);
        assertThat(stored()).isZero();
    }

    @Test
    void green_needs_no_hurdle() {
        SlackReply reply = submit(ALICE, form("green", "", "99.9", ""));

        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(seed.count("checkins where status = 'green' and hurdle = ''"))
                .isEqualTo(1);
    }

    @Test
    void out_of_range_values_are_field_errors_and_nothing_is_stored() {
        SlackReply percent = submit(ALICE, form("green", "", "100.5", "2,000,000,000,000"));
        SlackReply decimals = submit(ALICE, form("green", "", "99.123456", "-1"));

        assertThat(percent.json().path("errors").path("kpi-availability").asText())
                .contains("between 0 and 100");
        assertThat(percent.json().path("errors").path("kpi-p95-latency").asText())
                .contains("between -1,000,000,000,000");
        assertThat(decimals.json().path("errors").path("kpi-availability").asText())
                .contains("At most 4 decimal places");
        assertThat(errors(decimals)).doesNotContain("kpi-p95-latency");
        assertThat(stored()).isZero();
    }

    @Test
    void a_missing_status_is_a_field_error() {
        SlackReply reply = submit(ALICE, form(null, "", "99.9", "280"));

        assertThat(reply.json().path("errors").path("status").asText()).contains("Pick a status");
        assertThat(stored()).isZero();
    }

    @Test
    void a_valid_submission_stores_the_check_in_its_readings_and_an_audit_entry_in_one_go() {
        SlackReply reply =
                submit(ALICE, form("amber", "Waiting on the vendor's TLS certificate", "99.95%", "1,250 ms"));

        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(reply.text()).contains("Payments API", "amber", "week of 23 Nov 2026", "recorded");
        Object confirmation = new ObjectMapper().convertValue(reply.json().path("view"), Map.class);
        assertThat(BlockKitLimits.checkView(confirmation))
                .as("what Slack would refuse")
                .isEmpty();
        assertThat(seed.count("checkins where period_start = date '" + PERIOD + "' and status = 'amber'"
                        + " and hurdle = 'Waiting on the vendor''s TLS certificate' and note = 'Quiet week.'"
                        + " and submitted_by = '" + ALICE + "' and revision = 1"))
                .isEqualTo(1);
        assertThat(seed.count("kpi_readings where source = 'checkin' and period_start = date '" + PERIOD + "'"
                        + " and recorded_by = '" + ALICE + "' and value in (99.95, 1250)"))
                .isEqualTo(2);
        assertThat(seed.count("audit_log where entity = 'checkin' and entity_key = 'payments-api@" + PERIOD + "'"
                        + " and action = 'create' and actor = '" + ALICE + "' and after->>'status' = 'amber'"
                        + " and (after->'readings'->>'p95-latency')::numeric = 1250"))
                .isEqualTo(1);
    }

    @Test
    void re_submitting_in_the_same_period_edits_the_check_in() {
        submit(ALICE, form("green", "", "99.95", "280"));
        drumbeat.clock().advance(Duration.ofHours(3));

        SlackReply reply = submit(ALICE, form("red", "Database failover broke", "97.5", "900"));

        assertThat(reply.text()).contains("updated");
        assertThat(seed.count("checkins")).isEqualTo(1);
        assertThat(
                        seed.count(
                                "checkins where status = 'red' and hurdle = 'Database failover broke' and revision = 2"
                                        + " and submitted_at = timestamptz '2026-11-25 10:00:00+00' and updated_at = timestamptz '2026-11-25 13:00:00+00'"))
                .isEqualTo(1);
        assertThat(seed.count("kpi_readings where source = 'checkin'")).isEqualTo(2);
        assertThat(seed.count("kpi_readings where source = 'checkin' and value in (97.5, 900)"))
                .isEqualTo(2);
        assertThat(
                        seed.count(
                                "audit_log where action = 'update' and before->>'status' = 'green' and after->>'status' = 'red'"))
                .isEqualTo(1);
    }

    @Test
    void a_retried_view_submission_records_once() {
        Map<String, Map<String, Object>> values = form("amber", "Vendor is late", "99.9", "320");

        SlackReply first = submit(ALICE, values);
        SlackReply retry = submit(ALICE, values);

        assertThat(first.json().path("response_action").asText()).isEqualTo("update");
        assertThat(retry.json().path("response_action").asText()).isEqualTo("update");
        assertThat(seed.count("checkins where revision = 1")).isEqualTo(1);
        assertThat(seed.count("checkins")).isEqualTo(1);
        assertThat(seed.count("kpi_readings where source = 'checkin'")).isEqualTo(2);
        assertThat(seed.count("audit_log")).isEqualTo(1);
    }

    @Test
    void a_double_click_sending_two_submissions_at_once_records_once() throws Exception {
        Map<String, Map<String, Object>> values = form("red", "Vendor is late", "99.9", "320");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService twoThreads = Executors.newFixedThreadPool(2);
        List<CompletableFuture<SlackReply>> clicks = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return submit(ALICE, values);
                        },
                        twoThreads))
                .toList();
        go.countDown();
        twoThreads.shutdown();

        for (CompletableFuture<SlackReply> click : clicks) {
            assertThat(click.get().json().path("response_action").asText()).isEqualTo("update");
        }
        assertThat(seed.count("checkins where revision = 1")).isEqualTo(1);
        assertThat(seed.count("kpi_readings where source = 'checkin'")).isEqualTo(2);
        assertThat(seed.count("audit_log")).isEqualTo(1);
    }

    @Test
    void someone_who_is_not_owner_deputy_or_admin_is_refused_in_the_modal() {
        SlackReply reply = submit(CAROL, form("green", "", "99.9", "280"));

        assertThat(reply.json().path("errors").path("status").asText())
                .contains("Only the owner of Payments API", ALICE);
        assertThat(stored()).isZero();
    }

    @Test
    void the_deputy_and_an_admin_may_check_in() {
        submit(BOB, form("green", "", "99.9", ""));
        submit(TestDrumbeat.ADMIN, form("amber", "Budget freeze", "", ""));

        assertThat(seed.count("checkins where status = 'amber' and revision = 2 and submitted_by = '" + BOB + "'"))
                .isEqualTo(1);
        assertThat(seed.count("audit_log where actor = '" + TestDrumbeat.ADMIN + "' and action = 'update'"))
                .isEqualTo(1);
    }

    @Test
    void the_modal_is_prefilled_from_this_periods_check_in() throws Exception {
        submit(ALICE, form("amber", "Vendor is late", "99.91", "305"));

        drumbeat.click(ALICE, "checkin-open:payments-api", "payments-api|" + PERIOD + "|");

        JsonNode view = drumbeat.openedView(ALICE);
        assertThat(view.path("submit").path("text").asText()).isEqualTo("Save changes");
        String blocks = view.path("blocks").toString();
        assertThat(blocks)
                .contains(
                        "\"initial_value\":\"Vendor is late\"",
                        "\"initial_value\":\"99.91\"",
                        "\"initial_value\":\"305\"",
                        "\"value\":\"amber\"");
        assertThat(view.toString()).contains("initial_option");
    }

    @Test
    void a_check_in_listed_in_a_prompt_updates_that_dm_through_the_outbox() {
        long prompt = seed.prompt(ALICE, PERIOD, "payments-api");

        submit(ALICE, "payments-api|" + PERIOD + "|" + prompt, form("green", "", "99.9", "280"));

        assertThat(seed.count("slack_outbox where method = 'chat.update' and channel = '" + ALICE + "'"
                        + " and dedupe_key like 'prompt-update:" + prompt + ":%'"))
                .isEqualTo(1);
    }

    @Test
    void each_change_updates_the_dm_even_when_a_status_comes_back() {
        long prompt = seed.prompt(ALICE, PERIOD, "payments-api");
        String ref = "payments-api|" + PERIOD + "|" + prompt;

        submit(ALICE, ref, form("green", "", "99.9", "280"));
        submit(ALICE, ref, form("amber", "Vendor patch late", "99.9", "280"));
        submit(ALICE, ref, form("green", "", "99.9", "280"));

        assertThat(seed.count("slack_outbox where method = 'chat.update' and dedupe_key like 'prompt-update:" + prompt
                        + ":%'"))
                .isEqualTo(3);
        String last = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select args::text from slack_outbox where method = 'chat.update'"
                                + " order by id desc limit 1")
                        .mapTo(String.class)
                        .one());
        assertThat(last).contains("green").doesNotContain("amber");
    }

    @Test
    void whoever_a_prompt_asked_to_cover_the_service_may_check_in() {
        seed.prompt(CAROL, PERIOD, "payments-api");

        SlackReply reply = submit(CAROL, form("green", "", "", ""));

        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(seed.count("checkins where submitted_by = '" + CAROL + "'")).isEqualTo(1);
    }
}
