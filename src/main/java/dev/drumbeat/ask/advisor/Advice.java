package dev.drumbeat.ask.advisor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The advisor's answer to "what can we deprioritise to save N?", ready to show: the target in money per month, the
 * least-impact set that reaches it (or the most that can be saved), the next-best set, and what was left out and
 * why. For a what-if slip it carries the slip too. Immutable.
 *
 * @param target         the monthly saving to reach
 * @param monthlyCost    what the workspace's active services cost a month, for shares of cost
 * @param chosen         the picks, see {@link Optimiser#choose}
 * @param nextBest       the best set sparing the chosen set's most painful pick, when there is one
 * @param spared         candidates the rules left out, by reason, largest saving first
 * @param items          the candidates in {@code chosen} and {@code nextBest} by {@link #itemKey}, for ids and KPI names
 * @param slip           set when the question was a what-if slip
 * @param supposed       set when the question supposed something stopped ("if we pause X"): {@code target} is then
 *                       what is left to find once that is counted
 * @param weights        the workspace's impact weights the picks were chosen by, for the answer to show
 */
public record Advice(
        BigDecimal target,
        BigDecimal monthlyCost,
        Optimiser.Choice chosen,
        Optional<Optimiser.Choice> nextBest,
        Map<AdvisorRules.Spared, List<Candidate>> spared,
        Map<String, PortfolioItem> items,
        Optional<Slip> slip,
        Optional<Supposed> supposed,
        ImpactWeights weights) {

    /**
     * What the question supposed stopped, what that saves a month, and the target as asked, before that saving.
     */
    public record Supposed(List<Candidate> stopped, BigDecimal saving, BigDecimal askedTarget) {
        public Supposed {
            stopped = List.copyOf(stopped);
        }
    }

    /**
     * A what-if slip: the initiative, how long, what it costs per month and in all, and how many services it relies
     * on (kept out of the picks with it).
     */
    public record Slip(String name, String length, BigDecimal monthlyCost, BigDecimal totalCost, int reliedOn) {}

    public Advice {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(supposed, "supposed");
        Objects.requireNonNull(weights, "weights");
        spared = Map.copyOf(spared);
        items = Map.copyOf(items);
    }

    static String itemKey(Candidate candidate) {
        return candidate.kind() + ":" + candidate.key();
    }

    public PortfolioItem item(Candidate candidate) {
        return items.get(itemKey(candidate));
    }

    /** Saving minus value lost, per month: what the cut does to margin. */
    public static BigDecimal marginEffect(Candidate candidate) {
        return candidate.monthlySaving().subtract(candidate.monthlyValueLost());
    }
}
