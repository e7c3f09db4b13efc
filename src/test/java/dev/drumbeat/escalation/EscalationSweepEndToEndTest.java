package dev.drumbeat.escalation;

import static dev.drumbeat.support.SlackPayloads.option;
import static dev.drumbeat.support.SlackPayloads.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.core.Periods;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.sandbox.standin.SlackStandInMessage;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Silence end to end: the real sweep over the real rules finds a service whose owner let the grace pass, and its DM
 * reaches the Slack stand-in through the outbox; the owner checks in through the signed modal submission, and the next
 * sweep closes the escalation and edits the same DM to say it is resolved.
 */
class EscalationSweepEndToEndTest {
    static final String ALICE = "U0ALICE01";
    static final String PERIOD = "2026-11-23";
    /** Three hours after the prompt for the week of 23 Nov: the check-in is not owed yet. */
    static final Instant MONDAY_NOON = Instant.parse("2026-11-23T12:00:00Z");
    /** Fifty-one hours after the prompt: past the default 48-hour grace. */
    static final Instant WEDNESDAY_NOON = Instant.parse("2026-11-25T12:00:00Z");
    /** {@code CheckInForm.CALLBACK_ID}, package-private in the check-in feature. */
    static final String CHECK_IN_FORM = "checkin-form";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    EscalationService escalations;

    @BeforeEach
    void seed() {
        drumbeat.seed()
                .person(ALICE, "alice", "member")
                .service("payments-api", "Payments API", "core", ALICE, "0.12", "4200000", "620000")
                .checkIn("payments-api", "green", "", ALICE);
        drumbeat.jdbi()
                .useHandle(
                        h -> h.execute(
                                "update services set created_at = timestamptz '2026-01-05 00:00:00+00', owner_since = timestamptz '2026-01-05 00:00:00+00'"));
        // as Drumbeat.start builds it from TestDrumbeat.config: check-ins due Mondays at 09:00, leadership in C0LEADERS
        escalations = new EscalationService(
                drumbeat.jdbi(),
                new Outbox(drumbeat.clock()),
                Optional.of("C0LEADERS"),
                new EscalationServiceRules(new Periods(DayOfWeek.MONDAY, 9)),
                drumbeat.clock());
    }

    @Test
    void a_check_in_after_the_grace_closes_the_stale_escalation_and_edits_its_dm_to_say_it_is_resolved() {
        drumbeat.clock().set(MONDAY_NOON);
        EscalationService.Applied withinGrace = escalations.sweep();
        drumbeat.clock().set(WEDNESDAY_NOON);

        EscalationService.Applied pastGrace = escalations.sweep();
        SlackStandInMessage dm = awaitMessage("the stale DM", m -> m.text().startsWith("Escalation, level 1"));

        assertThat(withinGrace.isEmpty()).isTrue();
        assertThat(pastGrace).isEqualTo(new EscalationService.Applied(1, 0, 0));
        assertThat(dm.text()).isEqualTo("Escalation, level 1 — Payments API: " + Reason.STALE.words());
        assertThat(dm.blocks().toString()).contains("no check-in since the week of 16 Nov", "Acknowledge");
        assertThat(drumbeat.calls("chat.postMessage"))
                .singleElement()
                .satisfies(post -> assertThat(post.args()).containsEntry("channel", ALICE));

        SlackReply checkedIn = checkIn(ALICE, PERIOD, "green");
        EscalationService.Applied afterCheckIn = escalations.sweep();
        SlackStandInMessage resolved =
                awaitMessage("the DM edited to say resolved", m -> m.text().startsWith("Resolved"));

        assertThat(checkedIn.json().path("response_action").asText()).isEqualTo("update");
        assertThat(afterCheckIn).isEqualTo(new EscalationService.Applied(0, 0, 1));
        assertThat(closeReasons()).containsExactly("a check-in arrived");
        assertThat(resolved.ts()).isEqualTo(dm.ts());
        assertThat(resolved.channel()).isEqualTo(dm.channel());
        assertThat(resolved.edited()).isTrue();
        assertThat(resolved.blocks().toString())
                .contains("resolved", "a check-in arrived")
                .doesNotContain("esc-ack");
        assertThat(aboutPayments()).singleElement();
        assertThat(drumbeat.calls("chat.postMessage")).hasSize(1);
        assertThat(drumbeat.calls("chat.update"))
                .singleElement()
                .satisfies(update -> assertThat(update.ok()).isTrue());
        assertThat(escalations.sweep().isEmpty()).isTrue();
    }

    /** The check-in modal submitted as Slack sends it, signed, into the real HTTP endpoint. */
    private static SlackReply checkIn(String userId, String period, String status) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("status", option(status));
        values.put("hurdle", text(""));
        values.put("note", text("Back on track."));
        return drumbeat.submit(userId, CHECK_IN_FORM, "payments-api|" + period + "|", values);
    }

    private static List<String> closeReasons() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select close_reason from escalations where closed_at is not null")
                        .mapTo(String.class)
                        .list());
    }

    /** Every message the stand-in holds about the service, in any conversation. */
    private static List<SlackStandInMessage> aboutPayments() {
        return drumbeat.slack().conversations().values().stream()
                .flatMap(List::stream)
                .filter(m -> m.text() != null && m.text().contains("Payments API"))
                .toList();
    }

    /** Polls the stand-in until a message about the service matches, for up to ten seconds. */
    private static SlackStandInMessage awaitMessage(String what, Predicate<SlackStandInMessage> matches) {
        Await.until(
                what,
                () -> aboutPayments().stream().anyMatch(matches),
                () -> aboutPayments() + " after calls "
                        + drumbeat.slack().calls().stream()
                                .map(SlackStandInCall::method)
                                .toList());
        return aboutPayments().stream().filter(matches).findFirst().orElseThrow();
    }
}
