package dev.drumbeat.chart;

import dev.drumbeat.catalog.CatalogTotals.Totals;
import dev.drumbeat.checkin.Kpi;
import dev.drumbeat.core.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a chart shows, in words: its subtitle, and the alt text and title of its Slack image block. */
final class ChartWords {
    /** Slack's limit on an image block's alt text and title. */
    static final int MAX_ALT = 2000;

    private ChartWords() {}

    static String trendSubtitle(KpiTrend trend) {
        return "Last " + trend.weeks() + " weeks · target " + trend.kpi().targetText() + " (dashed) · "
                + (trend.higherIsBetter() ? "higher" : "lower") + " is better";
    }

    static String trendTitle(KpiTrend trend) {
        return clip(trend.kpi().name() + " · last " + trend.weeks() + " weeks");
    }

    /** "Availability over the last 12 weeks: 4 readings from 98.9% to 99.95%, latest 99.2%, against a ≥ 99.9% target…" */
    static String trendAlt(KpiTrend trend) {
        Kpi kpi = trend.kpi();
        String start = kpi.name() + " over the last " + trend.weeks() + " weeks: ";
        String better = "; " + (trend.higherIsBetter() ? "higher" : "lower") + " is better.";
        if (trend.isEmpty()) {
            return clip(start + "no readings yet, against a " + kpi.targetText() + " target" + better);
        }
        BigDecimal latest = trend.latest().orElseThrow().value();
        int count = trend.points().size();
        String range = count == 1
                ? "1 reading, "
                : count + " readings from " + measure(kpi, trend.lowest().orElseThrow()) + " to "
                        + measure(kpi, trend.highest().orElseThrow()) + ", latest ";
        return clip(start + range + measure(kpi, latest) + " against a " + kpi.targetText() + " target, "
                + (kpi.isOnTarget(latest) ? "on" : "off") + " target" + better);
    }

    static String tierTitle() {
        return TierChart.TITLE;
    }

    /** "Monthly cost and margin by tier: strategic cost $45,000, margin $45,000 (1 service); …" */
    static String tierAlt(TierCosts costs, Money money) {
        if (costs.isEmpty()) {
            return TierChart.TITLE + ": no services in the catalog yet.";
        }
        List<String> tiers = new ArrayList<>();
        for (Map.Entry<String, Totals> tier : costs.byTier().entrySet()) {
            Totals t = tier.getValue();
            tiers.add(
                    t.services() == 0
                            ? tier.getKey() + " no services"
                            : tier.getKey() + " cost " + money.format(t.cost()) + ", margin " + money.format(t.margin())
                                    + " (" + t.services() + (t.services() == 1 ? " service)" : " services)"));
        }
        return clip(TierChart.TITLE + ": " + String.join("; ", tiers) + ".");
    }

    private static String measure(Kpi kpi, BigDecimal value) {
        return Money.measure(value, kpi.unit());
    }

    private static String clip(String text) {
        return text.length() <= MAX_ALT ? text : text.substring(0, MAX_ALT - 1) + "…";
    }
}
