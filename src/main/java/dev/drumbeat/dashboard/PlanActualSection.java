package dev.drumbeat.dashboard;

import dev.drumbeat.chart.PlanActual;
import dev.drumbeat.core.Money;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The service page's plan against actual: the latest whole month's bills set against the plan, with the month and the
 * import they came from; the month so far, never set against a whole month's plan; and six months as a chart (plan
 * line, actual bars) and as a table, which says "no bills" where there were none.
 */
final class PlanActualSection {
    private final Money money;

    PlanActualSection(Money money) {
        this.money = money;
    }

    String render(ServiceDetail detail, DashboardCharts charts, String teamId) {
        PlanActual costs = detail.costs();
        String chart = charts.planActual()
                .apply(teamId, detail.row().service().id())
                .map(url -> "<p><img src=\"" + Html.escape(url) + "\" alt=\""
                        + Html.escape(costs.serviceName() + ": plan against actual, last " + PlanActual.MONTHS
                                + " months, as in the table below")
                        + "\"></p>")
                .orElse("");
        return "<h2>Plan against actual</h2>" + latest(detail) + soFar(costs) + chart + table(costs);
    }

    /** The latest whole month against the plan, and where its figure came from. */
    private String latest(ServiceDetail detail) {
        PortfolioRow row = detail.row();
        if (detail.billed().isEmpty()) {
            return "<p>No whole month of bills is imported yet. <code>drumbeat costs import</code> reads the cloud"
                    + " providers&#39; FOCUS exports.</p>";
        }
        BilledMonth billed = detail.billed().get();
        if (row.actual().isEmpty()) {
            return "<p>No bills for " + Html.escape(row.name()) + " in " + billed.monthName()
                    + ". The allocation rules (<code>drumbeat costs rules</code>) decide which costs are a"
                    + " service&#39;s.</p>";
        }
        String against = row.differencePercent()
                .map(p -> money.signed(row.difference().orElseThrow()) + " ("
                        + PortfolioCells.percent(
                                Optional.of(p), row.difference().orElseThrow()) + ") against the plan of "
                        + money.format(row.plan()))
                .orElse("with no plan to compare (unit cost × demand is zero)");
        BigDecimal margin = row.marginOnActual().orElseThrow();
        return "<p>Actual cost in " + billed.monthName() + ": "
                + money.format(row.actual().get()) + ", " + against
                + "; margin on actual " + money.format(margin) + (margin.signum() < 0 ? " (a loss)" : "") + ". "
                + capitalised(Html.escape(billed.provenance())) + ".</p>";
    }

    private String soFar(PlanActual costs) {
        return costs.months().stream()
                .filter(m -> m.soFar() && m.actual().isPresent())
                .map(m -> "<p class=\"muted\">" + BilledMonth.name(m.month()) + " so far: "
                        + money.format(m.actual().get())
                        + ". The month is not over, so it is not set against the plan.</p>")
                .collect(Collectors.joining());
    }

    private String table(PlanActual costs) {
        String rows = costs.months().stream().map(m -> month(costs, m)).collect(Collectors.joining());
        return "<table class=\"costs\"><tr><th>Month</th><th class=\"n\">Plan</th><th class=\"n\">Actual</th>"
                + "<th class=\"n\">Difference</th></tr>" + rows + "</table>";
    }

    private String month(PlanActual costs, PlanActual.Month m) {
        String name = BilledMonth.name(m.month()) + (m.soFar() ? " (so far)" : "");
        String actual = m.actual()
                .map(a -> "<td class=\"n\">" + money.format(a) + "</td>")
                .orElse(PortfolioCells.NO_BILLS);
        return "<tr class=\"month" + (m.soFar() ? " so-far" : "") + "\"><td>" + name + "</td><td class=\"n\">"
                + money.format(costs.plan()) + "</td>" + actual + difference(costs, m) + "</tr>";
    }

    private String difference(PlanActual costs, PlanActual.Month m) {
        if (m.actual().isEmpty()) {
            return "<td class=\"n muted\">—</td>";
        }
        if (m.soFar()) {
            return "<td class=\"n muted\">not over</td>";
        }
        BigDecimal difference = m.actual().get().subtract(costs.plan());
        return "<td class=\"n" + (difference.signum() > 0 ? " neg" : "") + "\">" + money.signed(difference) + "</td>";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
