package dev.drumbeat.catalog;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The rules for a service's fields, shared by the modal and the CSV import so both refuse the same
 * things with the same words. Each check throws {@link IllegalArgumentException} with the reason.
 */
public final class ServiceFields {
    private static final Pattern DIGITS_AND_COMMAS = Pattern.compile("-?[\\d.]*,[\\d,.]*");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    static final int MAX_KEY = 63;
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX_KEY - 1) + "}");
    static final int MAX_NAME = 120;
    static final int MAX_UNIT_NAME = 40;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    /** Why two services may not share a name, as the modal and the CSV import both say it. */
    public static final String NAMES_DIFFER = "names must differ by more than case, spaces and punctuation";

    private ServiceFields() {}

    public static String key(String raw) {
        String key = raw == null ? "" : raw.strip();
        if (key.length() > MAX_KEY) {
            throw new IllegalArgumentException(
                    "a key is at most " + MAX_KEY + " characters, and this one has " + key.length());
        }
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a key is lower-case letters, digits and dashes, like payments-api");
        }
        return key;
    }

    public static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a name is 1 to " + MAX_NAME + " characters");
        }
        return name;
    }

    public static Tier tier(String raw) {
        return Tier.parse(raw)
                .orElseThrow(() -> new IllegalArgumentException("the tier is strategic, core or secondary"));
    }

    public static String unitName(String raw) {
        String unit = raw == null || raw.isBlank() ? "unit" : raw.strip();
        if (unit.length() > MAX_UNIT_NAME) {
            throw new IllegalArgumentException("a unit name is at most " + MAX_UNIT_NAME + " characters");
        }
        return unit;
    }

    /**
     * A non-negative amount; accepts 1200, 1,200.50 and $1,200. Commas group thousands only: 12,50
     * is refused rather than read as 1250, since in much of Europe it means twelve and a half.
     */
    public static BigDecimal amount(String raw) {
        String text = raw == null ? "" : raw.strip().replaceAll("[\\s$€£]", "");
        BigDecimal value = number(text, raw);
        if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("the number must be between 0 and " + MAX_AMOUNT.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("at most two decimal places");
        }
        return value;
    }

    /**
     * The house rule for numbers people type, without any range check: commas group thousands only,
     * so 1,250.5 is read and 12,5 refused as ambiguous. {@code raw} is what they typed, for the message.
     */
    public static BigDecimal number(String text, String raw) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a number is required");
        }
        if (DIGITS_AND_COMMAS.matcher(text).matches() && !GROUPED.matcher(text).matches()) {
            throw new IllegalArgumentException("“" + raw.strip() + "” is ambiguous: use a point for decimals"
                    + " and commas only between thousands, like 1,250.50");
        }
        return decimal(text.replace(",", ""), raw);
    }

    private static BigDecimal decimal(String text, String raw) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("“" + raw.strip() + "” is not a number");
        }
    }
}
