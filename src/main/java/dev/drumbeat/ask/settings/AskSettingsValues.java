package dev.drumbeat.ask.settings;

import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values typed after `/drumbeat settings weight-…` and `rate`: plain decimal numbers (commas only between
 * thousands, so {@code 1,08} is refused rather than guessed), ISO 4217 codes. Each refusal says what is allowed and
 * shows a command that works. Pure.
 */
final class AskSettingsValues {
    /** A number: digits with optional thousands commas and decimals; a minus sign is read to refuse it clearly. */
    private static final Pattern NUMBER = Pattern.compile("(-)?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?");

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");
    static final int WEIGHT_DECIMALS = 4;
    static final int RATE_DECIMALS = 10;
    static final BigDecimal MAX_RATE = new BigDecimal("1000000");

    private AskSettingsValues() {}

    /** A weight from 0 to the setting's maximum, with at most {@link #WEIGHT_DECIMALS} decimal places. */
    static BigDecimal weight(WeightSetting setting, String text, String currency) {
        Matcher m = NUMBER.matcher(text.strip());
        if (m.matches() && m.group(1) != null) {
            throw new UserError("`" + setting.word() + "` can't be negative; 0 leaves it out of impact. Use an amount"
                    + " like `" + setting.example() + "`; nothing was changed.");
        }
        Optional<BigDecimal> value = m.matches() ? Optional.of(number(m)) : Optional.empty();
        if (value.isEmpty()
                || value.get().compareTo(setting.max()) > 0
                || value.get().scale() > WEIGHT_DECIMALS) {
            String what =
                    setting.isMultiplier() ? "a multiplier on value lost" : "an amount in " + currency + " a month";
            throw new UserError("`" + setting.word() + "` is " + what + " from 0 to "
                    + String.format(Locale.US, "%,d", setting.max().longValueExact()) + " with at most "
                    + WEIGHT_DECIMALS + " decimal places, like `" + setting.example() + "`; `" + quoted(text)
                    + "` is not one, so nothing was changed.");
        }
        return value.get();
    }

    /**
     * A currency other than the workspace's, by its ISO 4217 code in any letter case. {@code example} is a code to
     * show in the refusal.
     */
    static Currency currency(String text, Currency workspace, String example) {
        String code = text.strip().toUpperCase(Locale.ROOT);
        Optional<Currency> currency = CODE.matcher(code).matches()
                ? Currency.getAvailableCurrencies().stream()
                        .filter(c -> c.getCurrencyCode().equals(code))
                        .findFirst()
                : Optional.empty();
        if (currency.isEmpty()) {
            throw new UserError("`" + quoted(text) + "` is not an ISO 4217 currency code. Name the currency by its"
                    + " three letters, like `/drumbeat settings rate " + example + " 1.08`.");
        }
        if (currency.get().equals(workspace)) {
            throw new UserError(code + " is this workspace's own currency, so it needs no rate. Rates are for other"
                    + " currencies, like `/drumbeat settings rate " + example + " 1.08` (1 " + example + " = 1.08 "
                    + code + ").");
        }
        return currency.get();
    }

    /** A rate: how many of the workspace's currency one {@code from} buys, more than 0. */
    static BigDecimal rate(String text, Currency from, Currency workspace) {
        Matcher m = NUMBER.matcher(text.strip());
        Optional<BigDecimal> rate = (m.matches() && m.group(1) == null
                        ? Optional.of(number(m))
                        : Optional.<BigDecimal>empty())
                .filter(r -> r.signum() > 0 && r.compareTo(MAX_RATE) <= 0 && r.scale() <= RATE_DECIMALS);
        if (rate.isEmpty()) {
            String code = from.getCurrencyCode();
            throw new UserError("A rate is how many " + workspace.getCurrencyCode() + " one " + code
                    + " buys, more than 0 and up to 1,000,000 with at most " + RATE_DECIMALS + " decimal places, like"
                    + " `/drumbeat settings rate " + code + " 1.08`; `" + quoted(text) + "` is not one, so nothing"
                    + " was changed. `/drumbeat settings rate " + code + " none` removes a rate.");
        }
        return rate.get();
    }

    /** A currency code to show in examples: EUR, or USD in a workspace that counts in euros. */
    static String exampleCode(Currency workspace) {
        return workspace.getCurrencyCode().equals("EUR") ? "USD" : "EUR";
    }

    /** Whether {@code text} asks to remove a rate. */
    static boolean isNone(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "none", "remove", "off", "delete" -> true;
            default -> false;
        };
    }

    private static BigDecimal number(Matcher m) {
        String digits = m.group(2).replace(",", "") + (m.group(3) == null ? "" : "." + m.group(3));
        BigDecimal value = new BigDecimal(digits).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static String quoted(String text) {
        return SlackBlocks.escape(SlackBlocks.clip(text.strip(), 40)).replace("`", "'");
    }
}
