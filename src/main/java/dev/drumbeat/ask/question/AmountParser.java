package dev.drumbeat.ask.question;

import dev.drumbeat.ask.question.Amount.Per;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the saving in a question: "50k", "$1.2m", "1.2 million", "120,000", "half a million",
 * "€40k a quarter", "£2.5k per month", "2% of monthly cost", "5 percent". A currency sign or word
 * is skipped, since the workspace has one currency. Without a period a sum is per month, the
 * advisor's unit. Numbers that could be read two ways are refused, never guessed. Expects the
 * lower-case text {@link QuestionText} makes. Stateless and thread-safe.
 */
final class AmountParser {

    private static final String SCALE =
            "hundred thousand|hundred|thousand|thou|grand|millions|million|mill|mil|mm|mn|m|billion|bn|b|k";
    private static final String PERCENT_OF_COST = "(?:\\s(?:of|off)(?:\\s(?:the|our|total|overall|monthly|quarterly"
            + "|annual|yearly|portfolio|service|services|its|it|all|running|operating|current|entire|whole))*"
            + "\\s(?:costs?|spend|spending|budget|bill|run rate|run-rate|outgoings|expenses?|opex|cost base))?";
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\w.,$€£])(?:[$€£]\\s?)?(?:"
            + "(?<digits>\\d[\\d,.]*)\\s?(?:(?<percent>%|percent|per cent|pct)" + PERCENT_OF_COST
            + "|(?<scale>" + SCALE + ")(?![a-z]))?"
            + "|(?<word>half a|" + QuestionNumbers.WORDS + ")\\s(?<wordScale>hundred thousand|hundred|thousand|grand"
            + "|million|billion)(?![a-z]))");
    private static final Pattern SPACED_THOUSANDS = Pattern.compile("(?<![\\w.,])\\d{1,3}(?: \\d{3})+(?![\\w.,])");
    private static final Pattern PERIOD = Pattern.compile("(?<![\\w.])(?:(?:per|an|a|each|every|this|next|in an?"
            + "|in the|over the next|over an?|over the|within an?|for each|for an?|for the|the)\\s"
            + "(?<noun>months?|mo|mth|quarters?|qtr|q|years?|yr|annum|days?|weeks?|wk|fortnights?|half[- ]years?)"
            + "|(?<adverb>monthly|quarterly|annually|yearly|annual|annualised|pcm|pa|p\\.a|pm|daily|weekly|fortnightly"
            + "|half-yearly|semi-annually|semiannually))(?![\\w])");
    private static final String UNITS = "(?<unit>days?|weeks?|fortnights?|months?|quarters?|years?)";
    /** A span: "over six months", "over the next 3 weeks", "every 6 months". */
    private static final Pattern SPAN = Pattern.compile("(?<![\\w.])(?<how>over|across|within|in|every)\\s(?:the\\s)?"
            + "(?:next\\s|coming\\s|following\\s)?(?<count>\\d{1,3}|" + QuestionNumbers.WORDS + ")\\s" + UNITS
            + "(?![\\w])");
    /** A deadline rather than a period: the months it leaves depend on the day, so it is asked back. */
    private static final Pattern DEADLINE =
            Pattern.compile("(?<![\\w.])by\\s(?:the\\s)?(?:end\\sof\\s(?:the\\s|this\\s|next\\s)?"
                    + "(?:financial\\s|fiscal\\s|calendar\\s)?(?:year|quarter|month|half|fy)|(?:year|quarter|month)[- ]end"
                    + "|eo[yqm]|q[1-4]|(?:january|february|march|april|may|june|july|august|september|october|november"
                    + "|december))(?![\\w])");

    private static final int PERIOD_REACH_WORDS = 5;
    /** A currency named next to an amount: a sign before it, a code or word just before or after it. */
    private static final Pattern CURRENCY = Pattern.compile("(?<![\\w])(?<word>usd|eur|gbp|chf|jpy|cad|aud|nzd|sgd"
            + "|hkd|inr|sek|nok|dkk|euros?|dollars?|pounds?|bucks|quid|yen)(?![\\w])");

    private static final int CURRENCY_REACH = 12;
    /** What follows a number that counts periods ("over 3 weeks") rather than money. */
    private static final Pattern COUNT_OF_PERIODS =
            Pattern.compile("\\s?(?:days?|weeks?|wks?|fortnights?|months?|quarters?|years?|yrs?)(?![\\w])");
    /** A sign or word just before an amount that makes it negative: a saving is more than zero. */
    private static final Pattern NEGATIVE = Pattern.compile("(?:-|−|minus |negative )\\s?[$€£]?\\s?$");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The largest saving asked for that money columns (numeric(14, 2)) can hold as a monthly figure. */
    private static final BigDecimal LARGEST = new BigDecimal("999999999999");

    private AmountParser() {}

    /** The first amount in {@code text}, with the period said after it (or failing that, before it). */
    static AmountParse find(String text) {
        return find(text, 0, Optional.empty());
    }

    /** The first amount at or after {@code from}; a period may still be said anywhere before it. */
    static AmountParse find(String text, int from) {
        return find(text, from, Optional.empty());
    }

    /**
     * As {@link #find(String, int)}, on {@code today} (UTC) if known, so a deadline ("by the end of the year") is read as
     * the days it leaves; without a day it is asked back.
     */
    static AmountParse find(String text, int from, Optional<LocalDate> today) {
        AmountParse first = first(text, from, today);
        if (first instanceof AmountParse.Found) {
            Matcher amounts = AMOUNT.matcher(text);
            List<String> said = new ArrayList<>();
            while (amounts.find(from) && said.size() < 2) {
                if (!COUNT_OF_PERIODS.matcher(text.substring(amounts.end())).lookingAt()) {
                    said.add(amounts.group().strip());
                }
                from = amounts.end();
            }
            if (said.size() > 1) {
                return new AmountParse.Refused("I see two amounts, " + said.get(0) + " and " + said.get(1)
                        + ", and won't guess which you mean. Ask again with the one to save.");
            }
        }
        return first;
    }

    private static AmountParse first(String text, int from, Optional<LocalDate> today) {
        Matcher spaced = SPACED_THOUSANDS.matcher(text);
        if (spaced.find(from)) {
            return spacedThousands(spaced.group());
        }
        Matcher amount = AMOUNT.matcher(text);
        if (!amount.find(from)) {
            return new AmountParse.Absent();
        }
        if (amount.group("word") != null) {
            return money(wordValue(amount.group("word"), amount.group("wordScale")), text, amount, today);
        }
        String digits = amount.group("digits").replaceAll("[.,]+$", "");
        Optional<BigDecimal> number = AmountNumber.readDigits(digits);
        if (number.isEmpty()) {
            return new AmountParse.Refused(AmountNumber.ambiguity(digits, amount.group("scale")));
        }
        return amount.group("percent") != null
                ? percent(number.get(), new QuestionSpan(amount.start(), amount.end()))
                : money(AmountNumber.scaled(number.get(), amount.group("scale")), text, amount, today);
    }

    /** "50 000": one number with spaces between its thousands, or two numbers? */
    private static AmountParse spacedThousands(String digits) {
        return new AmountParse.Refused("I can't tell whether \"" + digits + "\" is one number or several. "
                + "Write it as " + digits.replace(" ", "") + " or " + digits.replace(' ', ',') + ".");
    }

    private static AmountParse money(BigDecimal value, String text, Matcher amount, Optional<LocalDate> today) {
        if (value.signum() <= 0
                || NEGATIVE.matcher(text.substring(0, amount.start())).find()) {
            return new AmountParse.Refused("A saving has to be more than zero.");
        }
        if (value.compareTo(LARGEST) > 0) {
            return new AmountParse.Refused("That saving is more than a trillion; Drumbeat counts money up to"
                    + " 999 billion. Ask for a smaller one.");
        }
        List<QuestionSpan> used = new ArrayList<>();
        used.add(new QuestionSpan(amount.start(), amount.end()));
        Matcher deadline = DEADLINE.matcher(text);
        Optional<Per> untilDeadline = Optional.empty();
        if (deadline.find()) {
            String said = deadline.group();
            untilDeadline = today.flatMap(day -> untilEndOf(said, day));
            if (untilDeadline.isEmpty()) {
                return new AmountParse.Refused("I can't read a saving \"" + said + "\" as a monthly figure. Say it per"
                        + " period, for example \"40k a month\", or over a span, \"240k over 6 months\".");
            }
            used.add(new QuestionSpan(deadline.start(), deadline.end()));
        }
        Per per;
        if (untilDeadline.isPresent()) {
            per = untilDeadline.get();
        } else {
            Optional<Said<Per>> period = periodAround(text, amount.start(), amount.end());
            period.ifPresent(p -> used.add(p.span()));
            per = period.map(Said::value).orElse(Per.MONTH);
        }
        Amount found = Amount.of(value, per);
        Optional<Said<String>> currency = currencyAround(text, amount);
        currency.ifPresent(c -> used.add(c.span()));
        return new AmountParse.Found(currency.map(c -> found.saidIn(c.value())).orElse(found), used);
    }

    /** A value and where in the text it was said. */
    private record Said<T>(T value, QuestionSpan span) {
        Said<T> shifted(int by) {
            return new Said<>(value, span.shifted(by));
        }
    }

    private static AmountParse percent(BigDecimal value, QuestionSpan said) {
        if (value.signum() <= 0) {
            return new AmountParse.Refused("A saving has to be more than zero.");
        }
        if (value.compareTo(HUNDRED) > 0) {
            return new AmountParse.Refused("A saving can't be more than 100% of the cost.");
        }
        return new AmountParse.Found(Amount.percentOfMonthlyCost(value), List.of(said));
    }

    private static BigDecimal wordValue(String word, String scale) {
        BigDecimal count = word.equals("half a")
                ? new BigDecimal("0.5")
                : BigDecimal.valueOf(QuestionNumbers.valueOf(word).orElse(1));
        return AmountNumber.scaled(count, scale);
    }

    /**
     * The days from {@code today} to the end of this calendar year, half, quarter or month, inclusive, as a period on
     * the calendar money uses; empty for a deadline whose end Drumbeat does not know (a financial year, a named month
     * or quarter).
     */
    private static Optional<Per> untilEndOf(String deadline, LocalDate today) {
        if (deadline.matches(".*(?:financial|fiscal|fy|next|q[1-4]|january|february|march|april|may|june|july"
                + "|august|september|october|november|december).*")) {
            return Optional.empty();
        }
        LocalDate end;
        String what;
        if (deadline.contains("quarter") || deadline.equals("by eoq")) {
            int lastMonth = ((today.getMonthValue() - 1) / 3) * 3 + 3;
            end = LocalDate.of(today.getYear(), lastMonth, 1).with(TemporalAdjusters.lastDayOfMonth());
            what = "the quarter";
        } else if (deadline.contains("month") || deadline.equals("by eom")) {
            end = today.with(TemporalAdjusters.lastDayOfMonth());
            what = "the month";
        } else if (deadline.contains("half")) {
            end = today.getMonthValue() <= 6
                    ? LocalDate.of(today.getYear(), 6, 30)
                    : LocalDate.of(today.getYear(), 12, 31);
            what = "the half year";
        } else {
            end = LocalDate.of(today.getYear(), 12, 31);
            what = "the year";
        }
        long days = ChronoUnit.DAYS.between(today, end) + 1;
        return Optional.of(new Per(
                BigDecimal.valueOf(12 * days),
                BigDecimal.valueOf(365),
                "by the end of " + what + " (" + days + (days == 1 ? " day" : " days") + " left)"));
    }

    /** The currency said with the amount: its sign, or a code or word right before or after it. */
    private static Optional<Said<String>> currencyAround(String text, Matcher amount) {
        String matched = amount.group();
        for (String sign : new String[] {"$", "€", "£", "¥"}) {
            if (matched.startsWith(sign)) {
                return Optional.of(new Said<>(sign, new QuestionSpan(amount.start(), amount.start() + 1)));
            }
        }
        int from = Math.max(0, amount.start() - CURRENCY_REACH);
        int to = Math.min(text.length(), amount.end() + CURRENCY_REACH);
        Matcher word = CURRENCY.matcher(text.substring(from, to));
        return word.find()
                ? Optional.of(new Said<>(word.group("word"), new QuestionSpan(from + word.start(), from + word.end())))
                : Optional.empty();
    }

    /**
     * A span or period within a few words after the amount wins; then one anywhere before it; empty when none was
     * said, which is a month. A span ("over six months") is read before a period, since "over the next month" is both.
     */
    private static Optional<Said<Per>> periodAround(String text, int start, int end) {
        int afterStart = end;
        while (afterStart < text.length() && text.charAt(afterStart) == ' ') {
            afterStart++;
        }
        String after = firstWords(text.substring(afterStart), PERIOD_REACH_WORDS + 1);
        String before = text.substring(0, start);
        int shift = afterStart;
        return spanIn(after)
                .map(said -> said.shifted(shift))
                .or(() -> periodIn(after).map(said -> said.shifted(shift)))
                .or(() -> spanIn(before))
                .or(() -> periodIn(before));
    }

    private static Optional<Said<Per>> spanIn(String text) {
        Matcher span = SPAN.matcher(text);
        if (!span.find()) {
            return Optional.empty();
        }
        QuestionSpan said = new QuestionSpan(span.start(), span.end());
        String countText = span.group("count");
        int count = Character.isDigit(countText.charAt(0))
                ? Integer.parseInt(countText)
                : QuestionNumbers.valueOf(countText).orElse(1);
        String unitWord = span.group("unit").replaceAll("s$", "");
        Per unit = switch (unitWord) {
            case "day" -> Per.DAY;
            case "week" -> Per.WEEK;
            case "fortnight" -> Per.FORTNIGHT;
            case "quarter" -> Per.QUARTER;
            case "year" -> Per.YEAR;
            default -> Per.MONTH;
        };
        if (count <= 1) {
            return Optional.of(new Said<>(unit, said));
        }
        Per over = Per.over(count, unit, unitWord + "s");
        return Optional.of(new Said<>(span.group("how").equals("every") ? named(over) : over, said));
    }

    /** A span that is a period of its own ("every six months") reads back as that period ("half a year"). */
    private static Per named(Per span) {
        for (Per period : new Per[] {Per.FORTNIGHT, Per.QUARTER, Per.HALF_YEAR, Per.YEAR}) {
            if (span.numerator()
                            .multiply(period.denominator())
                            .compareTo(period.numerator().multiply(span.denominator()))
                    == 0) {
                return period;
            }
        }
        return span;
    }

    private static Optional<Said<Per>> periodIn(String text) {
        Matcher period = PERIOD.matcher(text);
        if (!period.find()) {
            return Optional.empty();
        }
        QuestionSpan said = new QuestionSpan(period.start(), period.end());
        return Optional.of(new Said<>(periodOf(period), said));
    }

    private static Per periodOf(Matcher period) {
        String word = period.group("noun") != null ? period.group("noun") : period.group("adverb");
        if (word.startsWith("q")) {
            return Per.QUARTER;
        }
        if (word.startsWith("half") || word.startsWith("semi")) {
            return Per.HALF_YEAR;
        }
        if (word.startsWith("d")) {
            return Per.DAY;
        }
        if (word.startsWith("f")) {
            return Per.FORTNIGHT;
        }
        if (word.startsWith("w")) {
            return Per.WEEK;
        }
        boolean monthly = word.startsWith("m") || word.equals("pcm") || word.equals("pm");
        return monthly ? Per.MONTH : Per.YEAR;
    }

    private static String firstWords(String text, int count) {
        String[] words = text.strip().split("\\s+", count + 1);
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(count, words.length)));
    }
}
