package dev.drumbeat.ask.question;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

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
public record Amount(BigDecimal value, Per per, boolean isPercentOfMonthlyCost, Optional<String> currencySaid) {

    private static final int MONEY_SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The period a saving is counted over, on one calendar for money: a month is the unit, a quarter three months, a
     * half year six, a year twelve; a week is 12/52 of a month, a fortnight twice that, a day 12/365. A period is
     * {@code months} = {@code numerator / denominator} months, kept as a fraction so a monthly figure is exact to the
     * cent; {@code phrase} is how an answer reads it back ("a week", "over 6 months").
     */
    public record Per(BigDecimal numerator, BigDecimal denominator, String phrase) {
        public static final Per DAY = new Per(12, 365, "a day");
        public static final Per WEEK = new Per(12, 52, "a week");
        public static final Per FORTNIGHT = new Per(24, 52, "a fortnight");
        public static final Per MONTH = new Per(1, 1, "a month");
        public static final Per QUARTER = new Per(3, 1, "a quarter");
        public static final Per HALF_YEAR = new Per(6, 1, "half a year");
        public static final Per YEAR = new Per(12, 1, "a year");

        public Per {
            Objects.requireNonNull(phrase, "phrase");
            if (numerator.signum() <= 0 || denominator.signum() <= 0) {
                throw new IllegalArgumentException("A period is a positive number of months");
            }
        }

        private Per(long numerator, long denominator, String phrase) {
            this(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), phrase);
        }

        /** {@code count} of {@code unit} ("over 6 months", "over 3 weeks"); {@code unitName} is its plural. */
        public static Per over(int count, Per unit, String unitName) {
            return new Per(
                    unit.numerator.multiply(BigDecimal.valueOf(count)),
                    unit.denominator,
                    "over " + count + " " + unitName);
        }

        /** The named period for {@code name} ({@code DAY}, {@code WEEK}, … {@code YEAR}), as the constants are called. */
        public static Per valueOf(String name) {
            return switch (name) {
                case "DAY" -> DAY;
                case "WEEK" -> WEEK;
                case "FORTNIGHT" -> FORTNIGHT;
                case "MONTH" -> MONTH;
                case "QUARTER" -> QUARTER;
                case "HALF_YEAR" -> HALF_YEAR;
                case "YEAR" -> YEAR;
                default -> throw new IllegalArgumentException("no period called " + name);
            };
        }

        /** Whether this is exactly a month, the advisor's own unit. */
        public boolean isMonth() {
            return numerator.compareTo(denominator) == 0;
        }

        /** A sum over this period, per month, to the cent. */
        BigDecimal perMonth(BigDecimal sum) {
            return sum.multiply(denominator).divide(numerator, MONEY_SCALE, RoundingMode.HALF_UP);
        }

        /** What {@code monthly} a month comes to over this period, to the cent. */
        public BigDecimal over(BigDecimal monthly) {
            return monthly.multiply(numerator).divide(denominator, MONEY_SCALE, RoundingMode.HALF_UP);
        }
    }

    public Amount {
        Objects.requireNonNull(currencySaid, "currencySaid");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(per, "per");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("A saving must be more than zero, not " + value);
        }
        if (isPercentOfMonthlyCost && !per.isMonth()) {
            throw new IllegalArgumentException(
                    "A share of cost is the same share in any period, so it is kept per month");
        }
        value = withoutTrailingZeros(value);
    }

    /** An amount with no currency said: it is in the workspace's. */
    public Amount(BigDecimal value, Per per, boolean isPercentOfMonthlyCost) {
        this(value, per, isPercentOfMonthlyCost, Optional.empty());
    }

    /**
     * The same amount, said in the currency the asker named ({@code €}, {@code eur}, {@code dollars}, …): an answer may
     * use it only if that is the workspace's currency ({@link #isIn}).
     */
    public Amount saidIn(String currency) {
        return new Amount(value, per, isPercentOfMonthlyCost, Optional.of(currency));
    }

    /**
     * Whether the currency said, if any, is {@code workspace}'s: a dollar sign or word fits any dollar (USD, AUD, CAD,
     * …), a code only itself; no currency said fits any workspace.
     */
    public boolean isIn(java.util.Currency workspace) {
        if (currencySaid.isEmpty()) {
            return true;
        }
        String code = workspace.getCurrencyCode();
        return switch (currencySaid.get()) {
            case "$", "dollar", "dollars", "bucks" -> code.endsWith("D");
            case "€", "eur", "euro", "euros" -> code.equals("EUR");
            case "£", "gbp", "pound", "pounds", "quid" -> code.equals("GBP");
            case "¥", "yen", "jpy" -> code.equals("JPY");
            default -> currencySaid.get().equalsIgnoreCase(code);
        };
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
        return per.perMonth(value);
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
