package dev.drumbeat.ask;

import dev.drumbeat.ask.question.Amount;
import dev.drumbeat.ask.question.Question;
import dev.drumbeat.ask.settings.AskSettingsService;
import dev.drumbeat.core.ExchangeRate;
import dev.drumbeat.core.ExchangeRates;
import dev.drumbeat.core.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A saving asked in another currency than the workspace's ("save €40k a quarter" in a USD workspace): converted at
 * the rate an admin set (`/drumbeat settings rate EUR 1.08`), and said back with that rate; without one, refused with
 * how to set one. Never relabelled. A dollar sign in a workspace that does not count in dollars is the one dollar
 * currency that has a rate, or refused when none or several do. Thread-safe.
 */
final class ForeignAmounts {
    private static final BigDecimal EXAMPLE = new BigDecimal("45000");
    private final AskSettingsService settings;
    private final Money money;

    ForeignAmounts(AskSettingsService settings, Money money) {
        this.settings = settings;
        this.money = money;
    }

    /** A saving converted: the question in the workspace's currency, and its amount in words as asked and converted. */
    record Converted(Question.Deprioritise question, String words) {}

    /** Whether the question's saving was said in a currency other than the workspace's. */
    boolean isForeign(Question question) {
        return question instanceof Question.Deprioritise q && !q.target().isIn(money.currency());
    }

    /** The question with its saving converted at the workspace's rate; empty when there is no rate to use. */
    Optional<Converted> convert(String teamId, Question.Deprioritise q) {
        Amount asked = q.target();
        ExchangeRates rates = settings.rates(teamId);
        return currencyOf(asked, rates).flatMap(rates::from).map(rate -> {
            Amount converted = Amount.of(rate.convert(asked.value()), asked.per());
            return new Converted(q.withTarget(converted), words(asked, converted, rate));
        });
    }

    /** Why a saving in another currency gets no answer in money, and how to ask so it does. */
    String refusal(String teamId, Question.Deprioritise q) {
        String code = money.currency().getCurrencyCode();
        ExchangeRates workspaceRates = settings.rates(teamId);
        List<Currency> dollars = dollars(workspaceRates);
        String howToConvert = isDollar(q.target()) && dollars.size() > 1
                ? " Rates are set for several dollars ("
                        + dollars.stream().map(Currency::getCurrencyCode).collect(Collectors.joining(", "))
                        + "): say which, like \"save 45k " + dollars.get(0).getCurrencyCode() + " a quarter\"."
                : " An admin can set a rate with `/drumbeat settings rate "
                        + currencyOf(q.target(), workspaceRates)
                                .map(Currency::getCurrencyCode)
                                .orElse(isDollar(q.target()) ? "USD" : "<code>")
                        + " <rate>`.";
        return "Drumbeat counts this workspace's money in " + code + " and has no rate to turn an amount in "
                + q.target().currencySaid().orElseThrow() + " into it, so it did not guess. Ask in " + code
                + ", for example \"what can we deprioritise to save " + money.format(EXAMPLE) + " a quarter\"."
                + howToConvert;
    }

    /** "€40,000 a quarter = $43,200 at 1 EUR = 1.08 USD (rate set by an admin), $14,400 a month". */
    private String words(Amount asked, Amount converted, ExchangeRate rate) {
        return new Money(rate.from()).format(asked.value()) + " " + asked.per().phrase() + " = "
                + money.format(converted.value()) + " at " + rate.words() + " (rate set by an admin)"
                + (asked.per().isMonth() ? "" : ", " + money.format(converted.monthly()) + " a month");
    }

    /** The currency the saving was said in, by its sign, name or code; a dollar is the one dollar with a rate. */
    private static Optional<Currency> currencyOf(Amount amount, ExchangeRates rates) {
        String said = amount.currencySaid().orElse("").toLowerCase(Locale.ROOT);
        if (isDollar(amount)) {
            List<Currency> dollars = dollars(rates);
            return dollars.size() == 1 ? Optional.of(dollars.get(0)) : Optional.empty();
        }
        return switch (said) {
            case "€", "euro", "euros" -> Optional.of(Currency.getInstance("EUR"));
            case "£", "pound", "pounds", "quid" -> Optional.of(Currency.getInstance("GBP"));
            case "¥", "yen" -> Optional.of(Currency.getInstance("JPY"));
            default ->
                Currency.getAvailableCurrencies().stream()
                        .filter(c -> c.getCurrencyCode().equalsIgnoreCase(said))
                        .findFirst();
        };
    }

    private static boolean isDollar(Amount amount) {
        return switch (amount.currencySaid().orElse("").toLowerCase(Locale.ROOT)) {
            case "$", "dollar", "dollars", "bucks" -> true;
            default -> false;
        };
    }

    /** The dollar currencies (US, Canadian, Australian, …) that have a rate. */
    private static List<Currency> dollars(ExchangeRates rates) {
        return rates.rates().stream()
                .map(ExchangeRate::from)
                .filter(c -> c.getDisplayName(Locale.US).endsWith("Dollar"))
                .toList();
    }
}
