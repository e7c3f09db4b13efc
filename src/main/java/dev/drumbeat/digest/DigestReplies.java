package dev.drumbeat.digest;

import dev.drumbeat.catalog.Tier;
import dev.drumbeat.checkin.CheckInStatus;
import dev.drumbeat.digest.DigestFacts.ServiceFact;
import dev.drumbeat.digest.DigestFacts.Totals;
import dev.drumbeat.digest.DigestPages.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The digest's thread: red and amber services with their hurdles, stale and ownerless items with their ages,
 * and cost and margin by tier, each split into as many replies as it takes. A list with nothing in it is left out.
 */
final class DigestReplies {
    private final DigestWords words;

    DigestReplies(DigestWords words) {
        this.words = words;
    }

    List<Page> pages(DigestReport report) {
        List<Page> pages = new ArrayList<>();
        List<String> redAndAmber =
                report.redAndAmber().stream().map(s -> statusLine(s, report)).toList();
        if (!redAndAmber.isEmpty()) {
            pages.addAll(DigestPages.of("Red and amber services", redAndAmber));
        }
        List<String> attention = report.attention().stream()
                .map(a -> words.attentionLine(a, report.at()))
                .toList();
        if (!attention.isEmpty()) {
            pages.addAll(DigestPages.of("Stale and ownerless", attention));
        }
        pages.addAll(DigestPages.of("Cost and margin by tier", tierLines(report)));
        return pages;
    }

    private String statusLine(ServiceFact service, DigestReport report) {
        CheckInStatus status = service.statusIn(report.period()).orElseThrow();
        return words.serviceLine(service, status.label(), status.emoji());
    }

    private List<String> tierLines(DigestReport report) {
        List<String> lines = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            Totals now = report.byTier().getOrDefault(tier, Totals.NONE);
            Optional<Totals> then = report.monthAgoByTier().map(t -> t.getOrDefault(tier, Totals.NONE));
            lines.add(tierLine(capitalised(tier.label()), now, then));
        }
        lines.add(tierLine("All tiers", report.total(), report.monthAgoTotal()));
        return lines;
    }

    private String tierLine(String name, Totals now, Optional<Totals> then) {
        return "*" + name + "* · " + now.services() + (now.services() == 1 ? " service" : " services")
                + "\n    cost " + words.money(now.cost()) + ", "
                + words.againstMonthAgo(now.cost(), then.map(Totals::cost))
                + "\n    value " + words.money(now.value()) + " · margin " + words.money(now.margin()) + ", "
                + words.againstMonthAgo(now.margin(), then.map(Totals::margin));
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
