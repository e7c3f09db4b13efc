package dev.drumbeat.escalation.rules;

import dev.drumbeat.slack.SlackBlocks;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The detail of a measuring-failing finding, worded for a Slack message: for each failing binding, what it measures,
 * its query, how many periods running it gave nothing, and the latest reason with Prometheus's sentence. KPI names,
 * queries and what Prometheus said are escaped. Pure and thread-safe.
 */
final class MeasureFindingsText {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    /** A query longer than this is cut in the message; the whole one is in `/drumbeat sources`. */
    private static final int MAX_QUERY = 200;

    private static final int MAX_SAID = 400;
    /** A detail stays well inside a section's 3,000 characters, with the headline above it. */
    private static final int MAX_DETAIL = 2000;

    private static final Map<String, String> REASONS = Map.of(
            "unreachable", "Prometheus unreachable",
            "timed_out", "timed out",
            "query_error", "query error",
            "empty", "no series",
            "stale", "the series stopped",
            "several_series", "several series",
            "not_a_number", "not a number",
            "out_of_range", "out of range",
            "not_configured", "no Prometheus configured");

    private MeasureFindingsText() {}

    static String failing(List<FailingMeasure> bindings, LocalDate today) {
        return SlackBlocks.clip(
                bindings.stream().map(b -> binding(b, today)).collect(Collectors.joining("\n")), MAX_DETAIL);
    }

    private static String binding(FailingMeasure b, LocalDate today) {
        String what = b.kpiName().map(SlackBlocks::escape).orElse("Monthly demand");
        String unit =
                b.isDemand() ? (b.periods() == 1 ? " month" : " months") : (b.periods() == 1 ? " week" : " weeks");
        StringBuilder text = new StringBuilder()
                .append(what)
                .append(", measured by `")
                .append(SlackBlocks.escape(SlackBlocks.clip(b.query(), MAX_QUERY)))
                .append("`, gave no number ")
                .append(b.periods())
                .append(unit)
                .append(" running");
        if (b.lastPeriod().isPresent() && b.lastReason().isPresent()) {
            text.append("; ")
                    .append(period(b, b.lastPeriod().get(), today))
                    .append(": ")
                    .append(REASONS.getOrDefault(
                            b.lastReason().get(), b.lastReason().get()));
            String said = b.lastDetail().strip();
            if (!said.isEmpty()) {
                text.append(" (")
                        .append(SlackBlocks.escape(SlackBlocks.clip(said, MAX_SAID)))
                        .append(")");
            }
        }
        return text.toString();
    }

    private static String period(FailingMeasure b, LocalDate period, LocalDate today) {
        return b.isDemand()
                ? "the month of " + MONTH.format(period)
                : "the week of " + EscalationRulesText.day(period, today);
    }
}
