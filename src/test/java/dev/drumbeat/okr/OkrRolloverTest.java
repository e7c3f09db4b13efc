package dev.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.Interactions;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The turn of the quarter: owners are asked once to roll over or close what is still open, and the buttons do it. */
class OkrRolloverTest {
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static TestDrumbeat t;
    static OkrRollover rollover;

    @BeforeAll
    static void start() {
        t = TestDrumbeat.start();
        new Seed(t.jdbi(), TestDrumbeat.TEAM).person(ALICE, "alice", "member").person(BOB, "bob", "member");
        rollover = new OkrRollover(t.jdbi(), new Outbox(t.clock), new AuditLog(t.clock), t.clock);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @BeforeEach
    void reset() {
        t.jdbi().useHandle(h -> h.execute("truncate objectives, services, slack_outbox, audit_log cascade"));
        t.jdbi().useHandle(h -> h.execute("select setval('objectives_id_seq', 1000)"));
        new Seed(t.jdbi(), TestDrumbeat.TEAM).service("payments", "Payments API", "core", ALICE, "1", "1", "1")
                .kpi("payments", "uptime", "Uptime", "%", "99.9", "up", "99.7");
        t.slack.clear();
        t.clock.set(Instant.parse("2026-12-20T12:00:00Z"));
        t.jdbi().useHandle(h -> {
            h.execute("insert into objectives (id, team_id, quarter, title, owner_id, created_at) values"
                    + " (101, ?, '2026-Q4', 'Reliable payments', ?, now()), (102, ?, '2026-Q4', 'Tidy the estate', ?, now()),"
                    + " (103, ?, '2026-Q4', 'Nobody''s', null, now()), (104, ?, '2027-Q1', 'Already next quarter', ?, now())",
                    TestDrumbeat.TEAM, ALICE, TestDrumbeat.TEAM, ALICE, TestDrumbeat.TEAM, TestDrumbeat.TEAM, ALICE);
            h.execute("""
                    insert into key_results (team_id, objective_id, title, kind, kpi_id, baseline, target, done, created_at)
                    select ?, 101, 'Uptime to 99.9%', 'measured', k.id, 99.5, 99.9, false, now() from kpis k
                    union all select ?, 101, 'Retire the old gateway', 'milestone', null, null, null, false, now()
                    union all select ?, 101, 'Write the runbook', 'milestone', null, null, null, true, now()""",
                    TestDrumbeat.TEAM, TestDrumbeat.TEAM, TestDrumbeat.TEAM);
        });
        t.clock.set(Instant.parse("2027-01-04T09:00:00Z"));
    }

    private static String click(String userId, String action, long objective) throws Exception {
        t.driver.interaction(Interactions.blockAction(TestDrumbeat.TEAM, userId, t.slack.registerTrigger(userId), action,
                Long.toString(objective)));
        return new SlackReply(200, new ObjectMapper().readTree(t.slack.lastOpenedView(userId).orElseThrow())).text();
    }

    private static Map<String, Object> objective(long id) {
        return objectives().stream().filter(o -> Long.valueOf(id).equals(o.get("id"))).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> objectives() {
        return t.jdbi().withHandle(h -> h.createQuery("select id, quarter, title, status, rolled_from from objectives order by id")
                .mapToMap().list());
    }

    @Test
    void owners_of_objectives_left_open_are_asked_once() {
        assertThat(rollover.askOwners()).as("101 and 102; 103 has no owner, 104 is this quarter's").isEqualTo(2);
        assertThat(rollover.askOwners()).as("a second run asks nothing").isZero();

        Await.until("both questions sent", () -> t.slack.calls("chat.postMessage").size() == 2);
        assertThat(String.valueOf(t.slack.calls("chat.postMessage").get(0).args().get("text")))
                .contains("2026-Q4 is over", "*Reliable payments* (O101) is still open", "roll it over into 2027-Q1");
    }

    @Test
    void rolling_over_copies_the_objective_and_its_open_key_results_into_the_quarter_under_way() throws Exception {
        assertThat(click(ALICE, OkrRolloverViews.ROLL_OVER, 101)).contains("*Reliable payments* is O", "in 2027-Q1");

        Map<String, Object> rolled = objectives().stream().filter(o -> Long.valueOf(101).equals(o.get("rolled_from")))
                .findFirst().orElseThrow();
        assertThat(rolled).containsEntry("quarter", "2027-Q1").containsEntry("status", "open");
        assertThat(objective(101)).containsEntry("status", "rolled_over");
        List<String> copied = t.jdbi().withHandle(h -> h.createQuery("select title || ' from ' || coalesce(cast(baseline as text), '-')"
                + " from key_results where objective_id = :id order by id").bind("id", rolled.get("id")).mapTo(String.class).list());
        assertThat(copied).containsExactly("Uptime to 99.9% from 99.7000", "Retire the old gateway from -");

        assertThat(click(ALICE, OkrRolloverViews.ROLL_OVER, 101)).contains("is already rolled over");
        assertThat(objectives()).hasSize(5);
    }

    @Test
    void the_question_loses_its_buttons_and_says_what_became_of_the_objective() throws Exception {
        rollover.askOwners();
        Await.until("both questions sent", () -> t.slack.calls("chat.postMessage").size() == 2);

        click(ALICE, OkrRolloverViews.CLOSE, 102);

        Await.until("the question edited", () -> t.slack.calls("chat.update").size() == 1);
        String edited = String.valueOf(t.slack.calls("chat.update").get(0).args());
        assertThat(edited).contains("*Tidy the estate* (O102) was closed by <@" + ALICE + ">").doesNotContain(OkrRolloverViews.CLOSE);
        assertThat(t.slack.calls("chat.update").get(0).ok()).isTrue();
    }

    @Test
    void an_objective_closed_without_being_asked_edits_nothing() throws Exception {
        click(ALICE, OkrRolloverViews.CLOSE, 102);

        assertThat(objective(102)).containsEntry("status", "closed");
        int queued = t.jdbi().withHandle(h -> h.createQuery("select count(*) from slack_outbox where method = 'chat.update'")
                .mapTo(Integer.class).one());
        assertThat(queued).isZero();
    }

    @Test
    void closing_ends_it_and_only_its_owner_leadership_or_admins_may() throws Exception {
        assertThat(click(BOB, OkrRolloverViews.CLOSE, 102)).contains("Only the objective's owner");
        assertThat(objective(102)).containsEntry("status", "open");

        assertThat(click(ALICE, OkrRolloverViews.CLOSE, 102)).contains("O102 is closed");
        assertThat(objective(102)).containsEntry("status", "closed");
        assertThat(rollover.askOwners()).as("closed and rolled objectives are not asked about").isEqualTo(1);
    }
}
