package dev.drumbeat.ask;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.ask.advisor.Advice;
import dev.drumbeat.ask.advisor.Candidate;
import dev.drumbeat.ask.advisor.Optimiser;
import dev.drumbeat.ask.question.Amount;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Block Kit for the advisor's answers: what to deprioritise, what it saves against the target, what it costs in
 * value and margin, whose it is and which KPIs it touches; what was left alone and why; the next-best set. Long
 * answers are capped so the message stays within Slack's limits, with what was left out counted.
 */
public final class AdviceViews {
    static final int MAX_PICKS_SHOWN = 15;
    private final Money money;
    private final AdviceLines lines;

    public AdviceViews(Money money) {
        this.money = money;
        this.lines = new AdviceLines(money);
    }

    /** The answer to "what can we deprioritise to save …?"; {@code asked} says the target as the asker put it. */
    public Answer deprioritise(Advice advice, Amount asked) {
        String heading = "What to deprioritise to save " + targetWords(advice, asked);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.heading(heading));
        advice.supposed().ifPresent(supposed -> blocks.add(SlackBlocks.markdown(supposedWords(supposed, advice))));
        blocks.addAll(body(advice));
        return new Answer("deprioritise", heading + ": " + summaryWords(advice), blocks, Optional.of(advice));
    }

    /** The answer to "what if … slips N weeks?". */
    public Answer slip(Advice advice) {
        Advice.Slip slip = advice.slip().orElseThrow();
        String weeks = " slips " + slip.length();
        String heading = "If " + slip.name() + weeks;
        String fallback = "If " + SlackBlocks.escape(slip.name()) + weeks;
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.heading(heading));
        if (slip.monthlyCost().signum() == 0) {
            String text =
                    "*" + SlackBlocks.escape(slip.name()) + "* has no slip cost recorded, so Drumbeat cannot put a"
                            + " number on the delay. Record what a month of delay costs (for example running old and new in"
                            + " parallel) as the initiative's monthly slip cost.";
            blocks.add(SlackBlocks.markdown(text));
            return new Answer("slip", fallback + ": no slip cost recorded", blocks, Optional.empty());
        }
        blocks.add(SlackBlocks.markdown("The slip costs *" + money.format(slip.totalCost()) + "*: "
                + money.format(slip.monthlyCost()) + " a month for " + slip.length()
                + ". To cover it while the slip lasts, deprioritise the following, leaving "
                + SlackBlocks.escape(slip.name())
                + (slip.reliedOn() == 0 ? "" : " and the " + count(slip.reliedOn(), "service") + " it relies on")
                + " alone:"));
        blocks.addAll(body(advice));
        return new Answer(
                "slip",
                fallback + ": " + money.format(slip.totalCost()) + ". " + summaryWords(advice),
                blocks,
                Optional.of(advice));
    }

    private List<LayoutBlock> body(Advice advice) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown(summary(advice)));
        List<Candidate> picks = advice.chosen().picks();
        blocks.addAll(SlackBlocks.lines(picks.stream()
                .limit(MAX_PICKS_SHOWN)
                .map(c -> lines.pick(advice, c))
                .toList()));
        if (picks.size() > MAX_PICKS_SHOWN) {
            List<Candidate> rest = picks.subList(MAX_PICKS_SHOWN, picks.size());
            blocks.add(
                    SlackBlocks.note("…and " + count(rest.size(), "smaller pick") + " saving " + money.format(sum(rest))
                            + " a month together. A decision recorded from this answer keeps them all."));
        }
        lines.spared(advice.spared()).ifPresent(text -> blocks.add(SlackBlocks.markdown(text)));
        advice.nextBest().ifPresent(next -> blocks.add(SlackBlocks.markdown(lines.nextBest(advice, next))));
        blocks.add(SlackBlocks.note(lines.howChosen(advice)));
        return blocks;
    }

    /** What the question supposed stopped, what that saves, and what is left to find. */
    private String supposedWords(Advice.Supposed supposed, Advice advice) {
        if (supposed.stopped().isEmpty()) {
            return ":warning: What the question supposes stopped is not among the active services and initiatives,"
                    + " so it saves nothing here.";
        }
        String names = String.join(
                ", ",
                supposed.stopped().stream()
                        .map(c -> "*" + SlackBlocks.escape(c.name()) + "*")
                        .toList());
        String saves = "Supposing " + names + (supposed.stopped().size() == 1 ? " is" : " are")
                + " stopped, as the question does: that saves " + money.format(supposed.saving()) + " a month";
        if (advice.target().signum() == 0) {
            return ":white_check_mark: " + saves + ", which reaches the target on its own; nothing else needs to go."
                    + " Record decision records it.";
        }
        return saves + ", leaving " + money.format(advice.target()) + " a month to find. Record decision records it"
                + " with the picks below.";
    }

    private String targetWords(Advice advice, Amount asked) {
        String monthly =
                money.format(advice.supposed().map(Advice.Supposed::askedTarget).orElse(advice.target())) + " a month";
        if (asked.isPercentOfMonthlyCost()) {
            return asked.value().toPlainString() + "% of monthly cost (" + monthly + ")";
        }
        if (asked.per().isMonth()) {
            return monthly;
        }
        return money.format(asked.value()) + " " + asked.per().phrase() + " (" + monthly + ")";
    }

    private String summary(Advice advice) {
        Optimiser.Choice chosen = advice.chosen();
        if (advice.target().signum() == 0 && advice.monthlyCost().signum() == 0) {
            return "The catalog records no monthly cost yet, so there is nothing to save. Add unit costs and demand"
                    + " with `/drumbeat service edit`.";
        }
        if (advice.target().signum() == 0 && advice.supposed().isPresent()) {
            return "Nothing else to pick.";
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
                + " can save is everything eligible, "
                + money.format(advice.target().subtract(chosen.saving()))
                + " short. " + effect;
    }

    private String summaryWords(Advice advice) {
        Optimiser.Choice chosen = advice.chosen();
        return chosen.picks().isEmpty()
                ? "nothing to deprioritise"
                : count(chosen.picks().size(), "pick") + " saving " + money.format(chosen.saving()) + " a month"
                        + (chosen.reachesTarget() ? "" : ", short of the target");
    }

    private static BigDecimal valueLost(Optimiser.Choice chosen) {
        return chosen.picks().stream().map(Candidate::monthlyValueLost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sum(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
