package dev.drumbeat.digest;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.checkin.CheckInStatus;
import dev.drumbeat.digest.DigestFacts.OpenEscalation;
import dev.drumbeat.digest.DigestFacts.ServiceFact;
import dev.drumbeat.digest.DigestFacts.Totals;
import dev.drumbeat.slack.SlackBlocks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The digest's headline message: short enough that nobody scrolls past it. RAG counts, stale and ownerless
 * counts, cost and margin against a month ago, and the top five risks; the details go in the thread.
 */
final class DigestViews {
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.UK);
    private final DigestWords words;

    DigestViews(DigestWords words) {
        this.words = words;
    }

    static String text(DigestReport report) {
        DigestReport.Rag rag = report.rag();
        return "Leadership digest for the week of " + WEEK.format(report.period()) + ": " + rag.red() + " red and "
                + rag.amber() + " amber check-ins this week, " + report.stale() + " stale, " + report.ownerless()
                + " ownerless.";
    }

    List<LayoutBlock> headline(DigestReport report, ZoneId zone) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.heading("Leadership digest · week of " + WEEK.format(report.period())));
        blocks.add(SlackBlocks.markdown(counts(report)));
        blocks.add(SlackBlocks.fields(money(report)));
        blocks.add(SlackBlocks.markdown(risks(report)));
        if (!report.windingDown().isEmpty()) {
            blocks.add(SlackBlocks.markdown(windingDown(report)));
        }
        blocks.add(SlackBlocks.note("Details in the thread. Figures as of "
                + AS_OF.format(report.at().atZone(zone))
                + "; a month ago is the catalog as it stood 30 days earlier."));
        return blocks;
    }

    /** This week's check-ins only, said in the label: Home's counts are each service's latest, whatever its week. */
    private static String counts(DigestReport report) {
        DigestReport.Rag rag = report.rag();
        return "*Check-ins this week*   " + CheckInStatus.GREEN.emoji() + " *" + rag.green() + "* green   "
                + CheckInStatus.AMBER.emoji() + " *" + rag.amber() + "* amber   " + CheckInStatus.RED.emoji() + " *"
                + rag.red() + "* red   :white_circle: *" + rag.none()
                + "* not checked in\n:hourglass_flowing_sand: *" + report.stale() + "* stale   :bust_in_silhouette: *"
                + report.ownerless() + "* ownerless";
    }

    /**
     * Services a standing decision deprioritised: being wound down, so not asked to check in nor escalated as stale,
     * and still in the cost figures above until they are retired.
     */
    private static String windingDown(DigestReport report) {
        List<String> names = report.windingDown().stream()
                .limit(DigestReport.TOP_RISKS * 2)
                .map(s -> SlackBlocks.escape(s.name()))
                .toList();
        int more = report.windingDown().size() - names.size();
        return ":small_red_triangle_down: *Winding down* (deprioritised by a decision; not asked to check in, still in"
                + " the costs above): " + String.join(", ", names) + (more > 0 ? " and " + more + " more" : "")
                + ". `/drumbeat decisions` lists the decisions, with Undo.";
    }

    private List<String> money(DigestReport report) {
        Totals now = report.total();
        Optional<Totals> then = report.monthAgoTotal();
        return List.of(
                "*Monthly cost*\n" + words.money(now.cost()) + "\n"
                        + words.againstMonthAgo(now.cost(), then.map(Totals::cost)),
                "*Monthly margin*\n" + words.money(now.margin()) + " on " + words.money(now.value()) + " of value\n"
                        + words.againstMonthAgo(now.margin(), then.map(Totals::margin)));
    }

    private String risks(DigestReport report) {
        List<String> lines = new ArrayList<>();
        if (!report.topEscalations().isEmpty()) {
            report.topEscalations().forEach(e -> lines.add(escalationRisk(e, report)));
        } else {
            report.topRed().forEach(s -> lines.add(redRisk(s)));
        }
        if (lines.isEmpty()) {
            return "*Top risks*\nNothing escalated and nothing red this week.";
        }
        StringBuilder text = new StringBuilder("*Top risks*");
        for (int i = 0; i < lines.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(SlackBlocks.clip(lines.get(i), 500));
        }
        return text.toString();
    }

    private static String escalationRisk(OpenEscalation escalation, DigestReport report) {
        return "*" + SlackBlocks.escape(escalation.name()) + "* — "
                + escalation.reason().words() + " · level "
                + escalation.level() + " · " + DigestWords.age(escalation.openedAt(), report.at()) + " · "
                + DigestWords.owner(escalation.ownerName());
    }

    private String redRisk(ServiceFact service) {
        return words.serviceLine(service, "red", CheckInStatus.RED.emoji());
    }
}
