package dev.drumbeat.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.Bills;
import dev.drumbeat.support.TestDrumbeat;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advisor saves what a service actually costs when the latest whole month's bills give it something, and says so
 * per pick; without bills it saves the plan and says "plan". Bills are imported as `drumbeat costs import` does; a new
 * import changes the next answer although the catalog, which the advisor's portfolio is kept by, did not change. It is
 * 8 December 2026: November is the latest whole month.
 */
class AskActualCostTest extends AskFixture {
    static final String SAVE_12K = "what can we deprioritise to save 12k a month?";

    @TempDir
    Path dir;

    Bills bills;

    @BeforeEach
    void billsForCrmAndPayments() {
        drumbeat.clock().set(Instant.parse("2026-12-08T10:00:00Z"));
        bills = new Bills(drumbeat.jdbi(), drumbeat.clock(), TestDrumbeat.TEAM, dir, "crm", "payments");
    }

    @Test
    void a_pick_with_bills_saves_its_actual_cost_and_says_so_and_one_without_saves_its_plan() {
        bills.month("2026-11", "crm", "12400", "payments", "9000");

        String answer = ask(LEAD, SAVE_12K).text();

        assertThat(answer)
                .contains("*CRM* `crm` · secondary · saves *$12,400*/mo (actual cost in November 2026 from the bills;"
                        + " plan $10,000) · value lost $2,000 · margin +$10,400")
                .doesNotContain("*Intranet* `intranet`");
        String moreThanCrm =
                ask(LEAD, "what can we deprioritise to save 15k a month?").text();
        assertThat(moreThanCrm)
                .contains("*Intranet* `intranet` · secondary · saves *$4,000*/mo (plan) · value lost $0.00")
                .contains("saves *$12,400*/mo (actual cost in November 2026");
    }

    @Test
    void without_a_whole_month_of_bills_every_pick_saves_its_plan() {
        bills.month("2026-12", "crm", "3000");

        String answer = ask(LEAD, SAVE_12K).text();

        assertThat(answer)
                .contains("*CRM* `crm` · secondary · saves *$10,000*/mo (plan) · value lost $2,000")
                .contains("*Intranet* `intranet` · secondary · saves *$4,000*/mo (plan)")
                .doesNotContain("from the bills");
    }

    @Test
    void a_new_import_changes_the_next_answer_though_the_catalog_version_did_not_move() {
        bills.month("2026-11", "crm", "12400");
        assertThat(ask(LEAD, SAVE_12K).text()).contains("saves *$12,400*/mo").doesNotContain("*Intranet* `intranet`");
        long version = catalogVersion();

        bills.month("2026-11", "crm", "9000");

        assertThat(catalogVersion()).as("an import is not a catalog change").isEqualTo(version);
        assertThat(ask(LEAD, SAVE_12K).text())
                .contains("*CRM* `crm` · secondary · saves *$9,000*/mo (actual cost in November 2026 from the bills;")
                .contains("*Intranet* `intranet` · secondary · saves *$4,000*/mo (plan)");
    }

    @Test
    void a_decision_records_the_actual_saving_shown_and_refuses_an_answer_whose_bills_changed_since() {
        bills.month("2026-11", "crm", "12400");
        String answer = buttonValue(ask(LEAD, SAVE_12K), AskViews.RECORD);

        clickPrivate(LEAD, AskViews.RECORD, answer);

        assertThat(drumbeat.openedViewText(LEAD)).contains("saving $12,400 a month");
        assertThat(saving("select expected_saving from decisions")).isEqualByComparingTo("12400");
        assertThat(saving("select monthly_saving from decision_items where key = 'crm'"))
                .isEqualByComparingTo("12400");

        drumbeat.execute("update decisions set undone_at = now(), undone_by = 'U0LEAD001'");
        drumbeat.execute("update services set deprioritised_by = null");
        String before = buttonValue(ask(LEAD, SAVE_12K), AskViews.RECORD);
        bills.month("2026-11", "crm", "12900");
        clickPrivate(LEAD, AskViews.RECORD, before);

        assertThat(drumbeat.openedViewText(LEAD))
                .contains("the bills for *CRM* changed since this answer was given", "Ask again for a fresh answer");
        assertThat(drumbeat.count("decisions")).isEqualTo(1);
    }

    private static long catalogVersion() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select version from catalog_versions where team_id = ?")
                        .bind(0, TestDrumbeat.TEAM)
                        .mapTo(Long.class)
                        .one());
    }

    private static BigDecimal saving(String sql) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(BigDecimal.class).one());
    }
}
