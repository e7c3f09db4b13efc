package dev.drumbeat.dashboard;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The portfolio table's columns, each with the query name it sorts by and how it orders rows. Missing values (no
 * owner, never checked in) sort last when ascending; ties fall back to the name, then the key.
 */
enum PortfolioColumn {
    NAME("name", "Service", Comparator.comparing(r -> r.name().toLowerCase(Locale.ROOT))),
    TIER("tier", "Tier", Comparator.comparing(r -> r.service().tier())),
    OWNER("owner", "Owner", Comparator.comparing(r -> r.ownerName().map(n -> n.toLowerCase(Locale.ROOT)).orElse("\uffff"))),
    STATUS("status", "Status", Comparator.comparingInt(r -> severity(r.statusWord()))),
    UNIT_COST("unit_cost", "Unit cost", Comparator.comparing(r -> r.service().unitCost())),
    DEMAND("demand", "Demand / month", Comparator.comparing(r -> r.service().monthlyDemand())),
    COST("cost", "Monthly cost", Comparator.comparing(PortfolioRow::monthlyCost)),
    VALUE("value", "Monthly value", Comparator.comparing(r -> r.service().monthlyValue())),
    MARGIN("margin", "Margin", Comparator.comparing(PortfolioRow::margin)),
    DAYS("days", "Days since check-in", Comparator.comparingLong(r -> r.daysSinceCheckIn().orElse(Long.MAX_VALUE)));

    /** Margin ascending: the services losing the most money come first. */
    static final PortfolioColumn DEFAULT = MARGIN;
    private static final List<String> SEVERITY = List.of("red", "amber", "green", "none");
    private final String param;
    private final String title;
    private final Comparator<PortfolioRow> order;

    PortfolioColumn(String param, String title, Comparator<PortfolioRow> order) {
        this.param = param;
        this.title = title;
        this.order = order;
    }

    String param() {
        return param;
    }

    String title() {
        return title;
    }

    Comparator<PortfolioRow> comparator(boolean descending) {
        Comparator<PortfolioRow> primary = descending ? order.reversed() : order;
        Function<PortfolioRow, String> name = r -> r.name().toLowerCase(Locale.ROOT);
        return primary.thenComparing(name).thenComparing(PortfolioRow::key);
    }

    static Optional<PortfolioColumn> parse(String param) {
        return Arrays.stream(values()).filter(c -> c.param.equals(param)).findFirst();
    }

    private static int severity(String status) {
        return SEVERITY.indexOf(status);
    }
}
