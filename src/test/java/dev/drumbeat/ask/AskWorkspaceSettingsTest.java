package dev.drumbeat.ask;

import static dev.drumbeat.ask.AskFixture.LEAD;
import static dev.drumbeat.ask.AskFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * `/drumbeat ask` under the workspace's settings: the impact weights an admin set decide the picks and are shown
 * under every advisor answer.
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
}
