package dev.drumbeat.costs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.TestDrumbeat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service card shows plan against actual once bills are imported, and nothing it does not know before. */
class CostActualsCardTest {
    static final String ALICE = "U0ALICE01";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @BeforeEach
    void seed() {
        drumbeat.seed()
                .person(ALICE, "alice", "member")
                .service("payments", "Payments API", "core", ALICE, "0.10", "100000", "30000")
                .service("crm", "CRM", "secondary", ALICE, "2", "5000", "2000");
    }

    @Test
    void the_card_shows_the_latest_months_actual_against_plan_and_margin_on_actual() {
        bills("2025-02-01", "9000.00");
        bills("2025-03-01", "12200.50");

        String card = drumbeat.command(ALICE, "status payments").text();

        // plan: 0.10 × 100,000 = $10,000; March's bills: $12,200.50, $2,200.50 (22.0%) over
        assertThat(card)
                .contains(
                        "*Actual cost (bills, March 2025)*\n$12,201 · +$2,201 against plan (22.0%)",
                        "*Margin on actual*\n$17,800");
        assertThat(drumbeat.command(ALICE, "status crm").text()).doesNotContain("Actual cost");
    }

    @Test
    void a_month_not_over_is_said_to_be_so_far_and_not_set_against_a_whole_months_plan() {
        drumbeat.clock().set(java.time.Instant.parse("2026-12-08T10:00:00Z"));
        bills("2026-12-01", "2500.00");

        String card = drumbeat.command(ALICE, "status payments").text();

        assertThat(card)
                .contains("*Actual cost (bills, December 2026 so far)*\n$2,500 · the month is not over, so not set"
                        + " against the plan")
                .doesNotContain("against plan (", "Margin on actual");
    }

    @Test
    void the_latest_whole_month_is_set_against_the_plan_while_a_month_to_date_export_adds_the_month_so_far() {
        drumbeat.clock().set(java.time.Instant.parse("2026-12-08T10:00:00Z"));
        bills("2026-11-01", "10500.00");
        bills("2026-12-01", "2500.00");

        String card = drumbeat.command(ALICE, "status payments").text();

        assertThat(card)
                .contains(
                        "*Actual cost (bills, November 2026)*\n$10,500 · +$500 against plan (5.0%)",
                        "*Margin on actual*\n$19,500")
                .doesNotContain("so far");
    }

    /** One account's month, allocated whole to payments, as an import stores it. */
    private static void bills(String month, String cost) {
        drumbeat.execute("insert into cost_imports (team_id, source, row_count, imported_by, imported_at) values ('"
                + TestDrumbeat.TEAM + "', 'test.csv', 1, 'cli', now())");
        drumbeat.execute("insert into cost_periods (team_id, billing_account_id, billing_period_start, currency,"
                + " import_id, row_count, effective_cost, billed_cost) select '" + TestDrumbeat.TEAM
                + "', '012345678901', '" + month + "T00:00:00Z', 'USD', max(id), 1, " + cost + ", " + cost
                + " from cost_imports");
        drumbeat.execute("insert into cost_allocations (team_id, billing_account_id, billing_period_start, cost_month,"
                + " service_id, effective_cost) select '" + TestDrumbeat.TEAM + "', '012345678901', '" + month
                + "T00:00:00Z', '" + month + "', id, " + cost + " from services where key = 'payments'");
    }
}
