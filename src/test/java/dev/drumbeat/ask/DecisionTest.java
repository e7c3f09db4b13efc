package dev.drumbeat.ask;

import static dev.drumbeat.ask.AskFixture.ALICE;
import static dev.drumbeat.ask.AskFixture.BOB;
import static dev.drumbeat.ask.AskFixture.LEAD;
import static dev.drumbeat.ask.AskFixture.ask;
import static dev.drumbeat.ask.AskFixture.buttonValue;
import static dev.drumbeat.ask.AskFixture.clickPrivate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.Await;
import dev.drumbeat.support.TestDrumbeat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Record decision, `/drumbeat decisions` and undo: stored, applied to later answers, owners told, reversible. */
class DecisionTest extends AskFixture {
    private static String answerId() {
        return buttonValue(ask(LEAD, "what can we deprioritise to save 12k a month?"), AskViews.RECORD);
    }

    private static List<String> deprioritised() {
        return drumbeat.jdbi()
                .withHandle(
                        h -> h.createQuery("select key from services where deprioritised_by is not null order by key")
                                .mapTo(String.class)
                                .list());
    }

    @Test
    void leadership_records_a_decision_that_marks_the_picks_and_tells_their_owners() {
        assertThat(clickPrivate(LEAD, AskViews.RECORD, answerId())).isEqualTo(200);

        assertThat(drumbeat.openedViewText(LEAD))
                .contains("Recorded decision #", "2 items deprioritised, saving $14,000 a month");
        assertThat(deprioritised()).containsExactly("crm", "intranet");
        Map<String, Object> decision = drumbeat.jdbi()
                .withHandle(h -> h.createQuery(
                                "select decided_by, expected_saving, target_monthly, question from decisions")
                        .mapToMap()
                        .one());
        assertThat(decision)
                .containsEntry("decided_by", LEAD)
                .containsEntry("question", "what can we deprioritise to save 12k a month?");
        assertThat(decision.get("expected_saving").toString()).isEqualTo("14000.00");
        Await.until(
                "both owners told",
                () -> !drumbeat.posts(ALICE).isEmpty() && !drumbeat.posts(BOB).isEmpty());
        assertThat(String.valueOf(drumbeat.posts(BOB).get(0).args().get("text")))
                .contains("<@U0LEAD001> recorded decision #", "to deprioritise *CRM*, saving $10,000 a month");
        assertThat(String.valueOf(drumbeat.posts(ALICE).get(0).args().get("text")))
                .contains("*Intranet*");
        assertThat(drumbeat.count("audit_log where entity = 'decision'")).isEqualTo(1);
    }

    @Test
    void the_private_answer_loses_its_buttons_once_its_decision_is_recorded() {
        clickPrivate(LEAD, AskViews.RECORD, answerId());

        Await.until(
                "the private answer redrawn",
                () -> !drumbeat.calls("response_url").isEmpty());
        assertThat(drumbeat.calls("response_url")).singleElement().satisfies(redrawn -> {
            assertThat(redrawn.ok()).as(String.valueOf(redrawn.error())).isTrue();
            assertThat(redrawn.args()).containsEntry("replace_original", true);
            assertThat(String.valueOf(redrawn.args().get("blocks")))
                    .contains("Recorded as decision #" + decisionIdFromDb(), "*CRM* `crm`")
                    .doesNotContain(AskViews.RECORD, AskViews.SHARE);
        });
    }

    @Test
    void the_catalog_shows_what_is_deprioritised() {
        clickPrivate(LEAD, AskViews.RECORD, answerId());

        assertThat(drumbeat.command(ALICE, "status crm").text())
                .contains("Deprioritised by decision #" + decisionIdFromDb());
        assertThat(drumbeat.command(ALICE, "services deprioritised").text())
                .contains("2 services", "*CRM* `crm` · secondary" + " · deprioritised", "*Intranet*")
                .doesNotContain("*Payments API*");
        assertThat(drumbeat.command(ALICE, "status payments").text()).doesNotContain("Deprioritised");
        assertThat(ask(ALICE, "what costs the most").text())
                .contains("margin −$8,000 · <@U0BOB0001> · deprioritised\n", "margin +$20,000 · <@U0ALICE01>\n4.");
    }

    @Test
    void later_answers_leave_deprioritised_services_out() {
        clickPrivate(LEAD, AskViews.RECORD, answerId());

        String next = ask(LEAD, "what can we deprioritise to save 12k a month?").text();

        assertThat(next)
                .doesNotContain("*CRM* `crm`", "*Intranet* `intranet`")
                .contains("Nothing Drumbeat may cut reaches $12,000 a month", "*Payments API* `payments`");
    }

    @Test
    void two_people_recording_the_same_answer_at_once_record_it_once() throws Exception {
        String answer = answerId();
        drumbeat.jdbi().useHandle(h -> h.execute("update people set role = 'admin' where user_id = ?", ALICE));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> lena = pool.submit(() -> clickPrivate(LEAD, AskViews.RECORD, answer));
            Future<Integer> alice = pool.submit(() -> clickPrivate(ALICE, AskViews.RECORD, answer));
            assertThat(List.of(lena.get(), alice.get())).containsOnly(200);
        } finally {
            pool.shutdown();
        }

        assertThat(drumbeat.count("decisions")).isEqualTo(1);
        assertThat(drumbeat.count("decision_items")).isEqualTo(2);
        assertThat(drumbeat.openedViewText(LEAD) + drumbeat.openedViewText(ALICE))
                .contains("Recorded decision #", "already recorded");
    }

    @Test
    void members_may_not_record_and_nothing_changes() {
        clickPrivate(ALICE, AskViews.RECORD, answerId());

        assertThat(drumbeat.openedViewText(ALICE)).contains("Only leadership and admins can record a decision");
        assertThat(deprioritised()).isEmpty();
        assertThat(drumbeat.count("decisions")).isZero();
    }

    @Test
    void the_same_answer_is_recorded_once_and_a_stale_answer_not_at_all() {
        String first = answerId();
        String second = answerId();
        clickPrivate(LEAD, AskViews.RECORD, first);

        clickPrivate(LEAD, AskViews.RECORD, first);
        assertThat(drumbeat.openedViewText(LEAD)).contains("already recorded as decision #");

        clickPrivate(LEAD, AskViews.RECORD, second);
        assertThat(drumbeat.openedViewText(LEAD))
                .contains("*Intranet* was deprioritised by decision #", "Ask again for a fresh answer");
        assertThat(drumbeat.count("decisions")).isEqualTo(1);
    }

    @Test
    void an_answer_whose_picks_were_protected_repriced_or_retiered_since_is_not_recorded() {
        String protectedSince = answerId();
        drumbeat.jdbi().useHandle(h -> h.execute("update services set is_protected = true where key = 'crm'"));
        clickPrivate(LEAD, AskViews.RECORD, protectedSince);
        assertThat(drumbeat.openedViewText(LEAD)).contains("*CRM* was protected since this answer was given");
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update services set is_protected = false, unit_cost = 3 where key = 'crm'"));

        clickPrivate(LEAD, AskViews.RECORD, protectedSince);
        assertThat(drumbeat.openedViewText(LEAD)).contains("what *CRM* costs changed since this answer was given");

        drumbeat.jdbi()
                .useHandle(h -> h.execute("update services set unit_cost = 2, tier = 'strategic' where key = 'crm'"));
        clickPrivate(LEAD, AskViews.RECORD, protectedSince);
        assertThat(drumbeat.openedViewText(LEAD)).contains("*CRM* moved to the strategic tier");
        assertThat(deprioritised()).isEmpty();
    }

    @Test
    void the_owner_told_is_the_owner_when_the_decision_is_recorded() {
        String answer = answerId();
        drumbeat.jdbi().useHandle(h -> h.execute("update services set owner_id = ? where key = 'crm'", ALICE));

        clickPrivate(LEAD, AskViews.RECORD, answer);

        Await.until("the new owner told", () -> !drumbeat.posts(ALICE).isEmpty());
        assertThat(String.valueOf(drumbeat.posts(ALICE).get(0).args().get("text")))
                .contains("*CRM* and *Intranet*");
        assertThat(drumbeat.posts(BOB)).isEmpty();
        assertThat(drumbeat.openedViewText(LEAD)).contains("Their owner was told by direct message.");
    }

    @Test
    void decisions_lists_them_newest_first_and_undo_restores_and_tells_the_owners() {
        clickPrivate(LEAD, AskViews.RECORD, answerId());
        assertThat(drumbeat.command(ALICE, "decisions").text())
                .as("a member sees the list without a button they cannot use")
                .contains("Deprioritised: CRM, Intranet")
                .doesNotContain("Undo");
        var listing = drumbeat.command(LEAD, "decisions");
        assertThat(listing.text())
                .contains(
                        "newest first: 1 of 1",
                        "saves *$14,000 a month* (target $12,000)",
                        "Deprioritised: CRM, Intranet",
                        "what can we deprioritise to save 12k a month?",
                        "Undo");
        String decisionId = buttonValue(listing, AskViews.UNDO + ":" + decisionIdFromDb());

        clickPrivate(BOB, AskViews.UNDO + ":" + decisionId, decisionId);
        assertThat(drumbeat.openedViewText(BOB)).contains("Only leadership and admins can undo a decision");
        assertThat(deprioritised()).hasSize(2);

        clickPrivate(LEAD, AskViews.UNDO + ":" + decisionId, decisionId);
        assertThat(drumbeat.openedViewText(LEAD))
                .contains("Undid decision #" + decisionId, "2 items no longer deprioritised");
        assertThat(deprioritised()).isEmpty();
        Await.until("the owner told of the undo", () -> drumbeat.posts(BOB).size() == 2);
        assertThat(String.valueOf(drumbeat.posts(BOB).get(1).args().get("text")))
                .contains("<@U0LEAD001> undid decision #" + decisionId + ": *CRM* is no longer deprioritised.");
        assertThat(drumbeat.command(ALICE, "decisions").text())
                .contains("Undone by <@U0LEAD001>")
                .doesNotContain("Undo\n");

        assertThat(drumbeat.command(LEAD, "decisions undo " + decisionId).text())
                .contains("was already undone");
    }

    @Test
    void older_decisions_are_a_page_away() {
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into decisions (team_id, question, target_monthly, expected_saving, decided_by, decided_at)
                select ?, 'question number ' || n, 1000, 1000 + n, ?, timestamptz '2026-01-01 00:00:00+00' + n * interval '1 day'
                  from generate_series(1, 17) n""", TestDrumbeat.TEAM, LEAD));

        var first = drumbeat.command(ALICE, "decisions");
        assertThat(first.text())
                .contains(
                        "newest first: 1–15 of 17",
                        "question number 17",
                        "question number 3",
                        "`/drumbeat decisions page 2` shows older ones")
                .doesNotContain("question number 2”");
        assertThat(drumbeat.command(ALICE, "decisions page 2").text())
                .contains("16–17 of 17", "question number 2", "question number 1")
                .doesNotContain("page 3");
        assertThat(drumbeat.command(ALICE, "decisions page 9").text()).contains("There are 17 decisions, so no page 9");
    }

    @Test
    void decisions_command_explains_itself() {
        assertThat(drumbeat.command(LEAD, "decisions").text()).contains("No decisions recorded yet");
        assertThat(drumbeat.command(LEAD, "decisions drop 3").text()).contains("`/drumbeat decisions undo 12`");
        assertThat(drumbeat.command(LEAD, "decisions undo 999").text()).contains("There is no decision #999");
    }

    private static long decisionIdFromDb() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select max(id) from decisions")
                        .mapTo(Long.class)
                        .one());
    }
}
