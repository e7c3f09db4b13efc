package dev.drumbeat.ask;

import static dev.drumbeat.ask.AskFixture.LEAD;
import static dev.drumbeat.ask.AskFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.SlackReply;
import org.junit.jupiter.api.Test;

/**
 * `/drumbeat ask` under the workspace's settings: the impact weights an admin set decide the picks and are shown
 * under every advisor answer; an amount in another currency is converted only at a rate an admin set, said back.
 */
class AskWorkspaceSettingsTest extends AskFixture {

    @Test
    void raising_the_kpi_weight_flips_the_pick_to_the_service_without_kpis_and_the_footer_says_so() {
        // To save 4,000: Intranet (value lost 0, one KPI on target) or CRM (value lost 3,000, no KPIs).
        drumbeat.execute("update services set monthly_value = 3000 where key = 'crm'");
        drumbeat.seed().kpi("intranet", "pages", "Pages served", "pages", "100", "up", "150");
        String question = "what can we deprioritise to save 4k a month?";

        String before = ask(LEAD, question).text();
        assertThat(before)
                .contains("*Intranet* `intranet`")
                .doesNotContain("*CRM* `crm`")
                .contains("Impact = value lost × 1 + $2,000 per KPI on target + $5,000 per open dependency + $0.01"
                        + " per unit of demand (workspace settings)");

        drumbeat.command(drumbeat.admin(), "settings weight-kpi 5000");
        String after = ask(LEAD, question).text();

        assertThat(after)
                .contains("*CRM* `crm`")
                .doesNotContain("*Intranet* `intranet`")
                .contains("Impact = value lost × 1 + $5,000 per KPI on target + $5,000 per open dependency + $0.01"
                        + " per unit of demand (workspace settings)")
                .contains("*Next best*, keeping CRM: 1 pick saving $4,000 a month with $1,990 a month more impact");
    }

    @Test
    void lowering_the_value_weight_flips_the_pick_to_the_service_that_loses_value() {
        // To save 4,000: Intranet (impact 40 + 2,000 for its KPI) or CRM (value lost 3,000 × the weight, + 50).
        drumbeat.execute("update services set monthly_value = 3000 where key = 'crm'");
        drumbeat.seed().kpi("intranet", "pages", "Pages served", "pages", "100", "up", "150");
        String question = "what can we deprioritise to save 4k a month?";
        assertThat(ask(LEAD, question).text()).contains("*Intranet* `intranet`");

        drumbeat.command(drumbeat.admin(), "settings weight-value 0.5");

        assertThat(ask(LEAD, question).text())
                .contains("*CRM* `crm`", "Impact = value lost × 0.5 + $2,000 per KPI on target")
                .doesNotContain("*Intranet* `intranet`");
    }

    @Test
    void a_slip_answer_shows_the_weights_too() {
        drumbeat.seed().initiative("cloud", "Cloud Migration", LEAD, "120000", "8660", null, "active", "crm");
        drumbeat.command(drumbeat.admin(), "settings weight-dependency 7500");

        assertThat(ask(LEAD, "what if the cloud migration slips 6 weeks?").text())
                .contains("+ $7,500 per open dependency");
    }

    @Test
    void with_a_rate_set_an_amount_in_that_currency_is_converted_and_the_rate_said_back() {
        drumbeat.command(drumbeat.admin(), "settings rate EUR 1.08");

        SlackReply reply = ask(LEAD, "what can we deprioritise to save €40k a quarter?");

        assertThat(reply.text())
                .contains("Read as: save €40,000 a quarter = $43,200 at 1 EUR = 1.08 USD (rate set by an admin),"
                        + " $14,400 a month; strategic services left alone.")
                .contains("What to deprioritise to save $43,200 a quarter ($14,400 a month)")
                .doesNotContain("no rate");
        assertThat(ask(LEAD, "what can we deprioritise to save 10k euros a month?")
                        .text())
                .contains("Read as: save €10,000 a month = $10,800 at 1 EUR = 1.08 USD (rate set by an admin);");
        assertThat(drumbeat.count("asks where advice->>'target' = '14400.00'")).isEqualTo(1);
    }

    @Test
    void a_question_asked_back_offers_its_reading_converted_at_the_rate_or_refuses_without_one() {
        String withoutRate = ask(LEAD, "what can we deprioritise to save €40k a quarter, keep it cheap?")
                .text();
        assertThat(withoutRate).contains("no rate").doesNotContain("$40,000");

        drumbeat.command(drumbeat.admin(), "settings rate EUR 1.08");
        String withRate = ask(LEAD, "what can we deprioritise to save €40k a quarter, keep it cheap?")
                .text();

        assertThat(withRate)
                .contains(
                        "I didn't understand \"keep it cheap\"",
                        "I'd read the question as: save €40,000 a quarter = $43,200 at 1 EUR = 1.08 USD");
    }

    @Test
    void a_conversion_is_exact_and_rounded_to_the_cent_half_even_only_at_the_end() {
        drumbeat.command(drumbeat.admin(), "settings rate GBP 1.234567");
        ask(LEAD, "what can we deprioritise to save £1,000.05 a month?");
        // 1000.05 × 1.234567 = 1234.62872835
        assertThat(drumbeat.count("asks where advice->>'target' = '1234.63'")).isEqualTo(1);

        drumbeat.command(drumbeat.admin(), "settings rate GBP 1.25");
        ask(LEAD, "what can we deprioritise to save £10.10 a month?");
        // 10.10 × 1.25 = 12.625, half a cent: to the even cent
        assertThat(drumbeat.count("asks where advice->>'target' = '12.62'")).isEqualTo(1);
    }

    @Test
    void without_a_rate_an_amount_in_another_currency_is_refused_naming_the_command_that_sets_one() {
        drumbeat.command(drumbeat.admin(), "settings rate EUR 1.08");
        drumbeat.command(drumbeat.admin(), "settings rate EUR none");

        String text =
                ask(LEAD, "what can we deprioritise to save €40k a quarter?").text();

        // <rate> goes out escaped for mrkdwn, so Slack shows it rather than reading a link
        assertThat(text)
                .contains("no rate", "`/drumbeat settings rate EUR &lt;rate&gt;`")
                .doesNotContain("$40,000", "$43,200");
        assertThat(ask(LEAD, "what can we deprioritise to save £40k a quarter?").text())
                .contains("`/drumbeat settings rate GBP &lt;rate&gt;`");
    }

    @Test
    void dollars_in_a_dollar_workspace_need_no_rate() {
        assertThat(ask(LEAD, "what can we deprioritise to save $36k a quarter?").text())
                .contains("Read as: save $36,000 a quarter ($12,000 a month)")
                .doesNotContain("rate set by an admin");
    }
}
