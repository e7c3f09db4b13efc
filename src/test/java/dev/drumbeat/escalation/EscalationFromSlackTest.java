package dev.drumbeat.escalation;

import static dev.drumbeat.escalation.LadderFixture.DAVE;
import static dev.drumbeat.escalation.LadderFixture.ERIN;
import static dev.drumbeat.escalation.LadderFixture.THRESHOLDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackPayloads;
import dev.drumbeat.support.TestDrumbeat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Slack tells the running Drumbeat changes escalations at once: a person deactivated in Slack leaves their
 * service ownerless and leadership is told, and a team channel that refuses the bot is reported to leadership, by the
 * outbox sender Drumbeat runs.
 */
class EscalationFromSlackTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    Seed seed;
    EscalationService ladder;

    @BeforeEach
    void seed() {
        seed = LadderFixture.seed(drumbeat);
        ladder = LadderFixture.ladder(drumbeat);
    }

    private void apply(Finding... findings) {
        LadderFixture.apply(drumbeat, ladder, findings);
    }

    private void awaitDrained() {
        Await.until("outbox drained", () -> seed.count("slack_outbox where state <> 'sent'") == 0);
    }

    @Test
    void a_person_deactivated_in_slack_makes_their_service_ownerless_at_once_without_waiting_for_the_schedule() {
        seed.service("ledger", "Core Ledger", "strategic", DAVE, "1", "1", "1");

        assertThat(drumbeat.event(
                                "Ev0LADDER1",
                                SlackPayloads.userChange(
                                        SlackPayloads.slackUser(TestDrumbeat.TEAM, DAVE, "u0dave001", true)))
                        .statusCode())
                .isEqualTo(200);

        Await.until(
                "an ownerless escalation",
                () -> seed.count(
                                "escalations e join services s on s.id = e.subject_id where s.key = 'ledger' and e.reason = 'ownerless'"
                                        + " and e.level = 3 and e.closed_at is null")
                        == 1);
        Await.until(
                "posted to leadership",
                () -> drumbeat.messages("C0LEADERS").stream()
                        .anyMatch(m -> m.text().contains("Core Ledger")
                                && m.blocks().toString().contains("Take ownership")));
    }

    @Test
    void a_team_channel_that_refuses_the_bot_is_reported_to_leadership_once() {
        seed.service("warehouse", "Data Warehouse", "core", DAVE, "1", "1", "1").deputy("warehouse", ERIN);
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update services set team_channel = 'C0DATA' where key = 'warehouse'"));
        long id = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from services where key = 'warehouse'")
                        .mapTo(Long.class)
                        .one());
        Finding warehouseStale =
                new Finding(TestDrumbeat.TEAM, Finding.Subject.service(id), Reason.STALE, "never checked in");
        apply(warehouseStale);
        awaitDrained();
        drumbeat.slack().refuseNext("chat.postMessage", "C0DATA", "not_in_channel");
        drumbeat.clock().advance(THRESHOLDS.toLevel2());

        apply(warehouseStale);

        Await.until(
                "leadership told",
                () -> drumbeat.posts("C0LEADERS").stream()
                        .anyMatch(c ->
                                String.valueOf(c.args().get("text")).contains("can't post escalations in <#C0DATA>")));
        assertThat(drumbeat.posts("C0LEADERS"))
                .filteredOn(c -> String.valueOf(c.args().get("text")).contains("can't post"))
                .singleElement()
                .satisfies(c -> assertThat(String.valueOf(c.args().get("text")))
                        .contains("Invite me there (`/invite @Drumbeat`)"));
    }
}
