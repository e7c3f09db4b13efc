package dev.drumbeat.ask.question;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * "What if the cloud migration slips six weeks?" and its variants ("is delayed by a month", "is
 * three weeks late", "what if we delay … by a fortnight"). Durations are kept in the unit they were said in, on the
 * calendar money uses: weeks (a fortnight is two, days only when they make whole weeks), months, quarters (three
 * months). A slip of unsaid or
 * vague length ("a few weeks") is refused with a sentence asking for a number. Immutable and thread-safe.
 */
final class QuestionSlips {

    private static final String NAME = "(?<name>.+?)";
    private static final String DURATION = "(?<count>\\d{1,6}|a few|few|several|" + QuestionNumbers.WORDS + ")"
            + " (?<unit>weeks?|wks?|months?|fortnights?|quarters?|days?)";
    private static final String SLIPS = "(?:slips?|slipped|slipping|slides?|slid|is delayed|was delayed|gets delayed"
            + "|got delayed|were delayed|are delayed|is late|runs late|is running late|runs over|overruns?"
            + "|(?:is|gets|got) pushed(?: back| out)?|(?:is|gets) postponed|(?:is|gets) deferred|moves(?: out| back)?"
            + "|(?:is|gets) moved(?: out| back)?|falls behind|is behind)";
    private static final String WHAT_IF = "(?:so |and )?what(?: would| will)?(?: happens?| is the impact| is the cost"
            + "| is the damage| does it cost(?: us)?| would it cost(?: us)?)? (?:if|when)";
    private static final List<Pattern> SHAPES = Stream.of(
                    WHAT_IF + " " + NAME + " " + SLIPS + "(?: by| for)? " + DURATION
                            + "(?: late| longer| behind| more| over)?",
                    WHAT_IF + " " + NAME + " (?:is|was|runs|goes|comes in|lands|finishes|ends up) " + DURATION
                            + " (?:late|behind|over|longer|behind schedule|over schedule)",
                    WHAT_IF + " we (?:delay|postpone|push back|push|defer|slip) " + NAME + "(?: back| out)? (?:by|for) "
                            + DURATION,
                    "(?:what is |what would be )?(?:the )?(?:impact|cost|effect) of " + NAME + " slipping(?: by)? "
                            + DURATION,
                    "(?:what is |what would be )?(?:the )?(?:impact|cost|effect) of (?:a |an )?" + DURATION
                            + "(?: long)? (?:slip|delay|overrun) (?:on|in|to|for|of|with) " + NAME,
                    "if " + NAME + " " + SLIPS + "(?: by| for)? " + DURATION
                            + "(?: ,)? what (?:happens|then|is the impact)")
            .map(Pattern::compile)
            .toList();
    private static final Pattern ANY_SLIP = Pattern.compile("^(?:" + WHAT_IF + "|if) .*\\b" + SLIPS + "\\b");
    private static final int DAYS_PER_WEEK = 7;

    private final QuestionNames initiatives;

    QuestionSlips(QuestionNames initiatives) {
        this.initiatives = initiatives;
    }

    Optional<Question> read(QuestionText text) {
        for (Pattern shape : SHAPES) {
            Matcher slip = shape.matcher(text.canonical());
            if (slip.matches()) {
                Amount.Per length = length(slip.group("count"), slip.group("unit"));
                String typed = text.original(slip.start("name"), slip.end("name"));
                return Optional.of(new Question.WhatIfSlips(initiatives.keyOf(typed), length));
            }
        }
        if (ANY_SLIP.matcher(text.canonical()).find()) {
            throw new QuestionRefusal(
                    "Say how long the slip is, for example \"what if the cloud migration slips six weeks\".");
        }
        return Optional.empty();
    }

    private static Amount.Per length(String countWord, String unit) {
        OptionalInt count = QuestionNumbers.valueOf(countWord);
        if (count.isEmpty()) {
            throw new QuestionRefusal("Say exactly how many " + unit + ", for example \"six weeks\".");
        }
        int n = count.getAsInt();
        if (n == 0) {
            throw new QuestionRefusal("A slip of no time at all costs nothing; say how many weeks.");
        }
        return switch (unit.charAt(0)) {
            case 'd' -> weeks(wholeWeeks(n));
            case 'f' -> weeks(2 * n);
            case 'm' -> new Amount.Per(BigDecimal.valueOf(n), BigDecimal.ONE, n == 1 ? "1 month" : n + " months");
            case 'q' ->
                new Amount.Per(BigDecimal.valueOf(3L * n), BigDecimal.ONE, n == 1 ? "a quarter" : n + " quarters");
            default -> weeks(n);
        };
    }

    /** {@code weeks} whole weeks, each 12/52 of a month. */
    static Amount.Per weeks(int weeks) {
        if (weeks <= 0) {
            throw new IllegalArgumentException("A slip lasts at least one week, not " + weeks);
        }
        return new Amount.Per(
                BigDecimal.valueOf(12L * weeks), BigDecimal.valueOf(52), weeks == 1 ? "1 week" : weeks + " weeks");
    }

    private static int wholeWeeks(int days) {
        if (days % DAYS_PER_WEEK != 0) {
            throw new QuestionRefusal(
                    "Slips are counted in whole weeks; " + days + " days is not one. Say it in weeks.");
        }
        return days / DAYS_PER_WEEK;
    }
}
