package dev.drumbeat.ask.question;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the number part of an amount: digits with thousands commas and a decimal point
 * ("1,250.50"), and the scale after them ("k", "million", "grand"). A comma that is not a
 * thousands separator ("12,5k") is a decimal comma to some readers and a slip to others, so it is
 * refused rather than guessed. Stateless and thread-safe.
 */
final class AmountNumber {

    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    private static final Map<String, BigDecimal> SCALES = Map.ofEntries(
            Map.entry("k", BigDecimal.valueOf(1_000)),
            Map.entry("thousand", BigDecimal.valueOf(1_000)),
            Map.entry("thou", BigDecimal.valueOf(1_000)),
            Map.entry("grand", BigDecimal.valueOf(1_000)),
            Map.entry("hundred", BigDecimal.valueOf(100)),
            Map.entry("hundred thousand", BigDecimal.valueOf(100_000)),
            Map.entry("m", BigDecimal.valueOf(1_000_000)),
            Map.entry("mm", BigDecimal.valueOf(1_000_000)),
            Map.entry("mn", BigDecimal.valueOf(1_000_000)),
            Map.entry("mil", BigDecimal.valueOf(1_000_000)),
            Map.entry("mill", BigDecimal.valueOf(1_000_000)),
            Map.entry("million", BigDecimal.valueOf(1_000_000)),
            Map.entry("millions", BigDecimal.valueOf(1_000_000)),
            Map.entry("b", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("bn", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("billion", BigDecimal.valueOf(1_000_000_000)));

    private AmountNumber() {}

    /** The digits as a number, or empty when their commas and points could mean two things. */
    static Optional<BigDecimal> readDigits(String digits) {
        if (PLAIN.matcher(digits).matches()) {
            return Optional.of(new BigDecimal(digits));
        }
        if (THOUSANDS.matcher(digits).matches()) {
            return Optional.of(new BigDecimal(digits.replace(",", "")));
        }
        return Optional.empty();
    }

    /** {@code number} times the scale word after it; no scale word leaves it as it is. */
    static BigDecimal scaled(BigDecimal number, String scale) {
        if (scale == null || scale.isBlank()) {
            return number;
        }
        String word = scale.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return number.multiply(SCALES.getOrDefault(word, BigDecimal.ONE));
    }

    /** The sentence that explains why {@code digits} were refused. */
    static String ambiguity(String digits, String scale) {
        String suffix = scale == null ? "" : scale.trim();
        String written = digits + suffix;
        if (digits.indexOf(',') >= 0) {
            String dotted = digits.replace(',', '.');
            return "I can't tell whether \"" + written + "\" means " + dotted + suffix + " or "
                    + digits.replace(",", "") + suffix + ". Write decimals with a point (" + dotted + suffix
                    + ") and thousands without a separator or with commas in threes (120,000).";
        }
        return "I can't read \"" + written + "\" as one number. Write decimals with a single point (1.5m)"
                + " and thousands with commas in threes (1,200,000).";
    }
}
