package dev.drumbeat.escalation.settings;

import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.SlackBlocks;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the values typed after `/drumbeat settings <setting>`; each refusal is a sentence with the allowed range. Pure. */
final class EscalationSettingsValues {
    private static final Pattern HOURS = Pattern.compile("(\\d+)\\s*(h|hrs?|hours?|d|days?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKS = Pattern.compile("(\\d+)\\s*(w|wks?|weeks?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT =
            Pattern.compile("(\\d+)\\s*(%|per\\s*cent|percent)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?");

    private EscalationSettingsValues() {}

    /** Hours written as {@code 72h} or days as {@code 3d}, from {@code min} to {@code max} hours. */
    static int hours(String setting, String text, int min, int max) {
        Matcher m = HOURS.matcher(text.strip());
        if (!m.matches()) {
            throw new UserError("Give `" + setting + "` in hours or days, like `" + setting + " 72h` or `" + setting
                    + " 3d`; it can be " + hoursRange(min, max) + ".");
        }
        long amount = number(m.group(1)) * (m.group(2).toLowerCase(Locale.ROOT).startsWith("d") ? 24 : 1);
        if (amount < min || amount > max) {
            throw new UserError("`" + setting + "` can be " + hoursRange(min, max) + "; `" + quoted(text)
                    + "` is outside that, so nothing was changed.");
        }
        return (int) amount;
    }

    /** A whole number of weeks, like {@code 3}, from {@code min} to {@code max}. */
    static int weeks(String setting, String text, int min, int max) {
        Matcher m = WEEKS.matcher(text.strip());
        String range = "a whole number of weeks from " + min + " to " + max;
        if (!m.matches()) {
            throw new UserError("`" + setting + "` is " + range + ", like `/drumbeat settings " + setting + " 3`.");
        }
        long weeks = number(m.group(1));
        if (weeks < min || weeks > max) {
            throw new UserError("`" + setting + "` is " + range + "; `" + quoted(text)
                    + "` is outside that, so nothing was changed.");
        }
        return (int) weeks;
    }

    /** A whole per cent, {@code 10%} or {@code 10}, from 1 to {@code max}. */
    static int percent(String setting, String text, int max) {
        Matcher m = PERCENT.matcher(text.strip());
        String range = "a whole per cent from 1 to " + max;
        if (!m.matches()) {
            throw new UserError("`" + setting + "` is " + range + ", like `/drumbeat settings " + setting + " 10%`.");
        }
        long percent = number(m.group(1));
        if (percent < 1 || percent > max) {
            throw new UserError("`" + setting + "` is " + range + "; `" + quoted(text)
                    + "` is outside that, so nothing was changed.");
        }
        return (int) percent;
    }

    static String hoursRange(int min, int max) {
        return "from " + min + " to " + max + " hours (" + max / 24 + " days)";
    }

    /** A weekday by name or its first three letters, {@code fri}, {@code friday} or {@code fridays}. */
    static DayOfWeek day(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT).replaceFirst("s$", "");
        return Arrays.stream(DayOfWeek.values())
                .filter(d ->
                        word.length() >= 3 && d.name().toLowerCase(Locale.ROOT).startsWith(word))
                .findFirst()
                .orElseThrow(() -> new UserError("`" + quoted(text) + "` is not a day of the week. Name one, like"
                        + " `/drumbeat settings digest friday 16:00`."));
    }

    /** An hour of the day, {@code 16} or {@code 16:00}; the digest goes out on the hour. */
    static int hour(String text) {
        Matcher m = CLOCK.matcher(text.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) > 23) {
            throw new UserError("The digest's hour is from 0 to 23, like `16` or `16:00`; `" + quoted(text)
                    + "` is not one, so nothing was changed.");
        }
        if (m.group(2) != null && !m.group(2).equals("00")) {
            throw new UserError(
                    "The digest goes out on the hour: use `" + m.group(1) + ":00` rather than `" + quoted(text) + "`.");
        }
        return Integer.parseInt(m.group(1));
    }

    /** A time zone by its IANA name, such as {@code Europe/London}, in any letter case; also {@code UTC}. */
    static ZoneId zone(String text) {
        String name = text.strip();
        Optional<String> known = ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.equalsIgnoreCase(name))
                .findFirst();
        return known.map(ZoneId::of)
                .orElseThrow(
                        () -> new UserError(
                                "I don't know the time zone `" + quoted(text)
                                        + "`. Use an IANA name such as `Europe/London`, `America/New_York` or `UTC`; nothing was changed."));
    }

    /** Digits as a number; more than nine digits is simply too large for any setting. */
    private static long number(String digits) {
        return digits.length() > 9 ? Long.MAX_VALUE / 48 : Long.parseLong(digits);
    }

    private static String quoted(String text) {
        return SlackBlocks.escape(SlackBlocks.clip(text.strip(), 40)).replace("`", "'");
    }
}
