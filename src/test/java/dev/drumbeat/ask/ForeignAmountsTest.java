package dev.drumbeat.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.ask.question.Amount;
import dev.drumbeat.ask.question.Question;
import dev.drumbeat.ask.settings.AskSettingsService;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Money;
import dev.drumbeat.support.DrumbeatExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A saving in another currency in a workspace that counts in euros, on the rates its admins set (rows in the real
 * database): which currency a sign or word names, the conversion, and the refusal when there is no one rate to use.
 */
class ForeignAmountsTest {
    static final String TEAM = "T0EUROS01";
    static final Currency EUR = Currency.getInstance("EUR");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    private ForeignAmounts foreign;

    @BeforeEach
    void workspace() {
        drumbeat.execute("insert into workspaces (team_id) values (?)", TEAM);
        foreign = new ForeignAmounts(
                new AskSettingsService(drumbeat.jdbi(), new AuditLog(Clock.systemUTC()), EUR), new Money(EUR));
    }

    @Test
    void a_dollar_sign_is_the_one_dollar_currency_with_a_rate_and_the_words_name_it() {
        rate("USD", "0.92");
        rate("GBP", "1.17");

        ForeignAmounts.Converted converted =
                foreign.convert(TEAM, saving("40000", Amount.Per.QUARTER, "$")).orElseThrow();

        assertThat(converted.question().target()).isEqualTo(Amount.of(new BigDecimal("36800"), Amount.Per.QUARTER));
        assertThat(converted.words())
                .isEqualTo("$40,000 a quarter = €36,800 at 1 USD = 0.92 EUR (rate set by an admin), €12,267 a month");
        assertThat(converted.question().excludedKeys()).containsExactly("crm");
    }

    @Test
    void with_several_dollar_rates_a_dollar_sign_is_refused_asking_which() {
        rate("USD", "0.92");
        rate("CAD", "0.68");
        Question.Deprioritise dollars = saving("40000", Amount.Per.MONTH, "dollars");

        assertThat(foreign.convert(TEAM, dollars)).isEmpty();
        assertThat(foreign.refusal(TEAM, dollars)).contains("several dollars (CAD, USD): say which");
        assertThat(foreign.convert(TEAM, saving("40000", Amount.Per.MONTH, "cad")))
                .hasValueSatisfying(c -> assertThat(c.words()).contains("1 CAD = 0.68 EUR"));
    }

    @Test
    void without_a_rate_the_refusal_names_the_command_for_the_currency_said() {
        assertThat(foreign.refusal(TEAM, saving("40000", Amount.Per.MONTH, "£")))
                .contains("in EUR", "no rate", "`/drumbeat settings rate GBP <rate>`");
        assertThat(foreign.refusal(TEAM, saving("40000", Amount.Per.MONTH, "$")))
                .contains("`/drumbeat settings rate USD <rate>`");
        assertThat(foreign.convert(TEAM, saving("40000", Amount.Per.MONTH, "¥")))
                .isEmpty();
    }

    @Test
    void an_amount_in_the_workspaces_own_currency_is_not_foreign() {
        assertThat(foreign.isForeign(saving("40000", Amount.Per.MONTH, "€"))).isFalse();
        assertThat(foreign.isForeign(saving("40000", Amount.Per.MONTH, "$"))).isTrue();
        assertThat(foreign.isForeign(new Question.Deprioritise(
                        Amount.of(new BigDecimal("40000"), Amount.Per.MONTH), Set.of(), false)))
                .isFalse();
    }

    private static Question.Deprioritise saving(String value, Amount.Per per, String said) {
        return new Question.Deprioritise(Amount.of(new BigDecimal(value), per).saidIn(said), Set.of("crm"), false);
    }

    private static void rate(String currency, String rate) {
        drumbeat.execute(
                "insert into exchange_rates (team_id, currency, rate) values (?, ?, cast(? as numeric))",
                TEAM,
                currency,
                rate);
    }
}
