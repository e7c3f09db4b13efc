package dev.drumbeat.dashboard;

import dev.drumbeat.core.Money;
import dev.drumbeat.core.Units;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One portfolio table row as HTML cells, every value escaped, money in the configured currency. A service the bills
 * gave nothing reads "no bills" in its actual columns, never zero.
 */
final class PortfolioCells {
    static final String NO_BILLS = "<td class=\"n muted\">no bills</td>";
    private static final Set<PortfolioColumn> NUMERIC = EnumSet.of(
            PortfolioColumn.UNIT_COST,
            PortfolioColumn.DEMAND,
            PortfolioColumn.COST,
            PortfolioColumn.ACTUAL,
            PortfolioColumn.DIFFERENCE,
            PortfolioColumn.DIFFERENCE_PERCENT,
            PortfolioColumn.VALUE,
            PortfolioColumn.MARGIN,
            PortfolioColumn.MARGIN_ON_ACTUAL,
            PortfolioColumn.DAYS);
    private final Money money;

    PortfolioCells(Money money) {
        this.money = money;
    }

    static boolean isNumeric(PortfolioColumn column) {
        return NUMERIC.contains(column);
    }

    String row(PortfolioRow row) {
        String unit = Html.escape(row.service().unitName());
        return "<tr" + (row.deprioritised() ? " class=\"deprioritised\"" : "") + ">"
                + "<td>" + name(row) + "</td><td>" + Html.escape(row.tier()) + "</td>"
                + "<td>" + row.ownerName().map(Html::escape).orElse("<em>nobody</em>") + "</td>"
                + "<td>" + Html.tag(row.statusWord(), row.statusWord()) + "</td>"
                + "<td class=\"n\">" + money.format(row.service().unitCost()) + " / " + unit + "</td>"
                + "<td class=\"n\">" + Money.quantity(row.service().monthlyDemand()) + " "
                + Html.escape(Units.forQuantity(
                        row.service().unitName(), row.service().monthlyDemand())) + "</td>"
                + "<td class=\"n\">" + money.format(row.monthlyCost()) + "</td>"
                + actual(row)
                + "<td class=\"n\">" + money.format(row.service().monthlyValue()) + "</td>"
                + margin(row.margin())
                + row.marginOnActual().map(this::margin).orElse(NO_BILLS)
                + "<td class=\"n\">"
                + row.daysSinceCheckIn().map(String::valueOf).orElse("never") + "</td></tr>";
    }

    /** Actual, difference and difference as a share of the plan; over plan is marked like a loss. */
    private String actual(PortfolioRow row) {
        if (row.actual().isEmpty()) {
            return NO_BILLS + NO_BILLS + NO_BILLS;
        }
        String over = row.overPlan() ? " neg" : "";
        BigDecimal difference = row.difference().orElseThrow();
        return "<td class=\"n\">" + money.format(row.actual().get()) + "</td>"
                + "<td class=\"n" + over + "\">" + money.signed(difference) + "</td>"
                + "<td class=\"n" + over + "\">" + percent(row.differencePercent(), difference) + "</td>";
    }

    /**
     * "+5.0%", "−10.0%", or "no plan" when the plan is zero; the sign is the {@code difference}'s, so a fall too small
     * to show as a tenth of a per cent reads "−0.0%", never as a rise.
     */
    static String percent(Optional<BigDecimal> percent, BigDecimal difference) {
        return percent.map(p -> (difference.signum() < 0 ? "−" : "+") + p.abs().toPlainString() + "%")
                .orElse("no plan");
    }

    String margin(BigDecimal margin) {
        return "<td class=\"n" + (margin.signum() < 0 ? " neg" : "") + "\">" + money.format(margin) + "</td>";
    }

    private static String name(PortfolioRow row) {
        StringBuilder tags = new StringBuilder();
        if (row.deprioritised()) {
            tags.append(Html.tag("deprioritised", "deprioritised"));
        }
        if (row.service().isProtected()) {
            tags.append(Html.tag("protected", "protected"));
        }
        if (row.stale()) {
            tags.append(Html.tag("stale", "stale"));
        }
        if (row.ownerless()) {
            tags.append(Html.tag("ownerless", "ownerless"));
        }
        return "<a href=\"/dashboard/services/" + Html.escape(row.key()) + "\">" + Html.escape(row.name()) + "</a>"
                + tags;
    }
}
