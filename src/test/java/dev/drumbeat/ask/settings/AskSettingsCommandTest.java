package dev.drumbeat.ask.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.SlackUser;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The "Answers to ask" part of `/drumbeat settings` end to end: signed slash commands in, the rows `/drumbeat ask`
 * reads, each change audited and said back with its undo.
 */
class AskSettingsCommandTest {
    static final String MEMBER = "U0MEMBER1";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @Test
    void the_settings_overview_lists_the_ask_settings_after_the_escalation_ones() {
        SlackReply reply = drumbeat.command(member(), "settings");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text())
                .containsSubsequence(
                        "Escalations",
                        "A service is stale 48 hours after its check-in day _(default)_",
                        "Answers to ask",
                        "Impact counts value lost × 1 _(default)_",
                        "`/drumbeat settings weight-value 1`",
                        "Each KPI on target adds $2,000 a month of impact _(default)_",
                        "`/drumbeat settings weight-kpi 2500`",
                        "Each open dependency adds $5,000 a month of impact _(default)_",
                        "`/drumbeat settings weight-dependency 5000`",
                        "Each unit of monthly demand adds $0.01 a month of impact _(default)_",
                        "`/drumbeat settings weight-demand 0.01`",
                        "No exchange rates: an amount in another currency is refused",
                        "`/drumbeat settings rate EUR 1.08`",
                        "Only Drumbeat admins can change these.");
    }

    @Test
    void help_says_what_settings_covers() {
        assertThat(drumbeat.command(member(), "help").text()).contains("impact weights and exchange rates");
    }

    @Test
    void an_admin_changes_a_weight_and_is_told_how_to_put_it_back() {
        assertThat(admin("settings weight-kpi 2500"))
                .contains(
                        "Changed: each KPI on target adds $2,500 a month of impact (was $2,000)",
                        "To undo: `/drumbeat settings weight-kpi 2000`");
        assertThat(admin("settings weight-value 0.5"))
                .contains(
                        "Changed: impact counts value lost × 0.5 (was × 1)",
                        "To undo: `/drumbeat settings weight-value 1`");
        assertThat(admin("settings weight-dependency 0"))
                .contains("To undo: `/drumbeat settings weight-dependency 5000`");
        assertThat(admin("settings weight-demand 0.002")).contains("(was $0.01)");

        assertThat(row()).isEqualTo("0.5 2500 0 0.002");
        assertThat(admin("settings"))
                .contains("Each KPI on target adds $2,500 a month of impact\n")
                .doesNotContain("$2,500 a month of impact _(default)_");
        assertThat(admin("settings weight-kpi 2,000")).contains("(was $2,500)");
        assertThat(admin("settings weight-kpi 2000")).contains("Nothing changed");
        assertThat(audit())
                .containsExactly(
                        "update settings weight-kpi by " + TestDrumbeat.ADMIN,
                        "update settings weight-value by " + TestDrumbeat.ADMIN,
                        "update settings weight-dependency by " + TestDrumbeat.ADMIN,
                        "update settings weight-demand by " + TestDrumbeat.ADMIN,
                        "update settings weight-kpi by " + TestDrumbeat.ADMIN);
    }

    @Test
    void a_setting_named_without_a_value_shows_it() {
        assertThat(drumbeat.command(member(), "settings weight-kpi").text())
                .contains("Each KPI on target adds $2,000 a month of impact", "`/drumbeat settings weight-kpi 2500`");
    }

    @Test
    void an_admin_sets_changes_and_removes_an_exchange_rate_said_back_in_words() {
        assertThat(drumbeat.command(member(), "settings rate EUR").text())
                .contains("There is no rate for EUR, so an amount asked in EUR is refused");
        assertThat(admin("settings rate eur 1.08"))
                .contains(
                        "Set: 1 EUR = 1.08 USD, so €1,000 reads as $1,080 (was not set)",
                        "To undo: `/drumbeat settings rate EUR none`");
        assertThat(admin("settings rate EUR 1.1"))
                .contains("1 EUR = 1.1 USD", "(was 1 EUR = 1.08 USD)", "To undo: `/drumbeat settings rate EUR 1.08`");
        assertThat(admin("settings rate GBP 1.27")).contains("1 GBP = 1.27 USD");

        assertThat(admin("settings")).contains("Exchange rates, set by an admin: 1 EUR = 1.1 USD; 1 GBP = 1.27 USD");
        assertThat(drumbeat.command(member(), "settings rate EUR").text()).contains("1 EUR = 1.1 USD");
        assertThat(drumbeat.command(member(), "settings rate").text())
                .contains("Exchange rates, set by an admin: 1 EUR = 1.1 USD; 1 GBP = 1.27 USD", "rate EUR none");

        assertThat(admin("settings rate EUR none"))
                .contains(
                        "Removed the rate for EUR (was 1 EUR = 1.1 USD)",
                        "amounts in EUR are refused",
                        "To undo: `/drumbeat settings rate EUR 1.1`");
        assertThat(admin("settings rate EUR none")).contains("Nothing changed: there is no rate for EUR");
        assertThat(rates()).containsExactly("GBP 1.27");
        assertThat(audit())
                .containsExactly(
                        "create settings rate EUR by " + TestDrumbeat.ADMIN,
                        "update settings rate EUR by " + TestDrumbeat.ADMIN,
                        "create settings rate GBP by " + TestDrumbeat.ADMIN,
                        "delete settings rate EUR by " + TestDrumbeat.ADMIN);
    }

    @Test
    void bad_values_are_refused_with_how_to_do_it_right_and_nothing_is_stored() {
        assertThat(admin("settings weight-kpi -5")).contains("`weight-kpi` can't be negative", "weight-kpi 2500");
        assertThat(admin("settings weight-kpi lots"))
                .contains("`weight-kpi` is an amount in USD a month", "`/drumbeat settings weight-kpi 2500`");
        assertThat(admin("settings weight-value 1000")).contains("`weight-value` is a multiplier on value lost");
        assertThat(admin("settings weight-demand 0.000001")).contains("at most 4 decimal places");
        assertThat(admin("settings rate EUR 0")).contains("A rate is how many USD one EUR buys, more than 0");
        assertThat(admin("settings rate EUR -1.08")).contains("more than 0");
        assertThat(admin("settings rate EUR 1,08")).contains("`/drumbeat settings rate EUR 1.08`");
        assertThat(admin("settings rate EURO 1.08"))
                .contains("`EURO` is not an ISO 4217 currency code", "`/drumbeat settings rate EUR 1.08`");
        assertThat(admin("settings rate ABC 1.08")).contains("`ABC` is not an ISO 4217 currency code");
        assertThat(admin("settings rate USD 1")).contains("USD is this workspace's own currency, so it needs no rate");
        assertThat(admin("settings rate 1.08")).contains("`/drumbeat settings rate EUR 1.08`");

        assertThat(drumbeat.count("ask_settings")).isZero();
        assertThat(drumbeat.count("exchange_rates")).isZero();
        assertThat(audit()).isEmpty();
    }

    @Test
    void a_member_sees_the_ask_settings_but_may_not_change_them() {
        for (String command : List.of("settings weight-kpi 2500", "settings rate EUR 1.08", "settings weight-kpi x")) {
            assertThat(drumbeat.command(member(), command).text())
                    .as(command)
                    .contains("Only a Drumbeat admin can change the settings for answers to ask");
        }

        assertThat(drumbeat.count("ask_settings")).isZero();
        assertThat(drumbeat.count("exchange_rates")).isZero();
    }

    @Test
    void an_unknown_setting_lists_the_ask_settings_too() {
        assertThat(admin("settings weight-kpis 3"))
                .contains(
                        "There is no setting called `weight-kpis`",
                        "`/drumbeat settings grace 72h`",
                        "`/drumbeat settings weight-kpi 2500`",
                        "`/drumbeat settings rate EUR 1.08`");
    }

    private static String admin(String command) {
        SlackReply reply = drumbeat.command(drumbeat.admin(), command);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.responseType()).isEqualTo("ephemeral");
        return reply.text();
    }

    private static SlackUser member() {
        return drumbeat.user(MEMBER, "mel");
    }

    private static String row() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("""
                        select concat_ws(' ', trim_scale(per_value_lost), trim_scale(per_kpi_on_target),
                                         trim_scale(per_open_dependency), trim_scale(per_demand_unit))
                          from ask_settings""").mapTo(String.class).one());
    }

    private static List<String> rates() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery(
                                "select currency || ' ' || trim_scale(rate) from exchange_rates order by currency")
                        .mapTo(String.class)
                        .list());
    }

    private static List<String> audit() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("""
                select action || ' ' || entity || ' ' || entity_key || ' by ' || actor from audit_log
                 where entity = 'settings' order by id""").mapTo(String.class).list());
    }
}
