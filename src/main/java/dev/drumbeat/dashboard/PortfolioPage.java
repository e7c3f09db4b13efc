package dev.drumbeat.dashboard;

import dev.drumbeat.catalog.CatalogTotals;
import dev.drumbeat.catalog.Tier;
import dev.drumbeat.core.Money;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code GET /dashboard}: the filter form, totals by tier for leadership and admins, and the portfolio table. */
final class PortfolioPage {
    private final Money money;
    private final PortfolioCells cells;

    PortfolioPage(Money money) {
        this.money = money;
        this.cells = new PortfolioCells(money);
    }

    String render(
            Viewer viewer, PortfolioService.Portfolio portfolio, PortfolioFilter filter, Optional<String> tierChart) {
        String body = Html.SIGN_OUT + "<h1>Service portfolio</h1>"
                + "<p class=\"muted\">" + portfolio.rows().size() + " of " + portfolio.allServices() + " services · "
                + "<a href=\"/dashboard/export.csv?" + Html.escape(filter.query()) + "\">Export CSV</a></p>"
                + form(portfolio.owners(), filter)
                + (viewer.seesTierTotals() ? totals(portfolio.tiers(), tierChart) : "")
                + bills(portfolio.billed())
                + table(portfolio.rows(), filter, portfolio.billed());
        return Html.page("Portfolio", body);
    }

    private static String form(Map<String, String> owners, PortfolioFilter filter) {
        List<String> tiers = Arrays.stream(Tier.values()).map(Tier::label).toList();
        return "<form method=\"get\" action=\"/dashboard\">"
                + "<input type=\"search\" name=\"q\" placeholder=\"Name contains…\" value=\""
                + Html.escape(filter.text()) + "\">"
                + select("tier", "Any tier", sameWords(tiers), filter.tier().map(Tier::label))
                + select("status", "Any status", sameWords(PortfolioRow.STATUS_WORDS), filter.status())
                + select("owner", "Any owner", owners, filter.owner())
                + checkbox("stale", "Stale", filter.staleOnly())
                + checkbox("ownerless", "Ownerless", filter.ownerlessOnly())
                + select("bills", "Any bills", billsOptions(), filter.bills())
                + checkbox("over", "Over plan", filter.overPlanOnly())
                + "<input type=\"hidden\" name=\"sort\" value=\""
                + filter.sort().param() + "\">"
                + "<input type=\"hidden\" name=\"dir\" value=\"" + (filter.descending() ? "desc" : "asc") + "\">"
                + "<button type=\"submit\">Filter</button> <a href=\"/dashboard\">Clear</a></form>";
    }

    private static String select(String name, String any, Map<String, String> options, Optional<String> chosen) {
        String items = options.entrySet().stream()
                .map(e -> "<option value=\"" + Html.escape(e.getKey()) + "\""
                        + (chosen.filter(e.getKey()::equals).isPresent() ? " selected" : "") + ">"
                        + Html.escape(e.getValue())
                        + "</option>")
                .collect(Collectors.joining());
        return "<select name=\"" + name + "\" aria-label=\"" + name + "\"><option value=\"\">" + any + "</option>"
                + items + "</select>";
    }

    private static String checkbox(String name, String label, boolean checked) {
        return "<label><input type=\"checkbox\" name=\"" + name + "\" value=\"1\"" + (checked ? " checked" : "") + "> "
                + label + "</label>";
    }

    private String totals(Map<String, CatalogTotals.Totals> tiers, Optional<String> chart) {
        String rows = tiers.entrySet().stream()
                .map(e -> "<tr><td>" + Html.escape(e.getKey()) + "</td><td class=\"n\">"
                        + e.getValue().services() + "</td><td class=\"n\">"
                        + money.format(e.getValue().cost())
                        + "</td><td class=\"n\">" + money.format(e.getValue().value()) + "</td>"
                        + cells.margin(e.getValue().margin()) + "</tr>")
                .collect(Collectors.joining());
        String image = chart.map(url -> "<p><img src=\"" + Html.escape(url) + "\" alt=\"Monthly cost by tier\"></p>")
                .orElse("");
        return "<h2>Totals by tier</h2><table class=\"totals\"><tr><th>Tier</th><th class=\"n\">Services</th>"
                + "<th class=\"n\">Monthly cost</th><th class=\"n\">Monthly value</th><th class=\"n\">Margin</th></tr>"
                + rows + "</table>" + image + "<h2>Services</h2>";
    }

    /** Which month the actual costs are, and where they came from; or that there are none yet. */
    private static String bills(Optional<BilledMonth> billed) {
        return billed.map(b -> "<p class=\"muted\">Actual costs: " + b.monthName() + ", " + Html.escape(b.provenance())
                        + ". A month not over yet is on each service&#39;s page, as so far.</p>")
                .orElse("<p class=\"muted\">No whole month of bills is imported yet, so there is no actual cost to set"
                        + " against the plans. <code>drumbeat costs import</code> reads the cloud providers&#39; FOCUS"
                        + " exports.</p>");
    }

    private String table(List<PortfolioRow> rows, PortfolioFilter filter, Optional<BilledMonth> billed) {
        String head = Arrays.stream(PortfolioColumn.values())
                .map(c -> header(c, filter, billed))
                .collect(Collectors.joining());
        String body = rows.stream().map(cells::row).collect(Collectors.joining());
        String empty = rows.isEmpty() ? "<p>No services match these filters.</p>" : "";
        return "<table class=\"portfolio\"><thead><tr>" + head + "</tr></thead><tbody>" + body + "</tbody></table>"
                + empty;
    }

    private static String header(PortfolioColumn column, PortfolioFilter filter, Optional<BilledMonth> billed) {
        String arrow = column == filter.sort() ? (filter.descending() ? " ▼" : " ▲") : "";
        String numeric = PortfolioCells.isNumeric(column) ? " class=\"n\"" : "";
        String title = column == PortfolioColumn.ACTUAL
                ? column.title() + billed.map(b -> ", " + b.monthName()).orElse("")
                : column.title();
        return "<th" + numeric + "><a href=\"/dashboard?"
                + Html.escape(filter.sortedBy(column).query()) + "\">" + Html.escape(title) + arrow
                + "</a></th>";
    }

    /** The bills filter's options: the services the bills gave something, then those they gave nothing. */
    private static Map<String, String> billsOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(PortfolioFilter.WITH_BILLS, "With bills");
        options.put(PortfolioFilter.NO_BILLS, "No bills");
        return options;
    }

    /** Options whose value is also their label. */
    private static Map<String, String> sameWords(List<String> words) {
        Map<String, String> options = new LinkedHashMap<>();
        words.forEach(w -> options.put(w, w));
        return options;
    }
}
