package dev.drumbeat.catalog;

import static dev.drumbeat.support.SlackPayloads.checked;
import static dev.drumbeat.support.SlackPayloads.option;
import static dev.drumbeat.support.SlackPayloads.text;
import static dev.drumbeat.support.SlackPayloads.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.SlackUser;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `service add` and `service edit`: the modal opens through views.open, validates, saves and audits. */
class ServiceModalTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    static final SlackUser alice = drumbeat.user("U0ALICE01", "alice");
    Seed seed;

    @BeforeEach
    void seed() {
        seed = drumbeat.seed()
                .person(TestDrumbeat.ADMIN, "ada", "member")
                .person("U0ALICE01", "alice", "member")
                .person("U0BOB0001", "bob", "member")
                .service("payments-api", "Payments API", "core", "U0ALICE01", "0.12", "4200000", "620000");
    }

    private static Map<String, Map<String, Object>> form(String key, String unitCost) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("key", text(key));
        values.put("name", text("Fraud Detection"));
        values.put("tier", option("strategic"));
        values.put("protected", checked("protected"));
        values.put("owner", user("U0BOB0001"));
        values.put("unit_cost", text(unitCost));
        values.put("unit_name", text("transaction"));
        values.put("monthly_demand", text("1,000,000"));
        values.put("monthly_value", text("$90,000"));
        return values;
    }

    private static SlackReply submit(String userId, String metadata, Map<String, Map<String, Object>> values) {
        return drumbeat.submit(userId, ServiceForm.CALLBACK_ID, metadata, values);
    }

    @Test
    void service_add_opens_a_modal_that_slack_accepts() {
        SlackReply reply = drumbeat.command(drumbeat.admin(), "service add");
        assertThat(reply.status()).isEqualTo(200);
        List<SlackStandInCall> opens = drumbeat.calls("views.open");
        assertThat(opens).hasSize(1);
        assertThat(opens.get(0).ok())
                .as("stand-in error: %s", opens.get(0).error())
                .isTrue();
        assertThat(drumbeat.slack().lastOpenedView(TestDrumbeat.ADMIN))
                .get()
                .asString()
                .contains("Add a service", "unit_cost");
    }

    @Test
    void only_admins_may_add_and_no_modal_opens_for_others() {
        assertThat(drumbeat.command(alice, "service add").text()).contains("Only a Drumbeat admin");
        assertThat(drumbeat.calls("views.open")).isEmpty();
    }

    @Test
    void the_owner_can_open_the_edit_modal_filled_with_current_values() {
        drumbeat.command(alice, "service edit payments");
        assertThat(drumbeat.calls("views.open"))
                .singleElement()
                .satisfies(c -> assertThat(c.ok()).isTrue());
        assertThat(drumbeat.slack().lastOpenedView("U0ALICE01"))
                .get()
                .asString()
                .contains("Edit service", "Payments API", "4200000");
    }

    @Test
    void a_valid_submission_saves_the_service_audits_it_and_shows_it_was_saved() {
        SlackReply reply = submit(TestDrumbeat.ADMIN, "", form("fraud-detection", "0.05"));
        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(reply.text()).contains("Fraud Detection", "is added");
        assertThat(seed.count("services where key = 'fraud-detection' and is_protected and owner_id = 'U0BOB0001'"
                        + " and monthly_demand = 1000000 and monthly_value = 90000 and tier = 'strategic'"))
                .isEqualTo(1);
        assertThat(seed.count("audit_log where entity_key = 'fraud-detection' and action = 'create'"))
                .isEqualTo(1);
    }

    @Test
    void bad_fields_come_back_as_errors_under_each_field_and_nothing_is_stored() {
        Map<String, Map<String, Object>> values = form("Fraud Detection!", "twelve");
        values.put("monthly_value", text("-5"));
        SlackReply reply = submit(TestDrumbeat.ADMIN, "", values);
        assertThat(reply.json().path("response_action").asText()).isEqualTo("errors");
        assertThat(reply.json().path("errors").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("key", "unit_cost", "monthly_value");
        assertThat(reply.json().path("errors").path("unit_cost").asText()).contains("is not a number");
        assertThat(seed.count("services")).isEqualTo(1);
    }

    @Test
    void a_duplicate_key_is_a_field_error() {
        SlackReply reply = submit(TestDrumbeat.ADMIN, "", form("payments-api", "1"));
        assertThat(reply.json().path("errors").path("key").asText()).contains("already exists");
    }

    @Test
    void a_save_clicked_several_times_at_once_adds_one_service_and_the_other_clicks_get_the_key_error()
            throws Exception {
        int clicks = 6;
        for (int round = 0; round < 3; round++) {
            String key = "fraud-detection-" + round;
            Map<String, Map<String, Object>> values = form(key, "0.05");
            values.put("name", text("Fraud Detection " + round));
            List<SlackReply> replies = concurrently(clicks, () -> submit(TestDrumbeat.ADMIN, "", values));

            assertThat(replies).extracting(SlackReply::status).containsOnly(200);
            assertThat(seed.count("services where key = '" + key + "'")).isEqualTo(1);
            assertThat(replies)
                    .filteredOn(r -> r.json().path("response_action").asText().equals("update"))
                    .hasSize(1);
            assertThat(replies)
                    .filteredOn(r -> !r.json().path("response_action").asText().equals("update"))
                    .allSatisfy(r -> assertThat(r.json().isNull()
                                    || r.json()
                                            .path("errors")
                                            .path("key")
                                            .asText()
                                            .contains("already exists"))
                            .as("answer %s", r.json())
                            .isTrue());
        }
    }

    @Test
    void a_name_another_service_has_is_refused_however_it_is_cased_spaced_or_punctuated() {
        Map<String, Map<String, Object>> values = form("payments-gateway", "1");
        values.put("name", text("  PAYMENTS-api "));

        SlackReply reply = submit(TestDrumbeat.ADMIN, "", values);

        assertThat(reply.json().path("errors").path("name").asText())
                .contains("There is already a service called Payments API (payments-api)", "Pick another name");
        assertThat(seed.count("services")).isEqualTo(1);
    }

    @Test
    void renaming_a_service_to_another_services_name_is_refused_and_keeping_its_own_is_not() {
        seed.service("fraud", "Fraud Detection", "core", "U0ALICE01", "1", "1", "1");
        Map<String, Map<String, Object>> values = form("ignored", "1");
        values.remove("key");
        values.put("name", text("Payments API"));

        SlackReply refused = submit(TestDrumbeat.ADMIN, "fraud", values);
        values.put("name", text("Fraud detection"));
        SlackReply renamed = submit(TestDrumbeat.ADMIN, "fraud", values);

        assertThat(refused.json().path("errors").path("name").asText())
                .contains("There is already a service called Payments API (payments-api)");
        assertThat(renamed.json().path("response_action").asText()).isEqualTo("update");
        assertThat(seed.count("services where key = 'fraud' and name = 'Fraud detection'"))
                .isEqualTo(1);
    }

    @Test
    void services_added_at_once_under_one_name_and_different_keys_save_one() throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<SlackReply> replies =
                concurrently(6, () -> submit(TestDrumbeat.ADMIN, "", form("fraud-" + next.incrementAndGet(), "1")));

        assertThat(seed.count("services where name = 'Fraud Detection'")).isEqualTo(1);
        assertThat(replies)
                .filteredOn(r -> r.json().path("response_action").asText().equals("errors"))
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.json().path("errors").path("name").asText())
                        .contains("Fraud Detection"));
    }

    /** Runs {@code submission} on {@code times} threads released together, as a triple-clicked button arrives. */
    private static List<SlackReply> concurrently(int times, Callable<SlackReply> submission) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SlackReply>> answers = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return submission.call();
                }));
            }
            start.countDown();
            List<SlackReply> replies = new ArrayList<>();
            for (Future<SlackReply> answer : answers) {
                replies.add(answer.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_nul_character_in_a_field_is_that_fields_error_and_nothing_is_saved() {
        Map<String, Map<String, Object>> values = form("fraud-detection", "0.05");
        values.put("name", text("Fraud\u0000Detection"));

        SlackReply reply = submit(TestDrumbeat.ADMIN, "", values);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("errors").path("name").asText()).contains("NUL character");
        assertThat(seed.count("services where key = 'fraud-detection'")).isZero();
    }

    @Test
    void a_nul_character_in_a_command_is_answered_with_how_to_fix_it() {
        SlackReply reply = drumbeat.command(drumbeat.admin(), "status pay\u0000ments");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("NUL character", "Remove it");
    }

    @Test
    void editing_by_someone_else_is_refused_in_the_modal_and_nothing_changes() {
        Map<String, Map<String, Object>> values = form("ignored", "9");
        values.remove("key");
        SlackReply reply = submit("U0BOB0001", "payments-api", values);
        assertThat(reply.json().path("errors").path("name").asText()).contains("Only the owner of Payments API");
        assertThat(seed.count("services where key = 'payments-api' and name = 'Payments API'"))
                .isEqualTo(1);
        assertThat(seed.count("audit_log")).isZero();
    }

    @Test
    void the_owner_edits_and_the_audit_keeps_before_and_after() {
        Map<String, Map<String, Object>> values = form("ignored", "0.10");
        values.remove("key");
        values.put("owner", user("U0ALICE01"));
        submit("U0ALICE01", "payments-api", values);
        assertThat(seed.count("services where key = 'payments-api' and unit_cost = 0.10"))
                .isEqualTo(1);
        assertThat(seed.count("audit_log where entity_key = 'payments-api' and before->>'unitCost' = '0.12'"
                        + " and after->>'unitCost' = '0.10'"))
                .isEqualTo(1);
    }

    @Test
    void an_expired_trigger_gets_a_sentence_not_a_failure() {
        SlackUser stale = dev.drumbeat.sandbox.SlackUser.of(TestDrumbeat.TEAM, TestDrumbeat.ADMIN, "ada");
        SlackReply reply = drumbeat.command(stale, "service add");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("Run the command again");
    }
}
