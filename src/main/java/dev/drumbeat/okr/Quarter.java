package dev.drumbeat.okr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * A calendar quarter, the rhythm objectives run on: 2027-Q1 is 1 January up to (not including) 1 April. Immutable.
 */
public record Quarter(int year, int number) implements Comparable<Quarter> {
    private static final int SHARE_SCALE = 4;

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4, not " + number);
        }
    }

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
    }

    /** Reads {@code 2027-Q1} (case-insensitive, {@code 2027Q1} too). */
    public static Quarter parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (!t.matches("\\d{4}-?Q[1-4]")) {
            throw new IllegalArgumentException("write a quarter as 2027-Q1");
        }
        return new Quarter(Integer.parseInt(t.substring(0, 4)), t.charAt(t.length() - 1) - '0');
    }

    public LocalDate start() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    /** The first day after the quarter. */
    public LocalDate end() {
        return start().plusMonths(3);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    /**
     * How much of the quarter has passed by the start of {@code day}, from 0 on its first day to 1 from the day after
     * its last; before the quarter 0, after it 1.
     */
    public BigDecimal elapsedShare(LocalDate day) {
        long total = ChronoUnit.DAYS.between(start(), end());
        long passed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(start(), day)));
        return BigDecimal.valueOf(passed).divide(BigDecimal.valueOf(total), SHARE_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * As {@link #elapsedShare(LocalDate)}, but of the part of the quarter from {@code from} on (a key result set
     * part way through is measured against the time it had, not the whole quarter); {@code from} before the quarter
     * counts as its start.
     */
    public BigDecimal elapsedShare(LocalDate from, LocalDate day) {
        LocalDate begin = from.isAfter(start()) ? from : start();
        if (!begin.isBefore(end())) {
            return BigDecimal.ZERO.setScale(SHARE_SCALE);
        }
        long total = ChronoUnit.DAYS.between(begin, end());
        long passed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(begin, day)));
        return BigDecimal.valueOf(passed).divide(BigDecimal.valueOf(total), SHARE_SCALE, RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
