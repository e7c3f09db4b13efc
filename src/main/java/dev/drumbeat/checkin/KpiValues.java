package dev.drumbeat.checkin;

import dev.drumbeat.catalog.ServiceFields;
import dev.drumbeat.core.Units;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a KPI value as people type it (99.95, 1,250, 12 ms, 99.9%) and writes one back with its unit.
 * A trailing unit is forgiven when it is the KPI's own; commas follow the catalog's house rule
 * ({@link ServiceFields#number}), so 12,5 is refused as ambiguous. Errors are lower-case reasons,
 * like {@link ServiceFields}'. Pure and thread-safe.
 */
final class KpiValues {
    static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    static final int MAX_DECIMALS = 4;
    private static final Pattern NUMBER = Pattern.compile("-?[\\d.,]+");
    private static final Pattern NUMBER_THEN_UNIT = Pattern.compile("([-+]?[\\d.,]+)\\s*(\\D.*)");

    private KpiValues() {}

    /** The value typed for the KPI; throws {@link IllegalArgumentException} saying what is wrong. */
    static BigDecimal parse(String raw, Kpi kpi) {
        String typed = raw == null ? "" : raw.strip();
        if (typed.isEmpty()) {
            throw new IllegalArgumentException("a number is required");
        }
        String text = withoutUnit(typed, kpi.unit().strip());
        text = text.startsWith("+") ? text.substring(1) : text;
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException(notANumber(typed, kpi));
        }
        return checked(ServiceFields.number(text, typed), kpi);
    }

    private static BigDecimal checked(BigDecimal value, Kpi kpi) {
        if (kpi.isPercent() && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("a percentage is between 0 and 100");
        }
        if (value.abs().compareTo(LIMIT) > 0) {
            throw new IllegalArgumentException("the number must be between -1,000,000,000,000 and 1,000,000,000,000");
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException("at most " + MAX_DECIMALS + " decimal places, like 99.9512");
        }
        return value;
    }

    private static String withoutUnit(String typed, String unit) {
        if (unit.isEmpty()) {
            return typed;
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        String lowerUnit = unit.toLowerCase(Locale.ROOT);
        for (String suffix :
                new String[] {lowerUnit, lowerUnit + "s", Units.singular(lowerUnit), Units.plural(lowerUnit)}) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return typed.substring(0, typed.length() - suffix.length()).strip();
            }
        }
        if (isCurrency(unit) && typed.startsWith(unit)) {
            return typed.substring(unit.length()).strip();
        }
        return typed;
    }

    private static String notANumber(String typed, Kpi kpi) {
        Matcher withUnit = NUMBER_THEN_UNIT.matcher(typed);
        if (!withUnit.matches()) {
            return "“" + typed + "” is not a number";
        }
        String unit = kpi.unit().isBlank()
                ? "has no unit"
                : "is measured in " + kpi.unit().strip();
        return "“" + typed + "” is in " + withUnit.group(2).strip() + ", but " + kpi.name() + " " + unit
                + ": type the number alone, like " + withUnit.group(1);
    }

    private static boolean isCurrency(String unit) {
        return unit.matches("[$€£¥]");
    }
}
