package dev.drumbeat.checkin;

import dev.drumbeat.core.Money;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What a measured KPI's hint says under its field in the check-in modal: where the number came from (the query, and
 * when it measured while the week runs), or why there is none, and what to do. The hint is plain_text, which Slack shows as
 * written: nothing in it is escaped or formatted, only clipped.
 */
final class MeasuredHints {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM", Locale.UK);
    private static final int MAX_QUERY_SHOWN = 300;
    private static final int MAX_REASON_SHOWN = 600;

    private MeasuredHints() {}

    /**
     * The hint's measured part: {@code typed} is the typed value the field shows instead, {@code prefilled} whether
     * the field holds a value whose change needs a reason.
     */
    static String of(Kpi kpi, MeasuredKpi measured, Optional<BigDecimal> typed, boolean prefilled) {
        if (measured.value().isEmpty()) {
            return "Not measured: " + SlackBlocks.clip(measured.missing(), MAX_REASON_SHOWN)
                    + (typed.isPresent()
                            ? " The value shown was typed."
                            : " Type the value, or leave it empty to skip.");
        }
        String value = Money.measure(measured.shown().orElseThrow(), kpi.unit());
        String source = source(measured);
        if (typed.isPresent()) {
            return "Typed over the measured " + value + " (" + source + "). Keep it, or change it and give a reason.";
        }
        String where = capitalise(source) + ".";
        return prefilled
                ? where + " Keep it, or change it and give a reason."
                : where + " It measured " + value + ": type a value to change it, or leave it empty to keep it.";
    }

    private static String source(MeasuredKpi measured) {
        String query = "“" + SlackBlocks.clip(measured.query(), MAX_QUERY_SHOWN) + "”";
        if (measured.ended()) {
            return "measured for the week by " + query;
        }
        return "measured by " + query + " at " + AT.format(measured.measuredAt().atZone(measured.zone()))
                + "; Drumbeat records the week's value when it ends ("
                + AT.format(measured.periodEnd().atZone(measured.zone())) + ")";
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
