package dev.drumbeat.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.standin.BlockKitLimits;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/drumbeat escalations` and `/drumbeat stale`: what is open, oldest first, with its age, within Block Kit's limits. */
class EscalationCommandsTest {
    static final String ALICE = "U0ALICE01";
    static final Instant NOW = Instant.parse("2027-03-31T12:00:00Z");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @BeforeEach
    void seed() {
        drumbeat.clock().set(NOW);
        drumbeat.seed()
                .person(ALICE, "alice", "member")
                .service("payments", "Payments API", "core", ALICE, "1", "1", "1")
                .service("ledger", "Core Ledger", "strategic", ALICE, "1", "1", "1")
                .service("crm", "CRM", "core", null, "1", "1", "1");
    }

    private static void open(String serviceKey, String reason, int level, String openedAt, String detail) {
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into escalations (team_id, subject_kind, subject_id, reason, detail, level, opened_at, level_changed_at)
                select team_id, 'service', id, ?, ?, ?, cast(? as timestamptz), cast(? as timestamptz)
                  from services where key = ?""", reason, detail, level, openedAt, openedAt, serviceKey));
    }

    private static SlackReply command(String text) {
        return drumbeat.command(drumbeat.user(ALICE, "alice"), text);
    }

    @Test
    void escalations_lists_everything_open_oldest_first_with_age_level_and_reason() {
        open("payments", "stale", 2, "2027-03-28T12:00:00Z", "no check-in since the week of 15 Mar");
        open("crm", "ownerless", 3, "2027-03-10T09:00:00Z", "no owner");
        open("ledger", "red_streak", 1, "2027-03-31T07:00:00Z", "red for 2 weeks");

        SlackReply reply = command("escalations");

        assertThat(reply.responseType()).isEqualTo("ephemeral");
        String text = reply.text();
        assertThat(text).contains("Escalations: 3 open, oldest first");
        assertThat(text)
                .containsSubsequence(
                        "*3 weeks* · level 3 · no owner · *CRM*",
                        "*3 days* · level 2 · no check-in · *Payments API* `payments` — no check-in since the week of 15 Mar",
                        "*5 hours* · level 1 · red week after week · *Core Ledger*");
    }

    @Test
    void stale_lists_only_services_waiting_for_a_check_in_oldest_first() {
        open("payments", "stale", 1, "2027-03-30T12:00:00Z", "never checked in");
        open("ledger", "stale", 2, "2027-03-16T12:00:00Z", "no check-in since the week of 8 Mar");
        open("crm", "ownerless", 3, "2027-03-01T09:00:00Z", "no owner");

        String text = command("stale").text();

        assertThat(text).contains("Stale services: 2 open").doesNotContain("CRM");
        assertThat(text)
                .containsSubsequence(
                        "*2 weeks* · level 2 · no check-in · *Core Ledger*",
                        "*1 day* · level 1 · no check-in · *Payments API*");
    }

    @Test
    void nothing_open_is_said_plainly() {
        assertThat(command("stale").text()).contains("Nothing is stale");
        assertThat(command("escalations").text()).contains("Nothing is escalated");
    }

    @Test
    void a_long_list_is_capped_within_block_kit_limits_with_how_many_more() throws Exception {
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into services (team_id, key, name, tier)
                select ?, 'svc-' || n, 'Service number ' || n || ' with a long descriptive name for the list', 'core'
                  from generate_series(1, 200) n""", TestDrumbeat.TEAM));
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into escalations (team_id, subject_kind, subject_id, reason, detail, level, opened_at, level_changed_at)
                select team_id, 'service', id, 'stale', repeat('no check-in since a long while ', 8), 1,
                       timestamptz '2027-03-01 00:00:00+00' + id * interval '1 minute', timestamptz '2027-03-01 00:00:00+00'
                  from services where key like 'svc-%'"""));

        SlackReply reply = command("stale");

        assertThat(reply.text()).contains("Stale services: 200 open", "…and 140 more.");
        Object message = new ObjectMapper().convertValue(reply.json(), Map.class);
        assertThat(BlockKitLimits.checkMessage(((Map<?, ?>) message).get("blocks")))
                .as("what Slack would refuse")
                .isEmpty();
    }
}
