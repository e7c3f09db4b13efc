package dev.drumbeat.dashboard;

import dev.drumbeat.catalog.CatalogTotals;
import dev.drumbeat.catalog.KpiStatus;
import dev.drumbeat.chart.PlanActual;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON API's bodies. Every decimal (money, demand, KPI values and targets) is a string such as {@code "1234.50"},
 * so no client rounds it through a binary float; money has two decimals. Counts and days are JSON numbers, dates ISO
 * 8601 ({@code 2026-11-16}), months {@code 2026-11}, instants ISO 8601 in UTC. Absent values are {@code null}: an
 * actual cost is {@code null} when the bills gave the service nothing that month, never zero.
 */
final class DashboardJson {
    private DashboardJson() {}

    static Map<String, Object> portfolio(
            PortfolioService.Portfolio portfolio, PortfolioFilter filter, String currency) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("currency", currency);
        json.put("count", portfolio.rows().size());
        json.put("total", portfolio.allServices());
        json.put("sort", filter.sort().param());
        json.put("dir", filter.descending() ? "desc" : "asc");
        json.put("services", portfolio.rows().stream().map(DashboardJson::row).toList());
        Map<String, Object> tiers = new LinkedHashMap<>();
        portfolio.tiers().forEach((tier, totals) -> tiers.put(tier, totals(totals)));
        json.put("tiers", tiers);
        json.put(
                "actualMonth", portfolio.billed().map(b -> b.month().toString()).orElse(null));
        json.put("actualSources", sources(portfolio.billed()));
        return json;
    }

    static Map<String, Object> detail(ServiceDetail detail, String currency) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("currency", currency);
        Map<String, Object> service = row(detail.row());
        service.put(
                "deputy",
                detail.row()
                        .service()
                        .deputyId()
                        .map(id -> person(id, detail.deputyName().orElse(id)))
                        .orElse(null));
        service.put("description", detail.row().service().description());
        json.put("service", service);
        json.put("kpis", detail.kpis().stream().map(k -> kpi(k.status())).toList());
        json.put("history", detail.history().stream().map(DashboardJson::week).toList());
        Map<String, Object> costs = new LinkedHashMap<>();
        costs.put(
                "months",
                detail.costs().months().stream()
                        .map(m -> month(detail.costs(), m))
                        .toList());
        costs.put("actualSources", sources(detail.billed()));
        json.put("costs", costs);
        return json;
    }

    private static Map<String, Object> row(PortfolioRow r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", r.key());
        json.put("name", r.name());
        json.put("tier", r.tier());
        json.put("protected", r.service().isProtected());
        json.put(
                "owner",
                r.service()
                        .ownerId()
                        .map(id -> person(id, r.ownerName().orElse(id)))
                        .orElse(null));
        json.put("status", r.statusWord());
        json.put("unitCost", PortfolioCsv.plain(r.service().unitCost()));
        json.put("unitName", r.service().unitName());
        json.put("monthlyDemand", decimal(r.service().monthlyDemand()));
        json.put("monthlyCost", PortfolioCsv.plain(r.monthlyCost()));
        json.put("monthlyValue", PortfolioCsv.plain(r.service().monthlyValue()));
        json.put("margin", PortfolioCsv.plain(r.margin()));
        json.put("daysSinceCheckIn", r.daysSinceCheckIn().orElse(null));
        json.put("stale", r.stale());
        json.put("ownerless", r.ownerless());
        json.put("deprioritised", r.deprioritised());
        json.put("plan", PortfolioCsv.plain(r.plan()));
        json.put("actual", r.actual().map(PortfolioCsv::plain).orElse(null));
        json.put("actualMonth", r.actualMonth().map(Object::toString).orElse(null));
        json.put("difference", r.difference().map(PortfolioCsv::plain).orElse(null));
        json.put(
                "differencePercent",
                r.differencePercent().map(BigDecimal::toPlainString).orElse(null));
        json.put("marginOnActual", r.marginOnActual().map(PortfolioCsv::plain).orElse(null));
        return json;
    }

    /** One month of a service's plan against its bills; {@code soFar} when the month is not over. */
    private static Map<String, Object> month(PlanActual costs, PlanActual.Month m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("month", m.month().toString());
        json.put("plan", PortfolioCsv.plain(costs.plan()));
        json.put("actual", m.actual().map(PortfolioCsv::plain).orElse(null));
        json.put("soFar", m.soFar());
        return json;
    }

    /** The imports the actual month's figures came from, newest first. */
    private static List<Map<String, Object>> sources(Optional<BilledMonth> billed) {
        return billed.map(BilledMonth::sources).orElse(List.of()).stream()
                .map(s -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("importId", s.importId());
                    json.put("files", s.files());
                    json.put("billingAccountId", s.billingAccountId());
                    json.put("importedBy", s.importedBy());
                    json.put("importedAt", s.importedAt().toString());
                    return json;
                })
                .toList();
    }

    private static Map<String, Object> person(String id, String name) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        return json;
    }

    private static Map<String, Object> totals(CatalogTotals.Totals totals) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("services", totals.services());
        json.put("monthlyCost", PortfolioCsv.plain(totals.cost()));
        json.put("monthlyValue", PortfolioCsv.plain(totals.value()));
        json.put("margin", PortfolioCsv.plain(totals.margin()));
        return json;
    }

    private static Map<String, Object> kpi(KpiStatus k) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", k.key());
        json.put("name", k.name());
        json.put("unit", k.unit());
        json.put("target", decimal(k.target()));
        json.put("direction", k.direction());
        json.put("latestValue", k.lastValue().map(DashboardJson::decimal).orElse(null));
        json.put("latestWeekOf", k.lastPeriod().map(Object::toString).orElse(null));
        json.put("onTarget", k.onTarget().orElse(null));
        return json;
    }

    private static Map<String, Object> week(ServiceDetail.Week w) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("weekOf", w.periodStart().toString());
        json.put("status", w.status().orElse(null));
        json.put("hurdle", w.hurdle());
        json.put("submittedBy", w.submittedBy().orElse(null));
        json.put("submittedAt", w.submittedAt().map(Object::toString).orElse(null));
        Map<String, String> values = new TreeMap<>();
        w.values().forEach((key, value) -> values.put(key, decimal(value)));
        json.put("kpiValues", values);
        return json;
    }

    private static String decimal(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
