package dev.drumbeat.ask.settings;

import dev.drumbeat.ask.advisor.ImpactWeights;
import dev.drumbeat.core.ExchangeRate;
import dev.drumbeat.core.ExchangeRates;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.Reply;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ask answers of `/drumbeat settings`: the weights and rates in words, each with the command that changes it, and
 * a change with its undo. Stateless.
 */
final class AskSettingsViews {
    static final String RATE = "rate";
    private static final String DEFAULT = " _(default)_";
    private static final BigDecimal THOUSAND = new BigDecimal("1000");
    private final Money money;
    private final String example;

    AskSettingsViews(Money money) {
        this.money = money;
        this.example = AskSettingsValues.exampleCode(money.currency());
    }

    /** Every weight as a sentence, defaults marked, then the rates. */
    List<String> overview(ImpactWeights weights, ExchangeRates rates) {
        List<String> lines = new ArrayList<>();
        for (WeightSetting setting : WeightSetting.values()) {
            lines.add(line(setting, weights));
        }
        lines.add("• " + ratesLine(rates) + "\n      change: `" + rateExample() + "`"
                + (rates.isEmpty() ? "" : ", remove: `" + rateCommand(example, "none") + "`"));
        return lines;
    }

    /** One weight's current value and what it is for. */
    Reply one(WeightSetting setting, ImpactWeights weights) {
        String about = setting.about();
        return Reply.text(
                line(setting, weights) + "\n" + Character.toUpperCase(about.charAt(0)) + about.substring(1) + ".");
    }

    /** Every rate, for `/drumbeat settings rate`. */
    Reply rates(ExchangeRates all) {
        return Reply.text(ratesLine(all) + ".\nA rate " + rateAbout() + ". Set one with `" + rateExample()
                + "`; remove it with `" + rateCommand(example, "none") + "`.");
    }

    /** One currency's rate, or that it has none, for `/drumbeat settings rate EUR`. */
    Reply rate(String code, Optional<ExchangeRate> rate) {
        return Reply.text(rate.map(r -> r.words() + ", set by an admin: an amount asked in " + code
                        + " is converted at it. To remove it: `" + rateCommand(code, "none") + "`")
                .orElse("There is no rate for " + code + ", so an amount asked in " + code + " is refused. An admin"
                        + " sets one with `" + rateCommand(code, "1.08") + "` (1 " + code + " = 1.08 "
                        + money.currency().getCurrencyCode() + ")."));
    }

    Reply changed(AskSettingsService.WeightChange change) {
        WeightSetting setting = change.setting();
        if (!change.changed()) {
            return Reply.text("Nothing changed: " + lowerFirst(setting.sentence(change.after(), money)) + " already.");
        }
        return Reply.text(":white_check_mark: Changed: " + lowerFirst(setting.sentence(change.after(), money))
                + " (was " + setting.words(change.before(), money) + ").\nTo undo: `"
                + setting.commandFor(change.before()) + "`");
    }

    Reply changed(AskSettingsService.RateChange change) {
        String code = change.currency().getCurrencyCode();
        if (!change.changed()) {
            return Reply.text("Nothing changed: "
                    + change.after().map(r -> r.words() + " already.").orElse("there is no rate for " + code + "."));
        }
        String was = change.before().map(ExchangeRate::words).orElse("not set");
        String undo = rateCommand(
                code, change.before().map(r -> r.rate().toPlainString()).orElse("none"));
        if (change.after().isEmpty()) {
            return Reply.text(":white_check_mark: Removed the rate for " + code + " (was " + was + "): amounts in "
                    + code + " are refused until an admin sets one.\nTo undo: `" + undo + "`");
        }
        ExchangeRate rate = change.after().get();
        return Reply.text(":white_check_mark: Set: " + rate.words() + ", so "
                + new Money(rate.from()).format(THOUSAND) + " reads as " + money.format(rate.convert(THOUSAND))
                + " (was " + was + ").\nTo undo: `" + undo + "`");
    }

    /** What the rate setting is, for the list of settings. */
    String rateAbout() {
        return "converts an amount asked in another currency: `rate " + example + " 1.08` means 1 " + example
                + " = 1.08 " + money.currency().getCurrencyCode() + "; without a rate such an amount is refused";
    }

    String rateExample() {
        return rateCommand(example, "1.08");
    }

    private String ratesLine(ExchangeRates rates) {
        if (rates.isEmpty()) {
            return "No exchange rates: an amount in another currency is refused";
        }
        return "Exchange rates, set by an admin: "
                + rates.rates().stream().map(ExchangeRate::words).collect(Collectors.joining("; "));
    }

    private String line(WeightSetting setting, ImpactWeights weights) {
        return "• " + setting.sentence(weights, money) + (setting.isDefault(weights) ? DEFAULT : "")
                + "\n      change: `" + setting.example() + "`";
    }

    private static String rateCommand(String code, String rate) {
        return "/drumbeat settings " + RATE + " " + code + " " + rate;
    }

    private static String lowerFirst(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
