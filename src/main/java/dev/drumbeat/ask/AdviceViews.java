package dev.drumbeat.ask;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.catalog.Money;
import dev.drumbeat.people.Mentions;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Block Kit for the advisor's answers: what to deprioritise, what it saves against the target, what it costs in
 * value and margin, whose it is and which KPIs it touches; what was left alone and why; the next-best set. Long
 * answers are capped so the message stays within Slack's limits, with what was left out counted.
 */
final class AdviceViews {
    static final int MAX_PICKS_SHOWN = 15;
    private static final int MAX_NAMES = 3;
    private final Money money;

    AdviceViews(Money money) {
        this.money = money;
    }

    /** The answer to "what can we deprioritise to save …?"; {@code asked} says the target as the asker put it. */
    Answer deprioritise(Advice advice, Amount asked) {
        String heading = "What to deprioritise to save " + targetWords(advice, asked);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.heading(heading));
        blocks.addAll(body(advice));
        return new Answer("deprioritise", heading + ": " + summaryWords(advice), blocks, Optional.of(advice));
    }

    /** The answer to "what if … slips N weeks?". */
    Answer slip(Advice advice) {
        Advice.Slip slip = advice.slip().orElseThrow();
        String heading = "If " + slip.name() + " slips " + slip.weeks() + (slip.weeks() == 1 ? " week" : " weeks");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.heading(heading));
        if (slip.monthlyCost().signum() == 0) {
            String text = "*" + SlackBlocks.escape(slip.name()) + "* has no slip cost recorded, so Drumbeat cannot put a"
                    + " number on the delay. Record what a month of delay costs (for example running old and new in"
                    + " parallel) as the initiative's monthly slip cost.";
            blocks.add(SlackBlocks.markdown(text));
            return new Answer("slip", heading + ": no slip cost recorded", blocks, Optional.empty());
        }
        blocks.add(SlackBlocks.markdown("The slip costs *" + money.format(slip.totalCost()) + "*: "
                + money.format(slip.monthlyCost()) + " a month for " + slip.weeks() + (slip.weeks() == 1 ? " week" : " weeks")
                + ". To cover it while the slip lasts, deprioritise the following, leaving " + SlackBlocks.escape(slip.name())
                + (slip.reliedOn() == 0 ? "" : " and the " + count(slip.reliedOn(), "service") + " it relies on")
                + " alone:"));
        blocks.addAll(body(advice));
        return new Answer("slip", heading + ": " + money.format(slip.totalCost()) + ". " + summaryWords(advice), blocks,
                Optional.of(advice));
    }

    private List<LayoutBlock> body(Advice advice) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown(summary(advice)));
        List<Candidate> picks = advice.chosen().picks();
        blocks.addAll(SlackBlocks.lines(picks.stream().limit(MAX_PICKS_SHOWN).map(c -> pickLine(advice, c)).toList()));
        if (picks.size() > MAX_PICKS_SHOWN) {
            List<Candidate> rest = picks.subList(MAX_PICKS_SHOWN, picks.size());
            blocks.add(SlackBlocks.note("…and " + count(rest.size(), "smaller pick") + " saving "
                    + money.format(sum(rest)) + " a month together. Record decision keeps them all."));
        }
        spared(advice.spared()).ifPresent(text -> blocks.add(SlackBlocks.markdown(text)));
        advice.nextBest().ifPresent(next -> blocks.add(SlackBlocks.markdown(nextBest(advice, next))));
        blocks.add(SlackBlocks.note(howChosen(advice.chosen())));
        return blocks;
    }

    private String targetWords(Advice advice, Amount asked) {
        String monthly = money.format(advice.target()) + " a month";
        if (asked.isPercentOfMonthlyCost()) {
            return asked.value().toPlainString() + "% of monthly cost (" + monthly + ")";
        }
        if (asked.per() == Amount.Per.MONTH) {
            return monthly;
        }
        String per = asked.per() == Amount.Per.QUARTER ? " a quarter" : " a year";
        return money.format(asked.value()) + per + " (" + monthly + ")";
    }

    private String summary(Advice advice) {
        Optimiser.Choice chosen = advice.chosen();
        if (advice.target().signum() == 0 && advice.monthlyCost().signum() == 0) {
            return "The catalog records no monthly cost yet, so there is nothing to save. Add unit costs and demand"
                    + " with `/drumbeat service edit`.";
        }
        if (advice.target().signum() == 0) {
            return "That saving comes to less than a cent a month, so there is nothing to pick. Ask for more.";
        }
        if (chosen.picks().isEmpty()) {
            return ":warning: There is nothing Drumbeat may deprioritise: every candidate is protected, strategic,"
                    + " excluded or saves nothing.";
        }
        BigDecimal margin = chosen.picks().stream().map(Advice::marginEffect).reduce(BigDecimal.ZERO, BigDecimal::add);
        int n = chosen.picks().size();
        String effect = (n == 1 ? "This pick saves *" : "These " + n + " picks save *") + money.format(chosen.saving())
                + " a month*; " + money.format(valueLost(chosen)) + " a month of value stops with "
                + (n == 1 ? "it" : "them") + ", so margin " + (margin.signum() >= 0 ? "improves by *" : "falls by *")
                + money.format(margin.abs()) + " a month*.";
        if (chosen.reachesTarget()) {
            return ":white_check_mark: " + effect + " Target: " + money.format(advice.target()) + " a month.";
        }
        return ":warning: Nothing Drumbeat may cut reaches " + money.format(advice.target()) + " a month. The most it"
                + " can save is everything eligible, " + money.format(advice.target().subtract(chosen.saving()))
                + " short. " + effect;
    }

    private String summaryWords(Advice advice) {
        Optimiser.Choice chosen = advice.chosen();
        return chosen.picks().isEmpty() ? "nothing to deprioritise"
                : count(chosen.picks().size(), "pick") + " saving " + money.format(chosen.saving()) + " a month"
                + (chosen.reachesTarget() ? "" : ", short of the target");
    }

    private String pickLine(Advice advice, Candidate c) {
        StringBuilder line = new StringBuilder("• *").append(SlackBlocks.escape(c.name())).append("* `").append(c.key())
                .append("` · ").append(c.kind() == Candidate.Kind.INITIATIVE ? "initiative" : c.tier())
                .append(" · saves *").append(money.format(c.monthlySaving())).append("*/mo · ")
                .append(c.kind() == Candidate.Kind.INITIATIVE ? "slip cost " : "value lost ")
                .append(money.format(c.monthlyValueLost())).append(" · margin ").append(money.signed(Advice.marginEffect(c)))
                .append(" · ").append(c.ownerId().map(Mentions::mention).orElse("no owner"));
        PortfolioItem item = advice.item(c);
        if (item != null && !item.kpisOnTarget().isEmpty()) {
            line.append(" · KPIs on target: ").append(SlackBlocks.escape(String.join(", ", item.kpisOnTarget())));
        }
        if (c.openDependencies() > 0 && c.kind() == Candidate.Kind.SERVICE) {
            line.append(" · ").append(count(c.openDependencies(), "initiative")).append(" relying on it");
        } else if (c.openDependencies() > 0) {
            line.append(" · delivering for ").append(count(c.openDependencies(), "service"));
        }
        return line.toString();
    }

    private Optional<String> spared(Map<AdvisorRules.Spared, List<Candidate>> spared) {
        if (spared.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("*Left alone*");
        for (AdvisorRules.Spared reason : AdvisorRules.Spared.values()) {
            List<Candidate> left = spared.getOrDefault(reason, List.of());
            if (!left.isEmpty()) {
                text.append("\n• ").append(left.size()).append(" because ").append(reason.reason()).append(": ")
                        .append(names(left));
            }
        }
        return Optional.of(text.toString());
    }

    private String nextBest(Advice advice, Optimiser.Choice next) {
        Candidate kept = advice.chosen().picks().stream().max(Comparator.comparing(AdvisorRules::impact))
                .orElseThrow();
        BigDecimal more = next.impact().subtract(advice.chosen().impact());
        return "*Next best*, keeping " + SlackBlocks.escape(kept.name()) + ": " + count(next.picks().size(), "pick")
                + " saving " + money.format(next.saving()) + " a month with " + money.format(more)
                + " a month more impact: " + names(next.picks());
    }

    private String howChosen(Optimiser.Choice chosen) {
        String rule = "Chosen for the least impact: value lost, plus " + money.format(AdvisorRules.PER_KPI_ON_TARGET)
                + " a month for each KPI on target, " + money.format(AdvisorRules.PER_OPEN_DEPENDENCY)
                + " for each open dependency (an initiative relying on a service, or a service an initiative delivers for) and " + money.format(AdvisorRules.PER_DEMAND_UNIT)
                + " per unit of monthly demand.";
        return chosen.provenOptimal() ? rule : rule + " This is the best set found in the time allowed.";
    }

    private static String names(List<Candidate> candidates) {
        List<String> names = candidates.stream().limit(MAX_NAMES).map(c -> SlackBlocks.escape(c.name())).toList();
        String more = candidates.size() > MAX_NAMES ? " and " + (candidates.size() - MAX_NAMES) + " more" : "";
        return String.join(", ", names) + more;
    }

    private static BigDecimal valueLost(Optimiser.Choice chosen) {
        return chosen.picks().stream().map(Candidate::monthlyValueLost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sum(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
