package dev.drumbeat.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * A rate an admin set: one {@code from} is {@code rate} of the workspace's currency {@code to}. Conversion is exact
 * and rounded to the cent, half to even, only at the end. Immutable.
 */
public record ExchangeRate(Currency from, Currency to, BigDecimal rate) {
    private static final int CENTS = 2;

    public ExchangeRate {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("An exchange rate is more than zero, not " + rate);
        }
        rate = rate.stripTrailingZeros();
    }

    /** {@code amount} of {@code from} in {@code to}, to the cent. */
    public BigDecimal convert(BigDecimal amount) {
        return amount.multiply(rate).setScale(CENTS, RoundingMode.HALF_EVEN);
    }

    /** The rate in words, such as {@code 1 EUR = 1.08 USD}. */
    public String words() {
        return "1 " + from.getCurrencyCode() + " = " + rate.toPlainString() + " " + to.getCurrencyCode();
    }
}
