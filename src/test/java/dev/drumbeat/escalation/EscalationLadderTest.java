package dev.drumbeat.escalation;

import static dev.drumbeat.escalation.LadderFixture.ALICE;
import static dev.drumbeat.escalation.LadderFixture.BOB;
import static dev.drumbeat.escalation.LadderFixture.DAVE;
import static dev.drumbeat.escalation.LadderFixture.ERIN;
import static dev.drumbeat.escalation.LadderFixture.THRESHOLDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.sandbox.standin.SlackStandInMessage;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ladder end to end: escalations applied to the database, their messages sent through the outbox sender to the
 * Slack stand-in, updated in place as they climb and close; and people Slack no longer knows, found by the daily
 * owner check, making their services ownerless at once. The outbox is drained by hand, so no test waits on Slack's
 * one message a second; what the running Drumbeat does with what Slack tells it is {@link EscalationFromSlackTest}.
 */
class EscalationLadderTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    Seed seed;
    EscalationService ladder;

    @BeforeEach
    void seed() {
        seed = LadderFixture.seed(drumbeat);
        ladder = LadderFixture.ladder(drumbeat);
    }

    private Finding stale() {
        long id = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from services where key = 'payments'")
                        .mapTo(Long.class)
                        .one());
        return new Finding(TestDrumbeat.TEAM, Finding.Subject.service(id), Reason.STALE, "never checked in");
    }

    private void apply(Finding... findings) {
        LadderFixture.apply(drumbeat, ladder, findings);
    }

    private long escalationId() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from escalations order by id limit 1")
                        .mapTo(Long.class)
                        .one());
    }

    /** The channel and ts Slack gave the post queued under {@code key}; it must have been sent. */
    private Map<String, Object> sent(String key) {
        assertThat(seed.count("slack_outbox where state = 'sent' and dedupe_key = '" + key + "'"))
                .as("sent %s: %s", key, outboxState())
                .isEqualTo(1);
        return drumbeat.jdbi()
                .withHandle(
                        h -> h.createQuery("select result_channel, result_ts from slack_outbox where dedupe_key = :k")
                                .bind("k", key)
                                .mapToMap()
                                .one());
    }

    private SlackStandInMessage message(Map<String, Object> post) {
        return drumbeat.messages((String) post.get("result_channel")).stream()
                .filter(m -> m.ts().equals(post.get("result_ts")))
                .findFirst()
                .orElseThrow();
    }

    /** Sends everything queued, and fails unless all of it went. */
    private void drain() {
        drumbeat.drainOutbox();
        assertThat(seed.count("slack_outbox where state <> 'sent'"))
                .as("outbox drained: %s", outboxState())
                .isZero();
    }

    @Test
    void climbing_updates_the_first_message_in_place_and_posts_once_to_the_new_places() {
        apply(stale());
        long id = escalationId();
        drain();
        Map<String, Object> dm = sent("esc:" + id + ":" + ALICE);
        drumbeat.clock().advance(THRESHOLDS.toLevel2());

        apply(stale());
        apply(stale());
        drain();

        List<SlackStandInCall> updates = drumbeat.calls("chat.update");
        assertThat(updates).singleElement().satisfies(update -> {
            assertThat(update.ok()).isTrue();
            assertThat(update.args())
                    .containsEntry("ts", dm.get("result_ts"))
                    .containsEntry("channel", dm.get("result_channel"));
        });
        assertThat(message(dm).edited()).isTrue();
        assertThat(message(dm).text()).contains("level 2");
        assertThat(drumbeat.posts("C0PAYMENTS")).hasSize(1);
        assertThat(drumbeat.posts(BOB)).hasSize(1);
        assertThat(drumbeat.posts(ALICE)).hasSize(1);
    }

    @Test
    void several_escalations_for_one_person_arrive_as_one_message_with_each_in_its_thread() {
        Finding stale = stale();
        apply(
                stale,
                new Finding(TestDrumbeat.TEAM, stale.subject(), Reason.RED_STREAK, "red for 2 weeks"),
                new Finding(TestDrumbeat.TEAM, stale.subject(), Reason.KPI_OFF_TARGET, "Availability off target"));
        drain();

        List<SlackStandInCall> toAlice = new ArrayList<>(drumbeat.posts(ALICE));
        toAlice.addAll(drumbeat.posts(dmOf(ALICE))); // thread replies name the DM channel Slack answered with
        assertThat(toAlice).hasSize(4);
        assertThat(toAlice.stream().filter(c -> c.args().get("thread_ts") == null))
                .singleElement()
                .satisfies(parent ->
                        assertThat(String.valueOf(parent.args().get("text"))).contains("3 escalations"));
        assertThat(drumbeat.messages(dmOf(ALICE)).stream().filter(m -> m.threadTs() == null))
                .hasSize(1);
        assertThat(drumbeat.messages(dmOf(ALICE)).stream().filter(m -> m.threadTs() != null))
                .hasSize(3);
    }

    private String dmOf(String userId) {
        return (String) sent(drumbeat.jdbi()
                        .withHandle(h -> h.createQuery(
                                        "select dedupe_key from slack_outbox where channel = :u order by id limit 1")
                                .bind("u", userId)
                                .mapTo(String.class)
                                .one()))
                .get("result_channel");
    }

    @Test
    void closing_updates_every_message_to_say_it_is_resolved() {
        apply(stale());
        long id = escalationId();
        drumbeat.clock().advance(THRESHOLDS.toLevel2());
        apply(stale());
        drain();
        List<Map<String, Object>> posted = List.of(
                sent("esc:" + id + ":" + ALICE), sent("esc:" + id + ":C0PAYMENTS"), sent("esc:" + id + ":" + BOB));

        apply();
        drain();

        for (Map<String, Object> post : posted) {
            assertThat(message(post).text()).startsWith("Resolved");
            assertThat(message(post).blocks().toString())
                    .contains("a check-in arrived")
                    .doesNotContain("esc-ack");
        }
    }

    @Test
    void the_daily_owner_check_marks_owners_slack_no_longer_knows_and_escalates_their_services() {
        seed.service("ledger", "Core Ledger", "strategic", DAVE, "1", "1", "1")
                .service("mail", "Email", "secondary", ERIN, "1", "1", "1");
        drumbeat.slack().addUser(ALICE, "alice", "Alice", "Europe/London", 0, false);
        drumbeat.slack().addUser(DAVE, "dave", "Dave", "Europe/London", 0, true);
        OwnerCheck check = new OwnerCheck(
                drumbeat.jdbi(),
                SlackApp.client(TestDrumbeat.config(drumbeat.slack().apiUrl())),
                TestDrumbeat.BOT_TOKEN,
                new PeopleService(drumbeat.jdbi(), Set.of()),
                ladder,
                Duration.ZERO);

        OwnerCheck.Result result = check.run();

        assertThat(result).isEqualTo(new OwnerCheck.Result(3, 2, true));
        assertThat(drumbeat.calls("users.info"))
                .hasSize(3)
                .allSatisfy(c -> assertThat(c.error()).isIn(null, "user_not_found"));
        assertThat(seed.count("people where deactivated")).isEqualTo(2);
        assertThat(seed.count("escalations where reason = 'ownerless' and level = 3"))
                .isEqualTo(2);
    }

    private String outboxState() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select dedupe_key || ' ' || state || ' ' || next_attempt_at || ' '"
                                + " || coalesce(last_error, '') from slack_outbox order by id")
                        .mapTo(String.class)
                        .list())
                .toString();
    }
}
