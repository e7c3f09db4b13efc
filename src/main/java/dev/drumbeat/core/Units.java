package dev.drumbeat.core;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unit name in the form its number needs: "1 incident", "85 servers", "12 VMs". People type unit names either way
 * ("server", "incidents"), so both forms are read. Only the last word changes ("GB-months", "active users"); units of
 * measure and abbreviations ("ms", "u", "GB", "MIPS"), participles ("GB ingested"), batches ("1k transactions") and
 * rates ("tickets per week") stay as typed. Pure and thread-safe.
 */
public final class Units {
    /** Units of measure, which English does not pluralise ("3 ms", "40 GB", "1.4 PUE"). */
    private static final Set<String> MEASURES = Set.of(
            "b", "kb", "mb", "gb", "tb", "pb", "kib", "mib", "gib", "tib", "bps", "kbps", "mbps", "gbps", "ms", "sec",
            "min", "hr", "hrs", "kwh", "kw", "mw", "mips", "iops", "ru", "pue", "nps", "csat", "usd", "eur", "gbp");

    private static final Pattern LAST_WORD = Pattern.compile("^(.*?)(\\p{L}+)$");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,}");

    private Units() {}

    /** {@code unit} as {@code quantity} of it reads: singular for exactly one, plural for any other number. */
    public static String forQuantity(String unit, BigDecimal quantity) {
        return quantity.abs().compareTo(BigDecimal.ONE) == 0 ? singular(unit) : plural(unit);
    }

    /** "servers" becomes "server"; "server", "ms" and "1k transactions" stay as they are. */
    public static String singular(String unit) {
        return inflect(unit, true);
    }

    /** "server" becomes "servers"; "servers", "ms" and "GB ingested" stay as they are. */
    public static String plural(String unit) {
        return inflect(unit, false);
    }

    private static String inflect(String unit, boolean toSingular) {
        String text = unit == null ? "" : unit.strip();
        Matcher last = LAST_WORD.matcher(text);
        if (text.isEmpty() || Character.isDigit(text.charAt(0)) || isRate(text) || !last.matches()) {
            return text;
        }
        String word = last.group(2);
        if (word.length() == 1
                || MEASURES.contains(word.toLowerCase(Locale.ROOT))
                || (word.length() > 4 && word.endsWith("ed"))) {
            return text;
        }
        return last.group(1) + (toSingular ? singularWord(word) : pluralWord(word));
    }

    private static String singularWord(String word) {
        String stem = word.substring(0, word.length() - 1);
        if (word.endsWith("s") && ACRONYM.matcher(stem).matches()) {
            return stem; // "VMs"
        }
        if (!looksPlural(word) || word.length() < 4) {
            return word;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        for (String ending : new String[] {"sses", "xes", "zes", "ches", "shes"}) {
            if (lower.endsWith(ending)) {
                return word.substring(0, word.length() - 2);
            }
        }
        return stem;
    }

    private static String pluralWord(String word) {
        if (ACRONYM.matcher(word).matches()) {
            return word.endsWith("S") ? word : word + "s"; // "VMs", "MIPS"
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (looksPlural(word) || lower.endsWith("is")) {
            return word;
        }
        if (lower.matches(".*(s|x|z|ch|sh)")) {
            return word + "es";
        }
        if (lower.matches(".*[^aeiou]y")) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word + "s";
    }

    /** "tickets per week" and "requests/s" count their first word, which the rate's writer already chose. */
    private static boolean isRate(String text) {
        return text.contains("/") || text.toLowerCase(Locale.ROOT).contains(" per ");
    }

    /** Ends in an s that makes a plural: "servers", but not "class", "bus" or "analysis". */
    private static boolean looksPlural(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us") && !lower.endsWith("is");
    }
}
