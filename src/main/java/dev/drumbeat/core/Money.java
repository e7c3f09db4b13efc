package dev.drumbeat.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Formats money and quantities the way a finance person reads them: $504,000 and $0.12. Thread-safe. */
public final class Money {
    /** DecimalFormat is not thread-safe and costly to build, so each thread keeps its own. */
    private static final ThreadLocal<Map<String, DecimalFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    private final Currency currency;
    private final String symbol;

    public Money(Currency currency) {
        this.currency = currency;
        this.symbol = currency.getSymbol(Locale.US);
    }

    /** The workspace's currency, the one every figure is in. */
    public Currency currency() {
        return currency;
    }

    /** Whole units for large amounts, cents (or finer, up to 4 places) for unit costs below 100. */
    public String format(BigDecimal amount) {
        BigDecimal abs = amount.abs();
        String digits = abs.compareTo(BigDecimal.valueOf(100)) >= 0
                ? pattern("#,##0").format(abs.setScale(0, RoundingMode.HALF_UP))
                : pattern("#,##0.00##").format(abs);
        return (amount.signum() < 0 ? "−" : "") + symbol + digits;
    }

    /** To the cent, however large, as a bill is read: $1,187.32 (half a cent to the even cent). */
    public String cents(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_EVEN);
        return (rounded.signum() < 0 ? "−" : "") + symbol + pattern("#,##0.00").format(rounded.abs());
    }

    /** As {@link #cents}, with a plus sign on gains: +$12.68. */
    public String signedCents(BigDecimal amount) {
        return (amount.setScale(2, RoundingMode.HALF_EVEN).signum() >= 0 ? "+" : "") + cents(amount);
    }

    /** As {@link #format}, with a plus sign on gains: +$9,000, −$1,200. */
    public String signed(BigDecimal amount) {
        return (amount.signum() >= 0 ? "+" : "") + format(amount);
    }

    /**
     * A measured value with its unit where a reader expects it, in the form the number needs: $17.79, 99.9%, 310 ms,
     * 1 incident. Not escaped for mrkdwn.
     */
    public static String measure(BigDecimal value, String unit) {
        String number = value.stripTrailingZeros().toPlainString();
        String u = unit == null ? "" : unit.strip();
        if (u.isEmpty()) {
            return number;
        }
        if (u.matches("[$€£¥]")) {
            return u + number;
        }
        return number + (u.equals("%") ? "%" : " " + Units.forQuantity(u, value));
    }

    /** A count such as demand: grouped, no trailing zeros. */
    public static String quantity(BigDecimal value) {
        return pattern("#,##0.####").format(value);
    }

    private static DecimalFormat pattern(String pattern) {
        return FORMATS.get().computeIfAbsent(pattern, p -> {
            DecimalFormat format = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.US));
            format.setRoundingMode(RoundingMode.HALF_UP);
            return format;
        });
    }
}
