package dev.drumbeat.ask;

import dev.drumbeat.ask.advisor.Advice;
import dev.drumbeat.ask.advisor.AdvisorRules;
import dev.drumbeat.ask.advisor.Candidate;
import dev.drumbeat.ask.advisor.ImpactWeights;
import dev.drumbeat.ask.advisor.Optimiser;
import dev.drumbeat.ask.advisor.PortfolioItem;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lines of an advisor's answer that describe one thing each: a pick, what was left alone, the next-best set and
 * how the picks were chosen. Names are escaped for mrkdwn; lists of names are cut to a few, with how many more.
 */
final class AdviceLines {
    private static final int MAX_NAMES = 3;
    private final Money money;

    AdviceLines(Money money) {
        this.money = money;
    }

    String pick(Advice advice, Candidate c) {
        StringBuilder line = new StringBuilder("• *")
                .append(SlackBlocks.escape(c.name()))
                .append("* `")
                .append(c.key())
                .append("` · ")
                .append(c.kind() == Candidate.Kind.INITIATIVE ? "initiative" : c.tier())
                .append(" · saves *")
                .append(money.format(c.monthlySaving()))
                .append("*/mo (")
                .append(basis(advice.item(c)))
                .append(") · ")
                .append(c.kind() == Candidate.Kind.INITIATIVE ? "slip cost " : "value lost ")
                .append(money.format(c.monthlyValueLost()))
                .append(" · margin ")
                .append(money.signed(Advice.marginEffect(c)))
                .append(" · ")
                .append(c.ownerId().map(Mentions::mention).orElse("no owner"));
        PortfolioItem item = advice.item(c);
        if (item != null && !item.kpisOnTarget().isEmpty()) {
            line.append(" · KPIs on target: ").append(SlackBlocks.escape(String.join(", ", item.kpisOnTarget())));
        }
        int keyResults = item == null ? 0 : item.keyResults().size();
        int initiatives = c.openDependencies() - keyResults;
        if (initiatives > 0 && c.kind() == Candidate.Kind.SERVICE) {
            line.append(" · ")
                    .append(AdviceViews.count(initiatives, "initiative"))
                    .append(" relying on it");
        } else if (c.openDependencies() > 0 && c.kind() == Candidate.Kind.INITIATIVE) {
            line.append(" · delivering for ").append(AdviceViews.count(c.openDependencies(), "service"));
        }
        if (keyResults > 0) {
            line.append(" · would hurt key results: ").append(SlackBlocks.escape(String.join(", ", item.keyResults())));
        }
        return line.toString();
    }

    /** Where a pick's saving comes from: the bills of a whole month, or the plan. */
    private String basis(PortfolioItem item) {
        if (item == null || item.billed().isEmpty()) {
            return "plan";
        }
        PortfolioItem.Billed billed = item.billed().get();
        return "actual cost in " + billed.month().getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " "
                + billed.month().getYear() + " from the bills; plan " + money.format(billed.plan());
    }

    Optional<String> spared(Map<AdvisorRules.Spared, List<Candidate>> spared) {
        if (spared.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("*Left alone*");
        for (AdvisorRules.Spared reason : AdvisorRules.Spared.values()) {
            List<Candidate> left = spared.getOrDefault(reason, List.of());
            if (!left.isEmpty()) {
                text.append("\n• ")
                        .append(left.size())
                        .append(" because ")
                        .append(reason.reason())
                        .append(": ")
                        .append(names(left));
            }
        }
        return Optional.of(text.toString());
    }

    String nextBest(Advice advice, Optimiser.Choice next) {
        Candidate kept = advice.chosen().picks().stream()
                .max(Comparator.comparing(advice.weights()::impact))
                .orElseThrow();
        BigDecimal more = next.impact().subtract(advice.chosen().impact());
        return "*Next best*, keeping " + SlackBlocks.escape(kept.name()) + ": "
                + AdviceViews.count(next.picks().size(), "pick")
                + " saving " + money.format(next.saving()) + " a month with " + money.format(more)
                + " a month more impact: " + names(next.picks());
    }

    /** The weights the picks were chosen by, as one line: what the workspace's admins set, or the defaults. */
    String howChosen(Advice advice) {
        ImpactWeights w = advice.weights();
        String rule = "Impact = value lost × " + w.perValueLost().toPlainString() + " + "
                + money.format(w.perKpiOnTarget()) + " per KPI on target + " + money.format(w.perOpenDependency())
                + " per open dependency + " + money.format(w.perDemandUnit())
                + " per unit of demand (workspace settings).";
        return advice.chosen().provenOptimal() ? rule : rule + " " + unproven(advice.chosen());
    }

    /** Says how far from the best possible an answer not proven best can be, never less than it might be. */
    private static String unproven(Optimiser.Choice chosen) {
        String notProven = "Drumbeat could not prove this the best set in the time allowed";
        return chosen.gapPercent()
                .map(gap ->
                        notProven + "; it has at most " + gap.toPlainString() + "% more impact than the best possible.")
                .orElse(notProven + ".");
    }

    private static String names(List<Candidate> candidates) {
        List<String> names = candidates.stream()
                .limit(MAX_NAMES)
                .map(c -> SlackBlocks.escape(c.name()))
                .toList();
        String more = candidates.size() > MAX_NAMES ? " and " + (candidates.size() - MAX_NAMES) + " more" : "";
        return String.join(", ", names) + more;
    }
}
