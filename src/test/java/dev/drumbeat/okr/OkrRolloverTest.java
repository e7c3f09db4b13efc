package dev.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.TestDrumbeat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The turn of the quarter: owners are asked once to roll over or close what is still open, and the buttons do it. */
class OkrRolloverTest {
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    OkrRollover rollover;

    @BeforeEach
    void seed() {
        rollover = new OkrRollover(
                drumbeat.jdbi(), new Outbox(drumbeat.clock()), new AuditLog(drumbeat.clock()), drumbeat.clock());
        drumbeat.execute("select setval('objectives_id_seq', 1000)");
        drumbeat.seed()
                .person(ALICE, "alice", "member")
                .person(BOB, "bob", "member")
                .service("payments", "Payments API", "core", ALICE, "1", "1", "1")
                .kpi("payments", "uptime", "Uptime", "%", "99.9", "up", "99.7");
        drumbeat.clock().set(Instant.parse("2026-12-20T12:00:00Z"));
        drumbeat.jdbi().useHandle(h -> {
            h.execute(
                    "insert into objectives (id, team_id, quarter, title, owner_id, created_at) values"
                            + " (101, ?, '2026-Q4', 'Reliable payments', ?, now()), (102, ?, '2026-Q4', 'Tidy the estate', ?, now()),"
                            + " (103, ?, '2026-Q4', 'Nobody''s', null, now()), (104, ?, '2027-Q1', 'Already next quarter', ?, now())",
                    TestDrumbeat.TEAM,
                    ALICE,
                    TestDrumbeat.TEAM,
                    ALICE,
                    TestDrumbeat.TEAM,
                    TestDrumbeat.TEAM,
                    ALICE);
            h.execute("""
                    insert into key_results (team_id, objective_id, title, kind, kpi_id, baseline, target, done, created_at)
                    select ?, 101, 'Uptime to 99.9%', 'measured', k.id, 99.5, 99.9, false, now() from kpis k
                    union all select ?, 101, 'Retire the old gateway', 'milestone', null, null, null, false, now()
                    union all select ?, 101, 'Write the runbook', 'milestone', null, null, null, true, now()""", TestDrumbeat.TEAM, TestDrumbeat.TEAM, TestDrumbeat.TEAM);
        });
        drumbeat.clock().set(Instant.parse("2027-01-04T09:00:00Z"));
    }

    @Test
    void the_readme_names_the_buttons_as_the_question_shows_them() throws Exception {
        String question = new ObjectMapper()
                .writeValueAsString(OkrRolloverViews.question(
                        new OkrDao.Due(101, TestDrumbeat.TEAM, "2026-Q4", "Reliable payments", ALICE), "2027-Q1"));
        String readme = Files.readString(Path.of("README.md"));

        assertThat(question).contains("\"Roll over into 2027-Q1\"", "\"Close it\"");
        assertThat(readme).contains("**Roll over into** the new quarter", "**Close it**");
    }

    /** The button {@code action} about the objective clicked by the user; what the modal it answered with says. */
    private static String click(String userId, String action, long objective) {
        drumbeat.click(userId, action, Long.toString(objective));
        return drumbeat.openedViewText(userId);
    }

    private static Map<String, Object> objective(long id) {
        return objectives().stream()
                .filter(o -> Long.valueOf(id).equals(o.get("id")))
                .findFirst()
                .orElseThrow();
    }

    private static List<Map<String, Object>> objectives() {
        return drumbeat.jdbi()
                .withHandle(
                        h -> h.createQuery("select id, quarter, title, status, rolled_from from objectives order by id")
                                .mapToMap()
                                .list());
    }

    @Test
    void owners_of_objectives_left_open_are_asked_once() {
        assertThat(rollover.askOwners())
                .as("101 and 102; 103 has no owner, 104 is this quarter's")
                .isEqualTo(2);
        assertThat(rollover.askOwners()).as("a second run asks nothing").isZero();

        Await.until(
                "both questions sent", () -> drumbeat.calls("chat.postMessage").size() == 2);
        assertThat(String.valueOf(
                        drumbeat.calls("chat.postMessage").get(0).args().get("text")))
                .contains("2026-Q4 is over", "*Reliable payments* (O101) is still open", "roll it over into 2027-Q1");
    }

    @Test
    void rolling_over_copies_the_objective_and_its_open_key_results_into_the_quarter_under_way() throws Exception {
        assertThat(click(ALICE, OkrRolloverViews.ROLL_OVER, 101)).contains("*Reliable payments* is O", "in 2027-Q1");

        Map<String, Object> rolled = objectives().stream()
                .filter(o -> Long.valueOf(101).equals(o.get("rolled_from")))
                .findFirst()
                .orElseThrow();
        assertThat(rolled).containsEntry("quarter", "2027-Q1").containsEntry("status", "open");
        assertThat(objective(101)).containsEntry("status", "rolled_over");
        List<String> copied = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select title || ' from ' || coalesce(cast(baseline as text), '-')"
                                + " from key_results where objective_id = :id order by id")
                        .bind("id", rolled.get("id"))
                        .mapTo(String.class)
                        .list());
        assertThat(copied).containsExactly("Uptime to 99.9% from 99.7000", "Retire the old gateway from -");

        assertThat(click(ALICE, OkrRolloverViews.ROLL_OVER, 101)).contains("is already rolled over");
        assertThat(objectives()).hasSize(5);
    }

    @Test
    void the_question_loses_its_buttons_and_says_what_became_of_the_objective() throws Exception {
        rollover.askOwners();
        Await.until(
                "both questions sent", () -> drumbeat.calls("chat.postMessage").size() == 2);

        click(ALICE, OkrRolloverViews.CLOSE, 102);

        Await.until("the question edited", () -> drumbeat.calls("chat.update").size() == 1);
        String edited = String.valueOf(drumbeat.calls("chat.update").get(0).args());
        assertThat(edited)
                .contains("*Tidy the estate* (O102) was closed by <@" + ALICE + ">")
                .doesNotContain(OkrRolloverViews.CLOSE);
        assertThat(drumbeat.calls("chat.update").get(0).ok()).isTrue();
    }

    @Test
    void an_objective_closed_without_being_asked_edits_nothing() throws Exception {
        click(ALICE, OkrRolloverViews.CLOSE, 102);

        assertThat(objective(102)).containsEntry("status", "closed");
        int queued = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from slack_outbox where method = 'chat.update'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(queued).isZero();
    }

    @Test
    void closing_ends_it_and_only_its_owner_leadership_or_admins_may() throws Exception {
        assertThat(click(BOB, OkrRolloverViews.CLOSE, 102)).contains("Only the objective's owner");
        assertThat(objective(102)).containsEntry("status", "open");

        assertThat(click(ALICE, OkrRolloverViews.CLOSE, 102)).contains("O102 is closed");
        assertThat(objective(102)).containsEntry("status", "closed");
        assertThat(rollover.askOwners())
                .as("closed and rolled objectives are not asked about")
                .isEqualTo(1);
    }
}
