package dev.drumbeat.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.Await;
import dev.drumbeat.support.SlackReply;
import org.junit.jupiter.api.Test;

/**
 * `/drumbeat ask` with limits on the picks, what-if premises and words it could not place: each honoured, asked
 * back or said back in the answer, never dropped.
 */
class AskLimitsTest extends AskFixture {

    @Test
    void a_limit_to_one_owners_services_changes_the_picks_and_is_read_back() {
        assertThat(ask(LEAD, "what can we deprioritise to save 10k a month").text())
                .contains("*CRM* `crm`")
                .doesNotContain("*Payments API* `payments` ·");

        String limited = ask(LEAD, "what can we deprioritise to save 10k a month, only alice's services")
                .text();

        assertThat(limited)
                .contains(
                        "Read as: save $10,000 a month; only what Alice owns; strategic services left alone.",
                        "*Payments API* `payments`",
                        "because it is outside what the question limited the picks to: CRM")
                .doesNotContain("*CRM* `crm` ·");
    }

    @Test
    void an_owner_known_by_a_new_name_is_understood_at_once() {
        ask(LEAD, "what can we deprioritise to save 10k a month, only alice's services");
        drumbeat.execute("update people set real_name = 'Alice Moreau' where user_id = '" + ALICE + "'");

        assertThat(ask(LEAD, "what can we deprioritise to save 10k a month, only Alice Moreau's services")
                        .text())
                .contains("only what Alice Moreau owns", "*Payments API* `payments`");
    }

    @Test
    void a_limit_to_a_tier_leaves_the_other_tiers_alone() {
        String text = ask(LEAD, "what can we deprioritise to save 10k a month, core only")
                .text();

        assertThat(text)
                .contains("Read as: save $10,000 a month; only core services;", "*Payments API* `payments`")
                .doesNotContain("*CRM* `crm` ·", "*Intranet* `intranet` ·");
    }

    @Test
    void a_limit_to_initiatives_with_none_planned_says_there_is_nothing_to_pick() {
        String text = ask(LEAD, "what can we deprioritise to save 10k a month, only initiatives")
                .text();

        assertThat(text)
                .contains(
                        "Read as: save $10,000 a month; only initiatives;",
                        "There is nothing Drumbeat may deprioritise");
    }

    @Test
    void a_limit_to_a_team_is_refused_in_plain_words() {
        String text = ask(LEAD, "what can we deprioritise to save 10k a month, only the platform team's services")
                .text();

        assertThat(text).contains("not which team", "only Bruno's services").doesNotContain("*CRM* `crm` ·");
    }

    @Test
    void a_premise_counts_towards_the_target_and_is_recorded_with_the_picks() {
        SlackReply reply = ask(LEAD, "if we stop crm, what else can we cut to save 12k a month");

        assertThat(reply.text())
                .contains(
                        "Read as: save $12,000 a month; supposing `crm` stopped;",
                        "Supposing *CRM* is stopped, as the question does: that saves $10,000 a month, leaving $2,000"
                                + " a month to find.",
                        "*Intranet* `intranet`")
                .doesNotContain("*CRM* `crm` ·");

        clickPrivate(LEAD, AskViews.RECORD, buttonValue(reply, AskViews.RECORD));

        assertThat(drumbeat.count("decision_items i join services s on s.id = i.subject_id"
                        + " where i.subject_kind = 'service' and s.key in ('crm', 'intranet')"))
                .isEqualTo(2);
        assertThat(drumbeat.count("decisions where target_monthly = 12000 and expected_saving = 14000"))
                .isEqualTo(1);
    }

    @Test
    void a_premise_that_reaches_the_target_on_its_own_needs_nothing_else_and_can_be_recorded() {
        SlackReply reply = ask(LEAD, "assuming the core ledger is stopped, what can we cut to save 12k a month");

        assertThat(reply.text())
                .contains(
                        "Supposing *Core Ledger* is stopped, as the question does: that saves $50,000 a month, which"
                                + " reaches the target on its own",
                        "Nothing else to pick.",
                        "Record decision")
                .doesNotContain("*CRM* `crm` ·");
    }

    @Test
    void words_that_could_change_the_answer_are_asked_back_and_answered_once_confirmed() {
        SlackReply asked = ask(LEAD, "what can we deprioritise to save 12k a month, keep it cheap");

        assertThat(asked.text())
                .contains(
                        "I didn't understand \"keep it cheap\" in that question",
                        "I'd read the question as: save $12,000 a month; strategic services left alone.",
                        AskViews.AS_READ_LABEL)
                .doesNotContain("*CRM* `crm` ·", "Record decision", "Share in channel");

        clickPrivate(LEAD, AskViews.AS_READ, buttonValue(asked, AskViews.AS_READ));

        Await.until("the answer as read", () -> !drumbeat.calls("response_url").isEmpty());
        assertThat(drumbeat.calls("response_url")).singleElement().satisfies(answer -> {
            assertThat(answer.ok()).as(String.valueOf(answer.error())).isTrue();
            assertThat(String.valueOf(answer.args().get("blocks")))
                    .contains(
                            "Read as: save $12,000 a month; strategic services left alone; not used: \"keep it"
                                    + " cheap\".",
                            "*CRM* `crm`",
                            AskViews.RECORD);
        });
    }

    @Test
    void words_that_limit_nothing_are_said_back_with_the_answer() {
        String text = ask(LEAD, "what can we deprioritise to save 12k a month for the board pack")
                .text();

        assertThat(text)
                .contains("Read as: save $12,000 a month; strategic services left alone; not used: \"board pack\".")
                .contains("*CRM* `crm`");
    }

    @Test
    void words_said_back_never_ping_a_channel_or_break_the_markup() {
        String askedBack = ask(LEAD, "what can we deprioritise to save 12k a month, keep <!channel> *happy*")
                .json()
                .toString();
        String saidBack = ask(LEAD, "what can we deprioritise to save 12k a month for <!here> <@U0BOB0001>")
                .json()
                .toString();

        assertThat(askedBack)
                .contains("I didn't understand", "keep &lt; channel&gt; happy")
                .doesNotContain("<!channel>");
        assertThat(saidBack).doesNotContain("<!here>");
    }
}
