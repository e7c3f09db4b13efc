package dev.drumbeat.ask;

import static dev.drumbeat.ask.AskFixture.ALICE;
import static dev.drumbeat.ask.AskFixture.BOB;
import static dev.drumbeat.ask.AskFixture.LEAD;
import static dev.drumbeat.ask.AskFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.standin.BlockKitLimits;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `/drumbeat ask`: plain-word questions answered from the database, privately, with a way to share. */
class AskCommandTest extends AskFixture {
    @Test
    void deprioritising_picks_the_least_painful_set_that_reaches_the_target_and_says_why() {
        SlackReply reply = ask(LEAD, "what can we deprioritise to save 12k a month?");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.responseType()).isEqualTo("ephemeral");
        String text = reply.text();
        assertThat(text)
                .contains(
                        "What to deprioritise to save $12,000 a month",
                        "save *$14,000 a month*",
                        "$2,000 a month of value stops with them",
                        "margin improves by *$12,000 a month*");
        assertThat(text)
                .contains(
                        "*CRM* `crm` · secondary · saves *$10,000*/mo (plan) · value lost $2,000 · margin +$8,000 · <@U0BOB0001>",
                        "*Intranet* `intranet` · secondary · saves *$4,000*/mo (plan) · value lost $0.00 · margin +$4,000"
                                + " · <@U0ALICE01>");
        assertThat(text).doesNotContain("*Payments API* `payments`");
        assertThat(text)
                .contains(
                        "1 because it is protected: Reporting",
                        "1 because it is strategic (ask \"including strategic\" to consider it): Core Ledger");
        assertThat(text)
                .contains("*Next best*, keeping CRM: 2 picks saving $14,000 a month with $30,950 a month more"
                        + " impact: Intranet, Payments API");
        assertThat(text).contains("Share in channel", "Record decision");
        assertWithinLimits(reply);
    }

    @Test
    void a_member_gets_the_answer_without_a_record_decision_button_they_could_not_use() {
        SlackReply reply = ask(ALICE, "what can we deprioritise to save 12k a month?");

        assertThat(reply.text()).contains("What to deprioritise to save $12,000 a month", "Share in channel");
        assertThat(reply.json().toString()).doesNotContain(AskViews.RECORD);
    }

    @Test
    void a_target_out_of_reach_shows_the_most_that_can_be_saved() {
        String text = ask(LEAD, "what could we cut to save $1.2m a year").text();

        assertThat(text)
                .contains(
                        "$1,200,000 a year ($100,000 a month)",
                        "Nothing Drumbeat may cut reaches $100,000 a month",
                        "$76,000 short",
                        "These 3 picks save *$24,000 a month*");
    }

    @Test
    void a_weekly_target_is_priced_on_the_calendar_and_read_back_as_a_week() {
        String text = ask(LEAD, "what can we deprioritise to save 3k a week?").text();

        assertThat(text).contains("$3,000 a week ($13,000 a month)");
    }

    @Test
    void an_amount_in_another_currency_is_never_relabelled_as_the_workspaces() {
        String text =
                ask(LEAD, "what can we deprioritise to save €40k a quarter?").text();

        assertThat(text).contains("in USD", "no rate", "€").doesNotContain("$40,000");
        assertThat(ask(LEAD, "what can we deprioritise to save 40k euros a quarter?")
                        .text())
                .contains("in USD")
                .doesNotContain("$40,000");
        assertThat(ask(LEAD, "what can we deprioritise to save $36k a quarter?").text())
                .contains("$36,000 a quarter ($12,000 a month)");
    }

    @Test
    void every_answer_opens_with_how_the_question_was_read() {
        assertThat(ask(LEAD, "what can we deprioritise to save 3k a week, don't touch crm?")
                        .text())
                .contains("Read as: save $3,000 a week ($13,000 a month), leaving out `crm`; strategic services"
                        + " left alone.");
        assertThat(ask(LEAD, "what can we cut to save 2% of monthly cost, including strategic ones")
                        .text())
                .contains("Read as: save 2% of monthly cost; strategic services may be picked.");
        assertThat(ask(LEAD, "who owns crm?").text()).contains("Read as: who owns `crm`.");
        assertThat(ask(LEAD, "what is the unit cost of payments api?").text())
                .contains("Read as: the unit cost of `payments`.");
        assertThat(ask(LEAD, "what costs the most?").text()).contains("Read as: what costs the most.");
        assertThat(ask(LEAD, "what is stale?").text()).contains("Read as: which services are stale.");
        assertThat(ask(LEAD, "what's the weather like?").text()).doesNotContain("Read as:");
        assertThat(ask(LEAD, "who owns crm?").blocks().get(0).toString())
                .as("the reading is the answer's first block")
                .contains("Read as: who owns `crm`.");
    }

    @Test
    void a_saving_over_a_span_is_spread_over_it() {
        assertThat(ask(LEAD, "what can we deprioritise to save 60k over six months?")
                        .text())
                .contains("$60,000 over 6 months ($10,000 a month)");
    }

    @Test
    void a_deadline_is_read_as_the_days_it_leaves_by_the_clock() {
        drumbeat.clock().set(java.time.Instant.parse("2026-12-07T10:00:00Z"));

        assertThat(ask(LEAD, "what can we deprioritise to save 40k by the end of the year?")
                        .text())
                .contains("$40,000 by the end of the year (25 days left) ($48,667 a month)")
                .doesNotContain("$40,000 a month");
        assertThat(ask(LEAD, "what can we deprioritise to save 40k by the end of the financial year?")
                        .text())
                .contains("can't read a saving", "over 6 months");
    }

    @Test
    void the_question_can_spare_services_and_allow_strategic_ones() {
        drumbeat.jdbi().useHandle(h -> {
            h.execute(
                    "insert into objectives (team_id, quarter, title, owner_id, created_at)"
                            + " values (?, '2026-Q4', 'Reliable payments', ?, now())",
                    TestDrumbeat.TEAM,
                    ALICE);
            h.execute(
                    "insert into key_results (team_id, objective_id, title, kind, kpi_id, baseline, target, created_at)"
                            + " select o.team_id, o.id, 'Uptime to 99.99%', 'measured', k.id, 99.9, 99.99, now()"
                            + " from objectives o, kpis k where k.key = 'uptime'");
        });
        String spared = ask(LEAD, "what can we deprioritize to save 12k a month without touching crm")
                .text();
        assertThat(spared)
                .contains(
                        "*Payments API* `payments`",
                        "*Intranet* `intranet`",
                        "KPIs on target: Uptime · would hurt key results: Uptime to 99.99%",
                        "1 because the question said not to touch it: CRM")
                .doesNotContain("*CRM* `crm`");

        String strategic = ask(LEAD, "what can we deprioritise to save 45k a month including strategic")
                .text();
        assertThat(strategic).contains("*Core Ledger* `ledger` · strategic");
    }

    @Test
    void a_long_answer_is_capped_within_block_kit_limits_with_what_was_left_out_counted() {
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into services (team_id, key, name, tier, owner_id, unit_cost, monthly_demand, monthly_value)
                select ?, 'svc-' || n, 'Service number ' || n || ' with a rather long descriptive name for the answer',
                       'secondary', ?, 10 + n, 100, 0
                  from generate_series(1, 300) n""", TestDrumbeat.TEAM, ALICE));
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into kpis (team_id, service_id, key, name, target, direction)
                select team_id, id, 'k' || g, 'A KPI with a long name that goes on and on number ' || g, 1, 'up'
                  from services, generate_series(1, 4) g where key like 'svc-%'"""));
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into kpi_readings (team_id, kpi_id, period_start, value)
                select team_id, id, date '2026-11-16', 2 from kpis where key like 'k%'"""));

        SlackReply reply = ask(LEAD, "what can we deprioritise to save 500k a month including strategic");

        assertThat(reply.text())
                .contains("smaller picks saving", "A decision recorded from this answer keeps them all");
        assertWithinLimits(reply);
    }

    @Test
    void a_share_of_monthly_cost_is_turned_into_money() {
        assertThat(ask(LEAD, "what can we deprioritise to save 10% of monthly cost")
                        .text())
                .contains("10% of monthly cost ($8,000 a month)", "*CRM* `crm`");
    }

    @Test
    void a_slip_is_costed_and_covered_without_touching_the_initiative_or_what_it_relies_on() {
        drumbeat.seed()
                .initiative("cloud", "Cloud Migration", LEAD, "120000", "8660", null, "active", "crm")
                .initiative("nothing", "No Slip Cost", LEAD, "1000", "0", null, "active");

        String text = ask(LEAD, "what if the cloud migration slips 6 weeks?").text();

        assertThat(text)
                .contains(
                        "If Cloud Migration slips 6 weeks",
                        "The slip costs *$11,991*: $8,660 a month for 6 weeks",
                        "leaving Cloud Migration and the 1 service it relies on alone",
                        "*Payments API* `payments`",
                        "Target: $8,660 a month")
                .doesNotContain("*CRM* `crm`", "*Cloud Migration* `cloud`");
        assertThat(ask(LEAD, "what if no slip cost is delayed by a month").text())
                .contains("*No Slip Cost* has no slip cost recorded");
        assertThat(ask(LEAD, "what if the cloud migration slips 3 months?").text())
                .as("months are priced in months, the same as a quarter")
                .contains("If Cloud Migration slips 3 months", "The slip costs *$25,980*: $8,660 a month for 3 months");
        assertThat(ask(LEAD, "what if the cloud migration slips a quarter?").text())
                .contains("The slip costs *$25,980*");
    }

    @Test
    void who_owns_and_who_is_deputy_name_the_people() {
        assertThat(ask(ALICE, "who owns paymnets?").text())
                .contains("*Payments API* is owned by <@U0ALICE01>.", "Deputy: <@U0BOB0001>.");
        assertThat(ask(ALICE, "who's the deputy for the payments api").text())
                .contains("The deputy for *Payments API* is <@U0BOB0001>.");
        assertThat(ask(ALICE, "who is the deputy for crm").text()).contains("*CRM* has no deputy");
    }

    @Test
    void a_renamed_or_new_service_is_understood_at_once() {
        assertThat(ask(ALICE, "who owns payments?").text()).contains("*Payments API* is owned by");
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update services set name = 'Card Payments Hub' where key = 'payments'"));
        drumbeat.seed().service("wiki", "Team Wiki", "secondary", BOB, "1", "1", "0");

        assertThat(ask(ALICE, "who owns card payments hub?").text()).contains("*Card Payments Hub* is owned by");
        assertThat(ask(ALICE, "who owns the team wiki").text()).contains("*Team Wiki* is owned by <@U0BOB0001>");
    }

    @Test
    void unit_cost_costs_most_and_negative_margin_answer_with_numbers() {
        assertThat(ask(ALICE, "what is the unit cost of crm?").text())
                .contains("*CRM* costs *$2.00 per transaction*", "*$10,000 a month*", "margin *−$8,000*");
        assertThat(ask(ALICE, "what costs the most?").text())
                .contains("The 5 costliest services", "$80,000 a month")
                .containsSubsequence("1. *Core Ledger*", "2. *CRM*", "3. *Payments API*");
        assertThat(ask(ALICE, "where is margin negative").text())
                .contains("3 services cost more than they bring in", "$17,000 a month")
                .containsSubsequence("*CRM*", "*Reporting*", "*Intranet*");
    }

    @Test
    void status_and_listings_come_from_the_commands_that_already_show_them() {
        assertThat(ask(ALICE, "how is payments doing?").text()).contains("Payments API", "Uptime");
        assertThat(ask(ALICE, "what is ownerless?").text()).contains("Every active service has an owner");
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update services set owner_id = null where key in ('crm', 'intranet')"));
        assertThat(ask(ALICE, "which services are orphaned").text())
                .contains("2 services have nobody answering for them*, $14,000 a month in all")
                .containsSubsequence("1. *CRM*", "2. *Intranet*");
        assertThat(ask(ALICE, "what's stale").text()).contains("Nothing is stale");
        assertThat(ask(ALICE, "what is escalated?").text()).contains("Nothing is escalated");
    }

    @Test
    void a_question_it_cannot_read_gets_what_it_can_answer_with_the_askers_own_services() {
        String text = ask(BOB, "what is the meaning of life").text();

        assertThat(text)
                .contains(
                        "I didn't understand “what is the meaning of life”",
                        "who owns CRM?",
                        "what can we deprioritise to save 50k a month?");
        assertThat(ask(BOB, "who owns the paymnt gateway thing").text()).contains("Here is what I can answer");
        assertThat(ask(BOB, "").text()).contains("Ask me a question");
    }

    @Test
    void each_answer_is_kept_for_its_buttons() {
        ask(LEAD, "what can we deprioritise to save 12k a month?");

        Map<String, Object> kept = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select asked_by, question, kind, advice->>'saving' as saving from asks")
                        .mapToMap()
                        .one());
        assertThat(kept)
                .containsEntry("asked_by", LEAD)
                .containsEntry("kind", "deprioritise")
                .containsEntry("question", "what can we deprioritise to save 12k a month?")
                .containsEntry("saving", "14000.00");
    }

    @Test
    void each_answer_is_worked_out_from_the_catalog_as_it_is_now() {
        assertThat(ask(LEAD, "what can we deprioritise to save 12k a month?").text())
                .contains("*CRM* `crm` · secondary · saves *$10,000*/mo");

        drumbeat.execute("update services set is_protected = true where key = 'crm'");
        drumbeat.execute("update services set name = 'Staff Intranet' where key = 'intranet'");

        assertThat(ask(LEAD, "what can we deprioritise to save 12k a month?").text())
                .doesNotContain("*CRM* `crm` · secondary")
                .contains("protected: CRM, Reporting", "*Staff Intranet* `intranet`");
        assertThat(ask(LEAD, "who owns staff intranet?").text()).contains("Read as: who owns `intranet`.");
    }

    @Test
    void an_answer_ready_in_time_is_the_acknowledgement_itself() {
        SlackReply ack = SlackReply.of(drumbeat.driver()
                .command(
                        drumbeat.user(LEAD),
                        CHANNEL,
                        "ask what can we deprioritise to save 12k a month?",
                        drumbeat.slack().responseUrl(CHANNEL, LEAD, PRIVATE_ANSWER_TS)));

        assertThat(ack.responseType()).isEqualTo("ephemeral");
        assertThat(ack.json().path("text").asText()).startsWith("What to deprioritise to save $12,000 a month");
        assertThat(ack.text()).contains("Share in channel", "Record decision");
        assertThat(drumbeat.slack().calls("response_url")).isEmpty();
    }

    private static void assertWithinLimits(SlackReply reply) {
        Object message = new ObjectMapper().convertValue(reply.json(), Map.class);
        assertThat(BlockKitLimits.checkMessage(((Map<?, ?>) message).get("blocks")))
                .as("what Slack would refuse")
                .isEmpty();
    }
}
