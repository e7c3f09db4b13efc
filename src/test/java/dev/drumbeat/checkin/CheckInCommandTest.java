package dev.drumbeat.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.standin.BlockKitLimits;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/drumbeat checkin [service]`: opens the modal for the caller's week, or lists what they answer for. */
class CheckInCommandTest {
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String CAROL = "U0CAROL01";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    Seed seed;

    @BeforeEach
    void seed() {
        drumbeat.clock().set(Instant.parse("2026-11-25T10:00:00Z"));
        seed = drumbeat.seed()
                .person(TestDrumbeat.ADMIN, "ada", "member")
                .person(ALICE, "alice", "member")
                .person(BOB, "bob", "member")
                .person(CAROL, "carol", "member");
        drumbeat.execute("update people set tz = 'UTC'");
        seed.service("payments-api", "Payments API", "core", ALICE, "0.12", "4200000", "620000")
                .service("core-banking", "Core Banking", "strategic", BOB, "1.10", "90000", "400000")
                .service("fraud-detection", "Fraud Detection", "strategic", BOB, "0.05", "1000000", "90000")
                .deputy("payments-api", BOB)
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95");
    }

    private static String openedMetadata(String userId) {
        return drumbeat.openedView(userId).path("private_metadata").asText();
    }

    @Test
    void someone_who_answers_for_no_service_is_told_how_to_check_in() {
        SlackReply reply = drumbeat.command(CAROL, "checkin");

        assertThat(reply.responseType()).isEqualTo("ephemeral");
        assertThat(reply.text())
                .contains("You don't own or deputise any service", "`/drumbeat checkin &lt;service&gt;`");
        assertThat(drumbeat.calls("views.open")).isEmpty();
    }

    @Test
    void the_owner_of_one_service_gets_its_modal_for_this_week() throws Exception {
        SlackReply reply = drumbeat.command(ALICE, "checkin");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(drumbeat.calls("views.open"))
                .singleElement()
                .satisfies(c -> assertThat(c.ok()).as(c.error()).isTrue());
        assertThat(openedMetadata(ALICE)).isEqualTo("payments-api|2026-11-23|");
        assertThat(drumbeat.slack().lastOpenedView(ALICE))
                .get()
                .asString()
                .contains("Payments API", "kpi-availability");
    }

    @Test
    void someone_answering_for_several_services_picks_one_from_a_list_of_check_in_buttons() {
        SlackReply reply = drumbeat.command(BOB, "checkin");

        assertThat(reply.responseType()).isEqualTo("ephemeral");
        assertThat(reply.text()).contains("You answer for 3 services", "week of 23 Nov 2026");
        List<String> actionIds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        reply.blocks().forEach(block -> {
            if (block.has("accessory")) {
                actionIds.add(block.path("accessory").path("action_id").asText());
                values.add(block.path("accessory").path("value").asText());
            }
        });
        assertThat(actionIds)
                .containsExactly(
                        "checkin-open:core-banking", "checkin-open:fraud-detection", "checkin-open:payments-api");
        assertThat(values)
                .containsExactly("core-banking|2026-11-23|", "fraud-detection|2026-11-23|", "payments-api|2026-11-23|");
        List<?> blocks = new ObjectMapper().convertValue(reply.blocks(), List.class);
        assertThat(BlockKitLimits.checkMessage(blocks))
                .as("what Slack would refuse")
                .isEmpty();
        assertThat(drumbeat.calls("views.open")).isEmpty();
    }

    @Test
    void a_button_from_the_list_opens_that_services_modal() throws Exception {
        drumbeat.click(BOB, "checkin-open:fraud-detection", "fraud-detection|2026-11-23|");

        assertThat(drumbeat.calls("views.open"))
                .singleElement()
                .satisfies(c -> assertThat(c.ok()).as(c.error()).isTrue());
        assertThat(openedMetadata(BOB)).isEqualTo("fraud-detection|2026-11-23|");
    }

    @Test
    void a_service_named_loosely_opens_its_modal() throws Exception {
        drumbeat.command(ALICE, "checkin payments");

        assertThat(drumbeat.calls("views.open"))
                .singleElement()
                .satisfies(c -> assertThat(c.ok()).isTrue());
        assertThat(openedMetadata(ALICE)).isEqualTo("payments-api|2026-11-23|");
    }

    @Test
    void the_week_is_the_callers_own_in_their_time_zone() throws Exception {
        // Monday 10:00 in Auckland is still Sunday in UTC, the week before.
        drumbeat.clock().set(Instant.parse("2026-11-22T21:00:00Z"));
        seed.timeZone(ALICE, "Pacific/Auckland");

        drumbeat.command(ALICE, "checkin");

        assertThat(openedMetadata(ALICE)).isEqualTo("payments-api|2026-11-23|");
        seed.timeZone(BOB, "UTC");
        drumbeat.command(BOB, "checkin payments-api");
        assertThat(openedMetadata(BOB)).isEqualTo("payments-api|2026-11-16|");
    }

    @Test
    void someone_who_may_not_check_in_for_a_service_gets_a_sentence_and_no_modal() {
        SlackReply reply = drumbeat.command(CAROL, "checkin payments-api");

        assertThat(reply.text()).contains("Only the owner of Payments API", "its deputy or a Drumbeat admin");
        assertThat(drumbeat.calls("views.open")).isEmpty();
    }

    @Test
    void an_unknown_service_says_how_to_find_it() {
        SlackReply reply = drumbeat.command(ALICE, "checkin warehouse");

        assertThat(reply.text()).contains("No service matches “warehouse”", "/drumbeat services");
        assertThat(drumbeat.calls("views.open")).isEmpty();
    }

    @Test
    void help_lists_checkin_and_kpi() {
        assertThat(drumbeat.command(CAROL, "help").text())
                .contains("/drumbeat checkin [service]", "/drumbeat kpi &lt;service&gt; &lt;kpi&gt; &lt;value&gt;");
    }
}
