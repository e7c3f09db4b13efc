package dev.drumbeat.dashboard;

import dev.drumbeat.catalog.KpiStatus;
import dev.drumbeat.catalog.Service;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Units;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code GET /dashboard/services/{key}}: a service's fields, its plan against the bills, its KPIs with a chart each,
 * and its check-in history.
 */
final class ServicePage {
    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private final Money money;
    private final PlanActualSection costs;

    ServicePage(Money money) {
        this.money = money;
        this.costs = new PlanActualSection(money);
    }

    String render(ServiceDetail detail, DashboardCharts charts, String teamId) {
        PortfolioRow row = detail.row();
        String body =
                Html.SIGN_OUT + "<p><a href=\"/dashboard\">← Portfolio</a></p><h1>" + Html.escape(row.name()) + "</h1>"
                        + fields(detail) + costs.render(detail, charts, teamId) + "<h2>KPIs</h2>"
                        + kpis(detail.kpis(), charts, teamId)
                        + "<h2>Check-in history</h2>" + history(detail);
        return Html.page(row.name(), body);
    }

    private String fields(ServiceDetail detail) {
        PortfolioRow row = detail.row();
        Service s = row.service();
        return "<table class=\"fields\">" + field("Key", Html.escape(s.key()))
                + field("Tier", Html.escape(row.tier()) + (s.isProtected() ? Html.tag("protected", "protected") : ""))
                + field(
                        "Owner",
                        row.ownerName().map(Html::escape).orElse("<em>nobody</em>")
                                + (row.ownerless() ? Html.tag("ownerless", "ownerless") : ""))
                + field("Deputy", detail.deputyName().map(Html::escape).orElse("—"))
                + field(
                        "Status",
                        Html.tag(row.statusWord(), row.statusWord())
                                + (row.stale() ? Html.tag("stale", "stale") : "")
                                + (row.deprioritised() ? Html.tag("deprioritised", "deprioritised") : ""))
                + field("Unit cost", money.format(s.unitCost()) + " / " + Html.escape(s.unitName()))
                + field(
                        "Demand",
                        Money.quantity(s.monthlyDemand()) + " "
                                + Html.escape(Units.forQuantity(s.unitName(), s.monthlyDemand())) + " a month")
                + field("Plan (monthly)", money.format(row.monthlyCost()))
                + field("Monthly value", money.format(s.monthlyValue()))
                + field(
                        "Margin",
                        (row.margin().signum() < 0 ? "<span class=\"neg\">" : "<span>") + money.format(row.margin())
                                + "</span>")
                + field(
                        "Days since check-in",
                        row.daysSinceCheckIn().map(String::valueOf).orElse("never checked in"))
                + field("Description", Html.escape(s.description())) + "</table>";
    }

    private static String field(String name, String safeValue) {
        return "<tr><th>" + name + "</th><td>" + safeValue + "</td></tr>";
    }

    private static String kpis(List<ServiceDetail.Kpi> kpis, DashboardCharts charts, String teamId) {
        if (kpis.isEmpty()) {
            return "<p>No KPIs are mapped to this service yet.</p>";
        }
        return kpis.stream().map(k -> kpi(k, charts, teamId)).collect(Collectors.joining());
    }

    private static String kpi(ServiceDetail.Kpi kpi, DashboardCharts charts, String teamId) {
        KpiStatus k = kpi.status();
        String latest = k.lastValue()
                .map(v -> Html.escape(Money.measure(v, k.unit())) + " (week of "
                        + k.lastPeriod().map(WEEK::format).orElse("?") + ")")
                .orElse("no reading yet");
        String onTarget = k.onTarget()
                .map(on -> on ? Html.tag("green", "on target") : Html.tag("red", "off target"))
                .orElse("");
        String chart = charts.kpiTrend()
                .apply(teamId, kpi.id())
                .map(url -> "<p><img src=\"" + Html.escape(url) + "\" alt=\"" + Html.escape(k.name() + " trend")
                        + "\"></p>")
                .orElse("");
        return "<h3>" + Html.escape(k.name()) + "</h3><p>Latest: " + latest + onTarget + " · target "
                + ("up".equals(k.direction()) ? "at least " : "at most ")
                + Html.escape(Money.measure(k.target(), k.unit()))
                + "</p>" + chart;
    }

    private static String history(ServiceDetail detail) {
        if (detail.history().isEmpty()) {
            return "<p>No check-ins or KPI readings yet.</p>";
        }
        List<KpiStatus> kpis =
                detail.kpis().stream().map(ServiceDetail.Kpi::status).toList();
        String head = "<tr><th>Week of</th><th>Status</th><th>Hurdle</th>"
                + kpis.stream()
                        .map(k -> "<th class=\"n\">" + Html.escape(k.name()) + "</th>")
                        .collect(Collectors.joining())
                + "<th>Checked in by</th></tr>";
        String rows = detail.history().stream().map(w -> week(w, kpis)).collect(Collectors.joining());
        return "<p class=\"muted\">The last " + ServiceHistory.WEEKS + " weeks at most, newest first.</p>"
                + "<table class=\"history\">" + head + rows + "</table>";
    }

    private static String week(ServiceDetail.Week week, List<KpiStatus> kpis) {
        String values = kpis.stream()
                .map(k -> "<td class=\"n\">"
                        + (week.values().containsKey(k.key())
                                ? Html.escape(Money.measure(week.values().get(k.key()), k.unit()))
                                : "—")
                        + "</td>")
                .collect(Collectors.joining());
        String by = week.submittedBy().map(Html::escape).orElse("")
                + week.submittedAt().map(at -> " · " + WHEN.format(at)).orElse("");
        return "<tr><td>" + WEEK.format(week.periodStart()) + "</td><td>"
                + week.status().map(s -> Html.tag(s, s)).orElse("<em>no check-in</em>") + "</td><td>"
                + Html.escape(week.hurdle()) + "</td>" + values + "<td>" + by + "</td></tr>";
    }
}
