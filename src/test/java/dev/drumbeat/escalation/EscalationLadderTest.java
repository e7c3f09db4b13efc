package dev.drumbeat.escalation;

import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.Reason;

import dev.drumbeat.escalation.settings.Thresholds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.core.Periods;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.sandbox.standin.SlackStandInMessage;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDrumbeat;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ladder end to end: escalations applied to the database, their messages sent by the running outbox sender
 * to the Slack stand-in, updated in place as they climb and close; and people leaving Slack, by event or found
 * by the daily owner check, making their services ownerless at once.
 */
class EscalationLadderTest {
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String DAVE = "U0DAVE001";
    static final String ERIN = "U0ERIN001";
    static final Thresholds THRESHOLDS = Thresholds.defaults();
    static TestDrumbeat t;
    static Seed seed;
    static EscalationService ladder;

    @BeforeAll
    static void start() {
        t = TestDrumbeat.start();
        seed = new Seed(t.jdbi(), TestDrumbeat.TEAM).person(ALICE, "alice", "member").person(BOB, "bob", "member")
                .person(DAVE, "dave", "member").person(ERIN, "erin", "member");
        ladder = new EscalationService(t.jdbi(), new Outbox(t.clock), Optional.of("C0LEADERS"),
                new EscalationServiceRules(new Periods(DayOfWeek.MONDAY, 9)), t.clock);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @BeforeEach
    void reset() {
        t.jdbi().useHandle(h -> {
            h.execute("truncate escalations, slack_outbox, services, audit_log cascade");
            h.execute("update people set deactivated = false");
        });
        seed.service("payments", "Payments API", "core", ALICE, "1", "1", "1").deputy("payments", BOB);
        t.jdbi().useHandle(h -> h.execute("update services set team_channel = 'C0PAYMENTS' where key = 'payments'"));
        t.slack.clear();
    }

    private static Finding stale() {
        long id = t.jdbi().withHandle(h -> h.createQuery("select id from services where key = 'payments'").mapTo(Long.class).one());
        return new Finding(TestDrumbeat.TEAM, Finding.Subject.service(id), Reason.STALE, "never checked in");
    }

    private static void apply(Finding... findings) {
        ladder.apply(TestDrumbeat.TEAM, List.of(findings), THRESHOLDS, t.clock.instant());
    }

    private static long escalationId() {
        return t.jdbi().withHandle(h -> h.createQuery("select id from escalations order by id limit 1").mapTo(Long.class).one());
    }

    /** The channel and ts Slack gave the post queued under {@code key}, once it is sent. */
    private static Map<String, Object> sent(String key) {
        awaitTrue("sent " + key, () -> seed.count("slack_outbox where state = 'sent' and dedupe_key = '" + key + "'") == 1,
                EscalationLadderTest::outboxState);
        return t.jdbi().withHandle(h -> h.createQuery("select result_channel, result_ts from slack_outbox where dedupe_key = :k")
                .bind("k", key).mapToMap().one());
    }

    private static SlackStandInMessage message(Map<String, Object> post) {
        return t.slack.messages((String) post.get("result_channel")).stream()
                .filter(m -> m.ts().equals(post.get("result_ts"))).findFirst().orElseThrow();
    }

    private static void awaitDrained() {
        awaitTrue("outbox drained", () -> seed.count("slack_outbox where state <> 'sent'") == 0);
    }

    private static List<SlackStandInCall> posts(String channel) {
        return t.slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.args().get("channel"))).toList();
    }

    @Test
    void climbing_updates_the_first_message_in_place_and_posts_once_to_the_new_places() {
        apply(stale());
        long id = escalationId();
        Map<String, Object> dm = sent("esc:" + id + ":" + ALICE);
        t.clock.advance(THRESHOLDS.toLevel2());

        apply(stale());
        apply(stale());
        awaitDrained();

        List<SlackStandInCall> updates = t.slack.calls("chat.update");
        assertThat(updates).singleElement().satisfies(update -> {
            assertThat(update.ok()).isTrue();
            assertThat(update.args()).containsEntry("ts", dm.get("result_ts")).containsEntry("channel", dm.get("result_channel"));
        });
        assertThat(message(dm).edited()).isTrue();
        assertThat(message(dm).text()).contains("level 2");
        assertThat(posts("C0PAYMENTS")).hasSize(1);
        assertThat(posts(BOB)).hasSize(1);
        assertThat(posts(ALICE)).hasSize(1);
    }

    @Test
    void several_escalations_for_one_person_arrive_as_one_message_with_each_in_its_thread() {
        Finding stale = stale();
        apply(stale, new Finding(TestDrumbeat.TEAM, stale.subject(), Reason.RED_STREAK, "red for 2 weeks"),
                new Finding(TestDrumbeat.TEAM, stale.subject(), Reason.KPI_OFF_TARGET, "Availability off target"));
        awaitDrained();

        List<SlackStandInCall> toAlice = new ArrayList<>(posts(ALICE));
        toAlice.addAll(posts(dmOf(ALICE))); // thread replies name the DM channel Slack answered with
        assertThat(toAlice).hasSize(4);
        assertThat(toAlice.stream().filter(c -> c.args().get("thread_ts") == null)).singleElement()
                .satisfies(parent -> assertThat(String.valueOf(parent.args().get("text"))).contains("3 escalations"));
        assertThat(t.slack.messages(dmOf(ALICE)).stream().filter(m -> m.threadTs() == null)).hasSize(1);
        assertThat(t.slack.messages(dmOf(ALICE)).stream().filter(m -> m.threadTs() != null)).hasSize(3);
    }

    private static String dmOf(String userId) {
        return (String) sent(t.jdbi().withHandle(h -> h.createQuery(
                "select dedupe_key from slack_outbox where channel = :u order by id limit 1").bind("u", userId)
                .mapTo(String.class).one())).get("result_channel");
    }

    @Test
    void closing_updates_every_message_to_say_it_is_resolved() {
        apply(stale());
        long id = escalationId();
        t.clock.advance(THRESHOLDS.toLevel2());
        apply(stale());
        List<Map<String, Object>> posted = List.of(sent("esc:" + id + ":" + ALICE), sent("esc:" + id + ":C0PAYMENTS"),
                sent("esc:" + id + ":" + BOB));

        apply();
        awaitDrained();

        for (Map<String, Object> post : posted) {
            assertThat(message(post).text()).startsWith("Resolved");
            assertThat(message(post).blocks().toString()).contains("a check-in arrived").doesNotContain("esc-ack");
        }
    }

    @Test
    void a_person_deactivated_in_slack_makes_their_service_ownerless_at_once_without_waiting_for_the_schedule() {
        seed.service("ledger", "Core Ledger", "strategic", DAVE, "1", "1", "1");

        assertThat(t.driver.event(userDeleted("Ev0LADDER1", DAVE)).statusCode()).isEqualTo(200);

        awaitTrue("an ownerless escalation", () -> seed.count(
                "escalations e join services s on s.id = e.subject_id where s.key = 'ledger' and e.reason = 'ownerless'"
                        + " and e.level = 3 and e.closed_at is null") == 1);
        awaitTrue("posted to leadership", () -> t.slack.messages("C0LEADERS").stream()
                .anyMatch(m -> m.text().contains("Core Ledger") && m.blocks().toString().contains("Take ownership")));
    }

    @Test
    void the_daily_owner_check_marks_owners_slack_no_longer_knows_and_escalates_their_services() {
        seed.service("ledger", "Core Ledger", "strategic", DAVE, "1", "1", "1")
                .service("mail", "Email", "secondary", ERIN, "1", "1", "1");
        t.slack.addUser(ALICE, "alice", "Alice", "Europe/London", 0, false);
        t.slack.addUser(DAVE, "dave", "Dave", "Europe/London", 0, true);
        OwnerCheck check = new OwnerCheck(t.jdbi(), SlackApp.client(TestDrumbeat.config(t.slack.apiUrl())), TestDrumbeat.BOT_TOKEN,
                new PeopleService(t.jdbi(), Set.of()), ladder, Duration.ZERO);

        OwnerCheck.Result result = check.run();

        assertThat(result).isEqualTo(new OwnerCheck.Result(3, 2, true));
        assertThat(t.slack.calls("users.info")).hasSize(3).allSatisfy(c -> assertThat(c.error()).isIn(null, "user_not_found"));
        assertThat(seed.count("people where deactivated")).isEqualTo(2);
        assertThat(seed.count("escalations where reason = 'ownerless' and level = 3")).isEqualTo(2);
    }

    private static Map<String, Object> userDeleted(String eventId, String userId) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", userId);
        user.put("team_id", TestDrumbeat.TEAM);
        user.put("name", userId.toLowerCase());
        user.put("deleted", true);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("token", "unused");
        envelope.put("team_id", TestDrumbeat.TEAM);
        envelope.put("api_app_id", "A0DRUMBEAT");
        envelope.put("event", Map.of("type", "user_change", "user", user, "event_ts", "1700000000.000200"));
        envelope.put("type", "event_callback");
        envelope.put("event_id", eventId);
        envelope.put("event_time", 1700000000);
        return envelope;
    }

    private static String outboxState() {
        return t.jdbi().withHandle(h -> h.createQuery("select dedupe_key || ' ' || state || ' ' || next_attempt_at || ' '"
                + " || coalesce(last_error, '') from slack_outbox order by id").mapTo(String.class).list()).toString();
    }

    static void awaitTrue(String what, BooleanSupplier condition) {
        awaitTrue(what, condition, () -> "");
    }

    static void awaitTrue(String what, BooleanSupplier condition, Supplier<String> state) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (!Instant.now().isBefore(deadline)) {
                assertThat(Instant.now()).as("waiting for " + what + " " + state.get()).isBefore(deadline);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void a_team_channel_that_refuses_the_bot_is_reported_to_leadership_once() {
        seed.service("warehouse", "Data Warehouse", "core", DAVE, "1", "1", "1").deputy("warehouse", ERIN);
        t.jdbi().useHandle(h -> h.execute("update services set team_channel = 'C0DATA' where key = 'warehouse'"));
        long id = t.jdbi().withHandle(h -> h.createQuery("select id from services where key = 'warehouse'")
                .mapTo(Long.class).one());
        Finding warehouseStale = new Finding(TestDrumbeat.TEAM, Finding.Subject.service(id), Reason.STALE, "never checked in");
        apply(warehouseStale);
        awaitDrained();
        t.slack.refuseNext("chat.postMessage", "C0DATA", "not_in_channel");
        t.clock.advance(THRESHOLDS.toLevel2());

        apply(warehouseStale);

        Await.until("leadership told", () -> posts("C0LEADERS").stream()
                .anyMatch(c -> String.valueOf(c.args().get("text")).contains("can't post escalations in <#C0DATA>")));
        assertThat(posts("C0LEADERS")).filteredOn(c -> String.valueOf(c.args().get("text")).contains("can't post"))
                .singleElement().satisfies(c -> assertThat(String.valueOf(c.args().get("text")))
                        .contains("Invite me there (`/invite @Drumbeat`)"));
    }
}
