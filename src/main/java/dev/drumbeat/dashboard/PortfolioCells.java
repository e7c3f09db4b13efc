package dev.drumbeat.dashboard;

import dev.drumbeat.core.Money;
import dev.drumbeat.core.Units;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/** One portfolio table row as HTML cells, every value escaped, money in the configured currency. */
final class PortfolioCells {
    private static final Set<PortfolioColumn> NUMERIC = EnumSet.of(
            PortfolioColumn.UNIT_COST,
            PortfolioColumn.DEMAND,
            PortfolioColumn.COST,
            PortfolioColumn.VALUE,
            PortfolioColumn.MARGIN,
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
                + "<td class=\"n\">" + money.format(row.service().monthlyValue()) + "</td>"
                + margin(row.margin())
                + "<td class=\"n\">"
                + row.daysSinceCheckIn().map(String::valueOf).orElse("never") + "</td></tr>";
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
