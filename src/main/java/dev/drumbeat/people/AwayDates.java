package dev.drumbeat.people;

import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.SlackBlocks;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the day someone is away until, as people type it: {@code 2026-12-24}, {@code 24 Dec}, {@code Dec 24},
 * {@code 24/12} (day first), {@code today}, {@code tomorrow}, {@code friday} (the coming one, today included),
 * {@code next friday} (Friday of next week, weeks starting Monday). A date without a year is its next
 * occurrence. Pure and thread-safe.
 */
public final class AwayDates {
    static final String FORMS = "2026-12-24, 24 Dec, Dec 24, 24/12, tomorrow, friday or next friday";
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\\.?(?:,? (\\d{4}))?");
    private static final Pattern MONTH_DAY = Pattern.compile("([a-z]+)\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?");
    private static final Pattern WEEKDAY = Pattern.compile("(?:(this|next) )?([a-z]+)");
    private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private AwayDates() {}

    /** The last day away, checked to be today or later and at most a year ahead; a {@link UserError} otherwise. */
    public static LocalDate resolve(String text, LocalDate today) {
        LocalDate day = parse(text, today)
                .orElseThrow(() -> new UserError("I can't read “" + SlackBlocks.escape(text.strip())
                        + "” as a date. Write it like " + FORMS + "."));
        if (day.isBefore(today)) {
            throw new UserError(format(day, today) + " is in the past. Give today or a later day, like " + FORMS + ".");
        }
        LocalDate latest = today.plusYears(1);
        if (day.isAfter(latest)) {
            throw new UserError(format(day, today) + " is more than a year away. Give a day up to "
                    + format(latest, today) + ", like " + FORMS + ".");
        }
        return day;
    }

    /** The date the text names, seen from {@code today}; empty when it isn't one of the accepted forms. */
    public static Optional<LocalDate> parse(String text, LocalDate today) {
        String words = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        try {
            return iso(words)
                    .or(() -> slashed(words, today))
                    .or(() -> dayMonth(words, today))
                    .or(() -> monthDay(words, today))
                    .or(() -> relative(words, today));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** How replies show a day: {@code Thu 24 Dec}, with the year when it isn't this year. */
    public static String format(LocalDate day, LocalDate today) {
        return (day.getYear() == today.getYear() ? SAME_YEAR : OTHER_YEAR).format(day);
    }

    private static Optional<LocalDate> iso(String words) {
        Matcher m = ISO.matcher(words);
        return m.matches() ? Optional.of(LocalDate.of(number(m, 1), number(m, 2), number(m, 3))) : Optional.empty();
    }

    private static Optional<LocalDate> slashed(String words, LocalDate today) {
        Matcher m = SLASHED.matcher(words);
        return m.matches()
                ? Optional.of(date(number(m, 1), Month.of(number(m, 2)), m.group(3), today))
                : Optional.empty();
    }

    private static Optional<LocalDate> dayMonth(String words, LocalDate today) {
        Matcher m = DAY_MONTH.matcher(words);
        return m.matches()
                ? month(m.group(2)).map(month -> date(number(m, 1), month, m.group(3), today))
                : Optional.empty();
    }

    private static Optional<LocalDate> monthDay(String words, LocalDate today) {
        Matcher m = MONTH_DAY.matcher(words);
        return m.matches()
                ? month(m.group(1)).map(month -> date(number(m, 2), month, m.group(3), today))
                : Optional.empty();
    }

    private static Optional<LocalDate> relative(String words, LocalDate today) {
        if (words.equals("today")) {
            return Optional.of(today);
        }
        if (words.equals("tomorrow")) {
            return Optional.of(today.plusDays(1));
        }
        Matcher m = WEEKDAY.matcher(words);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean nextWeek = "next".equals(m.group(1));
        return weekday(m.group(2))
                .map(day -> nextWeek
                        ? today.plusWeeks(1).with(ChronoField.DAY_OF_WEEK, day.getValue())
                        : today.with(TemporalAdjusters.nextOrSame(day)));
    }

    /** A day and month with the year given, or else the next time that day comes round. */
    private static LocalDate date(int dayOfMonth, Month month, String year, LocalDate today) {
        if (year != null) {
            return LocalDate.of(Integer.parseInt(year), month, dayOfMonth);
        }
        LocalDate thisYear = LocalDate.of(today.getYear(), month, dayOfMonth);
        return thisYear.isBefore(today) ? LocalDate.of(today.getYear() + 1, month, dayOfMonth) : thisYear;
    }

    private static Optional<Month> month(String word) {
        return word.length() < 3
                ? Optional.empty()
                : Arrays.stream(Month.values())
                        .filter(m -> m.name().toLowerCase(Locale.ROOT).startsWith(word))
                        .findFirst();
    }

    private static Optional<DayOfWeek> weekday(String word) {
        return word.length() < 3
                ? Optional.empty()
                : Arrays.stream(DayOfWeek.values())
                        .filter(d -> d.name().toLowerCase(Locale.ROOT).startsWith(word))
                        .findFirst();
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
