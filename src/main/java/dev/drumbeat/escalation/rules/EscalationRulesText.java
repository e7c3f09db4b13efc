package dev.drumbeat.escalation.rules;

import dev.drumbeat.slack.SlackBlocks;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The short details {@link EscalationRules} puts on each finding, worded for a Slack message: mrkdwn, with names
 * people typed escaped and Drumbeat's own mentions live. Pure and thread-safe.
 */
final class EscalationRulesText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private EscalationRulesText() {}

    static String ownerless(Optional<String> ownerId) {
        return ownerId.map(id -> "owner <@" + id + "> is no longer active in Slack")
                .orElse("no owner");
    }

    static String stale(Optional<LocalDate> lastCheckIn, LocalDate today) {
        return lastCheckIn
                .map(period -> "no check-in since the week of " + day(period, today))
                .orElse("never checked in");
    }

    static String redFor(int periods) {
        return "red for " + weeks(periods);
    }

    static String kpiOff(Optional<String> kpi, int periods) {
        return kpi.map(SlackBlocks::escape).orElse("a KPI") + " off target for " + weeks(periods);
    }

    static String awayUncovered(LocalDate lastDayAway, LocalDate today) {
        return "owner away until " + day(lastDayAway, today) + " and no deputy covers";
    }

    static String slipping(Optional<LocalDate> overdue, int linkedRed, int linkedServices, LocalDate today) {
        List<String> parts = new ArrayList<>();
        overdue.ifPresent(due -> parts.add("past its due date of " + day(due, today)));
        if (linkedRed > 0) {
            parts.add(linkedRed + " of " + linkedServices + " linked " + (linkedServices == 1 ? "service" : "services")
                    + " red");
        }
        return String.join("; ", parts);
    }

    static String weeks(int n) {
        return n + (n == 1 ? " week" : " weeks");
    }

    /** "9 Nov", or "9 Nov 2025" when the year is not the current one. */
    static String day(LocalDate date, LocalDate today) {
        return (date.getYear() == today.getYear() ? DAY : DAY_YEAR).format(date);
    }
}
