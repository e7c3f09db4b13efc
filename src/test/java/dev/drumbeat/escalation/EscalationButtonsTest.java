package dev.drumbeat.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drumbeat.core.Periods;
import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackPayloads;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The buttons on an escalation, end to end: signed block actions and view submissions, the stand-in accepting every call. */
class EscalationButtonsTest {
    static final String TEAM = TestDrumbeat.TEAM;
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String CAROL = "U0CAROL01";
    static final String DAVE = "U0DAVE001";
    static final String LEAD = "U0LEAD001";
    static final Instant MONDAY = Instant.parse("2027-03-15T09:00:00Z");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    Seed seed;
    EscalationService ladder;

    @BeforeEach
    void seed() {
        drumbeat.clock().set(MONDAY);
        seed = drumbeat.seed()
                .person(ALICE, "alice", "member")
                .person(BOB, "bob", "member")
                .person(CAROL, "carol", "member")
                .person(DAVE, "dave", "member")
                .person(LEAD, "lea", "leadership")
                .service("payments-api", "Payments API", "core", ALICE, "0.12", "4200000", "620000")
                .deputy("payments-api", BOB)
                .service("crm", "CRM", "core", null, "1", "1", "1");
        ladder = new EscalationService(
                drumbeat.jdbi(),
                new Outbox(drumbeat.clock()),
                Optional.of("C0LEADERS"),
                new EscalationServiceRules(new Periods(DayOfWeek.MONDAY, 9)),
                drumbeat.clock());
    }

    /** Opens an escalation for the service and waits until its first message is in Slack; returns its id. */
    private long escalate(String serviceKey, Reason reason) {
        long serviceId = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from services where key = :k")
                        .bind("k", serviceKey)
                        .mapTo(Long.class)
                        .one());
        ladder.apply(
                TEAM,
                List.of(new Finding(TEAM, Finding.Subject.service(serviceId), reason, "never checked in")),
                Thresholds.defaults(),
                drumbeat.clock().instant());
        long id = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from escalations where subject_id = :s")
                        .bind("s", serviceId)
                        .mapTo(Long.class)
                        .one());
        Await.until("first message sent", () -> seed.count("slack_outbox where state = 'sent'") >= 1);
        return id;
    }

    /** The escalation's button {@code action} clicked by the user. */
    private static SlackReply click(String userId, String action, long id) {
        return drumbeat.click(userId, action + ":" + id, Long.toString(id));
    }

    /** A modal about the escalation submitted by the user. */
    private static SlackReply submit(
            String userId, String callbackId, long id, Map<String, Map<String, Object>> values) {
        return drumbeat.submit(userId, callbackId, Long.toString(id), values);
    }

    private static Map<String, Object> escalation(long id) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select * from escalations where id = :id")
                        .bind("id", id)
                        .mapToMap()
                        .one());
    }

    /** Waits until Slack has an updated message whose blocks contain every one of {@code words}. */
    private static SlackStandInCall awaitUpdate(String... words) {
        Await.until(
                "an update saying " + List.of(words), () -> updateSaying(words).isPresent());
        return updateSaying(words).orElseThrow();
    }

    private static Optional<SlackStandInCall> updateSaying(String... words) {
        return drumbeat.calls("chat.update").stream()
                .filter(SlackStandInCall::ok)
                .filter(c -> List.of(words).stream()
                        .allMatch(w -> c.args().toString().contains(w)))
                .findFirst();
    }

    @Test
    void acknowledge_records_who_and_when_and_the_message_says_they_are_on_it() {
        long id = escalate("payments-api", Reason.STALE);

        SlackReply reply = click(ALICE, EscalationViews.ACKNOWLEDGE, id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(escalation(id)).containsEntry("acknowledged_by", ALICE);
        assertThat(seed.count("escalations where acknowledged_at = timestamptz '2027-03-15 09:00:00+00'"))
                .isEqualTo(1);
        assertThat(seed.count(
                        "audit_log where entity = 'escalation' and action = 'acknowledge' and actor = '" + ALICE + "'"))
                .isEqualTo(1);
        SlackStandInCall update = awaitUpdate("Acknowledged by <@" + ALICE + ">", "It still climbs if nothing changes");
        assertThat(update.args().toString()).doesNotContain("esc-ack:");
        assertThat(drumbeat.calls("views.open")).isEmpty();
    }

    @Test
    void acknowledge_by_someone_with_no_part_in_it_is_refused_in_a_plain_sentence_and_changes_nothing()
            throws Exception {
        long id = escalate("payments-api", Reason.STALE);

        click(CAROL, EscalationViews.ACKNOWLEDGE, id);

        assertThat(drumbeat.calls("views.open"))
                .singleElement()
                .satisfies(c -> assertThat(c.ok()).isTrue());
        assertThat(drumbeat.openedView(CAROL).toString())
                .contains("Only <@" + ALICE + ">, a deputy of Payments API, leadership or a Drumbeat admin");
        assertThat(escalation(id).get("acknowledged_by")).isNull();
        assertThat(seed.count("audit_log")).isZero();
    }

    @Test
    void snooze_asks_for_a_required_reason_in_a_modal_then_holds_the_escalation_a_week() throws Exception {
        long id = escalate("payments-api", Reason.STALE);

        click(BOB, EscalationViews.SNOOZE, id);
        JsonNode form = drumbeat.openedView(BOB);
        SlackReply blank =
                submit(BOB, SnoozeForm.CALLBACK_ID, id, Map.of(SnoozeForm.REASON, SlackPayloads.text("   ")));
        SlackReply done = submit(
                BOB,
                SnoozeForm.CALLBACK_ID,
                id,
                Map.of(SnoozeForm.REASON, SlackPayloads.text("Vendor fix lands next Tuesday")));

        assertThat(form.path("callback_id").asText()).isEqualTo(SnoozeForm.CALLBACK_ID);
        assertThat(form.path("private_metadata").asText()).isEqualTo(Long.toString(id));
        assertThat(form.path("blocks").get(1).path("type").asText()).isEqualTo("input");
        assertThat(form.path("blocks").get(1).path("optional").asBoolean(false)).isFalse();
        assertThat(blank.json().path("response_action").asText()).isEqualTo("errors");
        assertThat(blank.json().path("errors").path(SnoozeForm.REASON).asText()).contains("Say why it can wait a week");
        assertThat(done.json().path("response_action").asText()).isEqualTo("update");
        assertThat(done.text()).contains("Snoozed until 22 Mar 2027");
        assertThat(escalation(id))
                .containsEntry("snoozed_by", BOB)
                .containsEntry("snooze_reason", "Vendor fix lands next Tuesday");
        assertThat(seed.count("escalations where snoozed_until = timestamptz '2027-03-22 09:00:00+00'"))
                .isEqualTo(1);
        assertThat(seed.count("audit_log where action = 'snooze' and actor = '" + BOB + "'"))
                .isEqualTo(1);
        awaitUpdate("Snoozed by <@" + BOB + "> until 22 Mar 2027", "Vendor fix lands next Tuesday");
    }

    @Test
    void take_ownership_makes_the_clicker_the_owner_and_closes_the_ownerless_escalation_at_once() throws Exception {
        long id = escalate("crm", Reason.OWNERLESS);

        click(CAROL, EscalationViews.TAKE, id);

        assertThat(seed.count("services where key = 'crm' and owner_id = '" + CAROL + "'"))
                .isEqualTo(1);
        assertThat(escalation(id)).containsEntry("close_reason", "<@" + CAROL + "> took ownership");
        assertThat(seed.count("audit_log where entity = 'service' and entity_key = 'crm' and action = 'update'"
                        + " and after->>'ownerId' = '" + CAROL + "' and actor = '" + CAROL + "'"))
                .isEqualTo(1);
        assertThat(drumbeat.openedView(CAROL).toString()).contains("You now own *CRM*");
        SlackStandInCall update = awaitUpdate("resolved", "<@" + CAROL + "> took ownership");
        assertThat(update.args()).containsEntry("channel", "C0LEADERS");

        click(DAVE, EscalationViews.TAKE, id);
        assertThat(drumbeat.openedView(DAVE).toString()).contains("already resolved");
        assertThat(seed.count("services where key = 'crm' and owner_id = '" + CAROL + "'"))
                .isEqualTo(1);
    }

    @Test
    void assign_owner_is_refused_for_a_member_at_the_click_and_at_the_submission() throws Exception {
        long id = escalate("crm", Reason.OWNERLESS);

        click(CAROL, EscalationViews.ASSIGN, id);
        SlackReply forged = submit(
                CAROL,
                EscalationViewsModals.ASSIGN_CALLBACK_ID,
                id,
                Map.of(EscalationViewsModals.OWNER, SlackPayloads.user(CAROL)));

        assertThat(drumbeat.openedView(CAROL).toString())
                .contains("Only leadership or a Drumbeat admin can assign an owner")
                .doesNotContain("users_select");
        assertThat(forged.json()
                        .path("errors")
                        .path(EscalationViewsModals.OWNER)
                        .asText())
                .contains("Only leadership");
        assertThat(seed.count("services where key = 'crm' and owner_id is null"))
                .isEqualTo(1);
        assertThat(seed.count("audit_log")).isZero();
    }

    @Test
    void assign_owner_by_leadership_picks_a_person_in_a_modal_and_makes_them_the_owner() throws Exception {
        long id = escalate("crm", Reason.OWNERLESS);

        click(LEAD, EscalationViews.ASSIGN, id);
        JsonNode form = drumbeat.openedView(LEAD);
        SlackReply missing = submit(LEAD, EscalationViewsModals.ASSIGN_CALLBACK_ID, id, Map.of());
        SlackReply done = submit(
                LEAD,
                EscalationViewsModals.ASSIGN_CALLBACK_ID,
                id,
                Map.of(EscalationViewsModals.OWNER, SlackPayloads.user(DAVE)));

        assertThat(form.path("callback_id").asText()).isEqualTo(EscalationViewsModals.ASSIGN_CALLBACK_ID);
        assertThat(form.toString()).contains("users_select", "CRM");
        assertThat(missing.json()
                        .path("errors")
                        .path(EscalationViewsModals.OWNER)
                        .asText())
                .contains("Pick the person");
        assertThat(done.text()).contains("<@" + DAVE + "> now owns *CRM*");
        assertThat(seed.count("services where key = 'crm' and owner_id = '" + DAVE + "'"))
                .isEqualTo(1);
        assertThat(escalation(id)).containsEntry("close_reason", "<@" + LEAD + "> made <@" + DAVE + "> the owner");
        assertThat(seed.count("audit_log where entity = 'service' and actor = '" + LEAD + "'"))
                .isEqualTo(1);
        awaitUpdate("resolved", "the owner");
    }

    @Test
    void open_service_shows_the_service_card_in_a_modal() throws Exception {
        long id = escalate("payments-api", Reason.STALE);

        click(CAROL, EscalationViews.OPEN, id);

        assertThat(drumbeat.calls("views.open"))
                .singleElement()
                .satisfies(c -> assertThat(c.ok()).isTrue());
        assertThat(drumbeat.openedView(CAROL).toString())
                .contains(
                        "Payments API",
                        "payments-api",
                        "<@" + ALICE + ">",
                        "<@" + BOB + ">",
                        "$0.12 per transaction",
                        "$504,000");
    }

    @Test
    void a_snoozed_escalation_does_not_climb_until_the_week_is_over() {
        long id = escalate("payments-api", Reason.STALE);
        submit(ALICE, SnoozeForm.CALLBACK_ID, id, Map.of(SnoozeForm.REASON, SlackPayloads.text("Team offsite")));
        long serviceId = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select subject_id from escalations")
                        .mapTo(Long.class)
                        .one());
        List<Finding> still =
                List.of(new Finding(TEAM, Finding.Subject.service(serviceId), Reason.STALE, "never checked in"));

        drumbeat.clock().advance(Duration.ofDays(6));
        ladder.apply(TEAM, still, Thresholds.defaults(), drumbeat.clock().instant());
        Object duringSnooze = escalation(id).get("level");
        drumbeat.clock().advance(Duration.ofDays(1));
        ladder.apply(TEAM, still, Thresholds.defaults(), drumbeat.clock().instant());
        Object rightAfter = escalation(id).get("level");
        drumbeat.clock().advance(Duration.ofHours(48));
        ladder.apply(TEAM, still, Thresholds.defaults(), drumbeat.clock().instant());

        assertThat(duringSnooze).isEqualTo(1);
        assertThat(rightAfter).as("a full rung after the snooze, not a jump").isEqualTo(1);
        assertThat(escalation(id)).containsEntry("level", 2);
    }

    @Test
    void a_sweep_that_read_its_findings_before_take_ownership_does_not_reopen_what_was_just_taken() {
        long serviceId = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from services where key = 'crm'")
                        .mapTo(Long.class)
                        .one());
        long id = escalate("crm", Reason.OWNERLESS);
        Instant sweepRead = drumbeat.clock().instant();
        drumbeat.clock().advance(Duration.ofSeconds(1));
        click(ALICE, EscalationViews.TAKE, id);
        assertThat(escalation(id).get("closed_at")).isNotNull();

        ladder.apply(
                TEAM,
                List.of(new Finding(TEAM, Finding.Subject.service(serviceId), Reason.OWNERLESS, "no owner")),
                Thresholds.defaults(),
                sweepRead);

        assertThat(seed.count("escalations where closed_at is null")).isZero();
    }
}
