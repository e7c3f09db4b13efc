package dev.drumbeat.dashboard;

import dev.drumbeat.checkin.CheckInStatus;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The portfolio table's columns, each with the query name it sorts by and the value it sorts on. Missing values (no
 * owner, no status, no bills) sort last in either direction; ties fall back to the name, then the key. The plan is
 * unit cost × demand; actual, the differences and margin on actual come from the latest whole month's bills.
 */
enum PortfolioColumn {
    NAME("name", "Service", on(r -> r.name().toLowerCase(Locale.ROOT))),
    TIER("tier", "Tier", on(r -> r.service().tier())),
    OWNER(
            "owner",
            "Owner",
            on(r -> r.ownerName().map(n -> n.toLowerCase(Locale.ROOT)).orElse(null))),
    STATUS("status", "Status", on(r -> severity(r.statusWord()))),
    UNIT_COST("unit_cost", "Unit cost", on(r -> r.service().unitCost())),
    DEMAND("demand", "Demand / month", on(r -> r.service().monthlyDemand())),
    COST("cost", "Plan (monthly)", on(PortfolioRow::monthlyCost)),
    ACTUAL("actual", "Actual", on(r -> r.actual().orElse(null))),
    DIFFERENCE("difference", "Difference", on(r -> r.difference().orElse(null))),
    DIFFERENCE_PERCENT(
            "difference_pct", "Difference %", on(r -> r.differencePercent().orElse(null))),
    VALUE("value", "Monthly value", on(r -> r.service().monthlyValue())),
    MARGIN("margin", "Margin", on(PortfolioRow::margin)),
    MARGIN_ON_ACTUAL(
            "margin_actual", "Margin on actual", on(r -> r.marginOnActual().orElse(null))),
    /** Never checked in is the stalest of all, not a missing value: first when the stalest come first. */
    DAYS("days", "Days since check-in", on(r -> r.daysSinceCheckIn().orElse(Long.MAX_VALUE)));

    /** Margin ascending: the services losing the most money come first. */
    static final PortfolioColumn DEFAULT = MARGIN;

    private final String param;
    private final String title;
    private final Function<Boolean, Comparator<PortfolioRow>> order;

    PortfolioColumn(String param, String title, Function<Boolean, Comparator<PortfolioRow>> order) {
        this.param = param;
        this.title = title;
        this.order = order;
    }

    /** Orders rows by {@code value} either way, with a missing (null) value last both ways. */
    private static <T extends Comparable<? super T>> Function<Boolean, Comparator<PortfolioRow>> on(
            Function<PortfolioRow, T> value) {
        return descending -> Comparator.comparing(
                value, Comparator.nullsLast(descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder()));
    }

    String param() {
        return param;
    }

    String title() {
        return title;
    }

    Comparator<PortfolioRow> comparator(boolean descending) {
        Function<PortfolioRow, String> name = r -> r.name().toLowerCase(Locale.ROOT);
        return order.apply(descending).thenComparing(name).thenComparing(PortfolioRow::key);
    }

    static Optional<PortfolioColumn> parse(String param) {
        return Arrays.stream(values()).filter(c -> c.param.equals(param)).findFirst();
    }

    /** Red first when ascending; no status at all is a missing value. */
    private static Integer severity(String status) {
        return CheckInStatus.parse(status).map(s -> -s.ordinal()).orElse(null);
    }
}
