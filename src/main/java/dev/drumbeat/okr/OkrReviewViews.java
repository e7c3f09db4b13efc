package dev.drumbeat.okr;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.catalog.CatalogTotals;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The quarterly review as one leadership-channel message, within Slack's limits. */
final class OkrReviewViews {
    static final int MAX_LISTED = 25;
    private final Money money;

    OkrReviewViews(Money money) {
        this.money = money;
    }

    Map<String, Object> review(OkrReview.Facts f) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.heading(f.quarter() + " in review"));
        blocks.add(SlackBlocks.markdown("*Objectives*"));
        blocks.addAll(SlackBlocks.lines(
                f.objectives().isEmpty()
                        ? List.of("None were set.")
                        : f.objectives().stream()
                                .limit(MAX_LISTED)
                                .map(this::objective)
                                .toList()));
        blocks.add(
                SlackBlocks.markdown("*Monthly cost and margin by tier*, at the end against the start of the quarter"));
        blocks.add(SlackBlocks.fields(f.atEnd().keySet().stream()
                .map(tier -> tier(tier, f.atStart().get(tier), f.atEnd().get(tier)))
                .toList()));
        blocks.addAll(decisions(f.decisions()));
        blocks.add(SlackBlocks.markdown(neglected(f.neglected())));
        String text = f.quarter() + " in review: " + f.objectives().size() + " objectives, "
                + f.decisions().size() + " decisions";
        return Map.of("text", text, "blocks", BlockJson.values(blocks));
    }

    private String objective(OkrService.ObjectiveView o) {
        List<OkrService.KeyResultView> krs = o.keyResults();
        List<BigDecimal> known =
                krs.stream().flatMap(kr -> kr.progress().stream()).toList();
        String average = known.isEmpty()
                ? "no progress measured"
                : "average "
                        + known.stream()
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .multiply(BigDecimal.valueOf(100))
                                .divide(BigDecimal.valueOf(known.size()), 0, RoundingMode.HALF_UP)
                        + "%";
        long atRisk = krs.stream().filter(OkrService.KeyResultView::atRisk).count();
        return "• *O" + o.objective().id() + "* "
                + SlackBlocks.escape(o.objective().title()) + " · " + krs.size()
                + (krs.size() == 1 ? " key result, " : " key results, ") + average
                + (atRisk > 0 ? " · " + atRisk + " at risk" : "") + " · "
                + o.objective().status().replace('_', ' ');
    }

    private String tier(String tier, CatalogTotals.Totals start, CatalogTotals.Totals end) {
        return "*" + tier + "*\n" + money.format(end.cost()) + " a month (was " + money.format(start.cost())
                + ")\nmargin " + money.signed(end.margin()) + " (was " + money.signed(start.margin()) + ")";
    }

    private List<LayoutBlock> decisions(List<DecisionOutcome> decisions) {
        if (decisions.isEmpty()) {
            return List.of(SlackBlocks.markdown("*Decisions*\nNone were recorded this quarter."));
        }
        List<DecisionOutcome> standing =
                decisions.stream().filter(d -> !d.decision().undone()).toList();
        BigDecimal planned =
                standing.stream().map(d -> d.decision().planned()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal realised = standing.stream().map(DecisionOutcome::realised).reduce(BigDecimal.ZERO, BigDecimal::add);
        long unmeasured = standing.stream().filter(DecisionOutcome::unmeasured).count();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown("*Decisions*: " + standing.size() + " standing, planned "
                + money.format(planned) + " a month, realised " + money.format(realised) + " a month"
                + (unmeasured == 0
                        ? ""
                        : "; " + unmeasured + " with no bills to measure " + (unmeasured == 1 ? "it" : "them"))));
        blocks.addAll(SlackBlocks.lines(decisions.stream()
                .limit(MAX_LISTED)
                .map(d -> "• #" + d.decision().id() + (d.decision().undone() ? " (undone)" : "") + " planned "
                        + money.format(d.decision().planned()) + "/mo · " + outcome(d) + " · _“"
                        + SlackBlocks.escape(SlackBlocks.clip(d.decision().question(), 120)) + "”_")
                .toList()));
        if (decisions.size() > MAX_LISTED) {
            blocks.add(SlackBlocks.note("…and " + (decisions.size() - MAX_LISTED) + " more: `/drumbeat decisions`."));
        }
        return blocks;
    }

    /**
     * "realised $8,500/mo from the bills (July–September 2026 before, November–December 2026 after)", "no bills to
     * measure it", and for paused initiatives what their budgets realise.
     */
    private String outcome(DecisionOutcome d) {
        if (d.decision().undone()) {
            return "realised " + money.format(BigDecimal.ZERO) + "/mo";
        }
        List<String> parts = new ArrayList<>();
        if (d.hasServices()) {
            parts.add(d.bills()
                    .map(m -> "realised " + money.format(m.realised()) + "/mo from the bills ("
                            + MonthNames.of(m.before()) + " before, " + MonthNames.of(m.after()) + " after)")
                    .orElse(d.noBills().orElse(RealisedSavings.NO_BILLS)));
        }
        if (d.decision().initiatives() > 0) {
            String budgets =
                    money.format(d.decision().initiativesRealised()) + "/mo by the paused initiatives' budgets";
            parts.add(d.hasServices() ? "and " + budgets : "realised " + budgets);
        }
        return String.join(" ", parts);
    }

    private static String neglected(List<String> names) {
        if (names.isEmpty()) {
            return "*Ownerless or stale all quarter*\nNothing: every item had an owner who answered at some point.";
        }
        List<String> shown =
                names.stream().limit(MAX_LISTED).map(SlackBlocks::escape).toList();
        return "*Ownerless or stale all quarter*: " + names.size() + "\n" + String.join(", ", shown)
                + (names.size() > MAX_LISTED ? " and " + (names.size() - MAX_LISTED) + " more" : "");
    }
}
