package dev.drumbeat.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.SlackUser;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/drumbeat` catalog commands end to end: signed HTTP in, real SQL, Block Kit out. */
class CatalogCommandsTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    static final SlackUser alice = drumbeat.user("U0ALICE01", "alice");
    static final SlackUser bob = drumbeat.user("U0BOB0001", "bob");

    @BeforeEach
    void seed() {
        drumbeat.seed()
                .person(TestDrumbeat.ADMIN, "ada", "member")
                .person("U0ALICE01", "alice", "member")
                .person("U0BOB0001", "bob", "member")
                .person("U0GONE001", "gone", "member")
                .deactivated("U0GONE001")
                .service("payments-api", "Payments API", "core", "U0ALICE01", "0.12", "4200000", "620000")
                .service("trading-platform", "Trading Platform", "strategic", "U0BOB0001", "45", "1000", "90000")
                .service("trade-settlement", "Trade Settlement", "core", "U0BOB0001", "2.5", "20000", "40000")
                .service("legacy-hardware", "Legacy Hardware Maintenance", "secondary", null, "1500", "20", "12000")
                .service("mainframe-batch", "Mainframe Batch", "core", "U0GONE001", "3", "50000", "200000")
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95")
                .kpi("payments-api", "p95-latency", "p95 latency", "ms", "250", "down", "310")
                .checkIn("payments-api", "amber", "Waiting on the vendor's TLS patch", "U0ALICE01");
    }

    private static SlackReply run(SlackUser user, String text) {
        SlackReply reply = drumbeat.command(user, text);
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    @Test
    void help_lists_every_subcommand_with_its_usage() {
        String text = run(alice, "help").text();
        assertThat(text)
                .contains(
                        "/drumbeat services [filter]",
                        "/drumbeat status &lt;service&gt;",
                        "/drumbeat owner &lt;service&gt; @user",
                        "/drumbeat service add",
                        "/drumbeat whoami");
    }

    @Test
    void an_unknown_subcommand_suggests_the_closest_one_and_lists_help() {
        SlackReply reply = run(alice, "stauts payments");
        assertThat(reply.responseType()).isEqualTo("ephemeral");
        assertThat(reply.text())
                .contains("I don't know `stauts`", "Did you mean `/drumbeat status`", "/drumbeat whoami");
    }

    @Test
    void services_lists_tier_owner_status_and_unit_cost() {
        String text = run(alice, "services").text();
        assertThat(text)
                .contains(
                        "5 services",
                        "*Payments API* `payments-api` · core · <@U0ALICE01>",
                        "$0.12/transaction",
                        ":large_orange_circle:",
                        "_no owner_");
    }

    @Test
    void services_filter_by_tier_and_by_ownerless() {
        assertThat(run(alice, "services strategic").text())
                .contains("1 service", "Trading Platform")
                .doesNotContain("Payments API");
        assertThat(run(alice, "services ownerless").text())
                .contains(
                        "2 services",
                        "Legacy Hardware Maintenance",
                        "*Mainframe Batch* `mainframe-batch` · core · <@U0GONE001> _(left Slack: no owner)_")
                .doesNotContain("Trading");
        assertThat(run(alice, "services nothing-like-this").text()).contains("0 services");
    }

    @Test
    void status_shows_unit_economics_kpis_and_the_last_check_in() {
        String text = run(bob, "status payments api").text();
        assertThat(text)
                .contains(
                        "Payments API",
                        "<@U0ALICE01>",
                        "$0.12 × 4,200,000 = $504,000",
                        "$620,000",
                        "$116,000 (18.7% of value)",
                        "Availability: 99.95% (target ≥ 99.9%) :white_check_mark:",
                        "p95 latency: 310 ms (target ≤ 250 ms) :x:",
                        "amber by <@U0ALICE01>",
                        "Waiting on the vendor's TLS patch");
    }

    @Test
    void status_forgives_case_spacing_and_a_typo() {
        assertThat(run(bob, "status PAYMENTS-api").text()).contains("$504,000");
        assertThat(run(bob, "status paymnets api").text()).contains("$504,000");
    }

    @Test
    void an_ambiguous_name_lists_the_candidates() {
        String text = run(bob, "status trad").text();
        assertThat(text)
                .contains("could be", "Trading Platform (`trading-platform`)", "Trade Settlement (`trade-settlement`)");
    }

    @Test
    void status_without_a_service_says_how_to_ask() {
        assertThat(run(bob, "status").text()).contains("Which service?", "/drumbeat status &lt;service&gt;");
        assertThat(run(bob, "status zzzzzz qqqq").text()).contains("No service matches", "/drumbeat services");
    }

    @Test
    void a_margin_below_zero_is_flagged() {
        assertThat(run(bob, "status legacy hardware").text()).contains("−$18,000", ":warning:");
    }

    @Test
    void whoami_shows_role_and_owned_services() {
        assertThat(run(bob, "whoami").text())
                .contains("*member*", "You own 2 services", "Trading Platform", "Trade Settlement");
        assertThat(run(drumbeat.admin(), "whoami").text()).contains("*admin*", "You don't own any services yet.");
    }

    @Test
    void an_overlong_command_is_refused_politely() {
        assertThat(run(bob, "status " + "x".repeat(4100)).text()).contains("at most 4000");
    }

    @Test
    void a_command_never_answers_with_a_stack_trace() {
        for (String text :
                new String[] {"owner", "owner @bob", "service", "service edit", "services \" ' <>&", "   "}) {
            SlackReply reply = run(bob, text);
            assertThat(reply.text()).doesNotContain("Exception", "at dev.drumbeat");
        }
    }
}
