package dev.drumbeat.ask.question;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A saving someone asked for: a sum of money over a period ("50k a month", "€40k a quarter"), or a
 * share of the portfolio's cost ("2% of monthly cost"). The advisor works in months, so
 * {@link #monthly()} turns the sum into a monthly figure. The currency is the workspace's, so none
 * is kept. The value is held without trailing zeros, so equal sums are equal records.
 * Immutable and thread-safe.
 *
 * @param value                  the sum as asked (50000 for "50k"), or the percentage (2 for "2%"); positive
 * @param per                    the period the sum is saved over; always {@link Per#MONTH} for a percentage
 * @param isPercentOfMonthlyCost whether {@code value} is a percentage of the portfolio's monthly cost
 */
public record Amount(BigDecimal value, Per per, boolean isPercentOfMonthlyCost) {

    private static final int MONEY_SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The period a saving is counted over. */
    public enum Per {
        MONTH(1),
        QUARTER(3),
        YEAR(12);

        private final int months;

        Per(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }
    }

    public Amount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(per, "per");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("A saving must be more than zero, not " + value);
        }
        if (isPercentOfMonthlyCost && per != Per.MONTH) {
            throw new IllegalArgumentException(
                    "A share of cost is the same share in any period, so it is kept per month");
        }
        value = withoutTrailingZeros(value);
    }

    /** A sum of money saved over {@code per}. */
    public static Amount of(BigDecimal value, Per per) {
        return new Amount(value, per, false);
    }

    /** A percentage of the portfolio's monthly cost. */
    public static Amount percentOfMonthlyCost(BigDecimal percent) {
        return new Amount(percent, Per.MONTH, true);
    }

    /**
     * The saving per month, to the cent ("120k a year" is 10000.00). For a percentage this is the
     * percentage itself, a share of each month's cost; {@link #monthlyAgainst} turns it into money.
     */
    public BigDecimal monthly() {
        if (isPercentOfMonthlyCost) {
            return value;
        }
        return value.divide(BigDecimal.valueOf(per.months()), MONEY_SCALE, RoundingMode.HALF_UP);
    }

    /** The saving per month in money, given what the portfolio costs a month. */
    public BigDecimal monthlyAgainst(BigDecimal monthlyCost) {
        if (!isPercentOfMonthlyCost) {
            return monthly();
        }
        return monthlyCost.multiply(value).divide(HUNDRED, MONEY_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal withoutTrailingZeros(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
