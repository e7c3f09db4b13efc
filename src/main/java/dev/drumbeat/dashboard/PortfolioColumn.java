package dev.drumbeat.dashboard;

import dev.drumbeat.checkin.CheckInStatus;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The portfolio table's columns, each with the query name it sorts by and the value it sorts on. Missing values (no
 * owner, no status, never checked in) sort last in either direction; ties fall back to the name, then the key.
 */
enum PortfolioColumn {
    NAME("name", "Service", r -> r.name().toLowerCase(Locale.ROOT)),
    TIER("tier", "Tier", r -> r.service().tier()),
    OWNER("owner", "Owner", r -> r.ownerName().map(n -> n.toLowerCase(Locale.ROOT)).orElse(null)),
    STATUS("status", "Status", r -> severity(r.statusWord())),
    UNIT_COST("unit_cost", "Unit cost", r -> r.service().unitCost()),
    DEMAND("demand", "Demand / month", r -> r.service().monthlyDemand()),
    COST("cost", "Monthly cost", PortfolioRow::monthlyCost),
    VALUE("value", "Monthly value", r -> r.service().monthlyValue()),
    MARGIN("margin", "Margin", PortfolioRow::margin),
    DAYS("days", "Days since check-in", r -> r.daysSinceCheckIn().orElse(null));

    /** Margin ascending: the services losing the most money come first. */
    static final PortfolioColumn DEFAULT = MARGIN;
    private final String param;
    private final String title;
    private final Function<PortfolioRow, Comparable<?>> value;

    PortfolioColumn(String param, String title, Function<PortfolioRow, Comparable<?>> value) {
        this.param = param;
        this.title = title;
        this.value = value;
    }

    String param() {
        return param;
    }

    String title() {
        return title;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<PortfolioRow> comparator(boolean descending) {
        Comparator<Comparable> direction = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<PortfolioRow> primary = Comparator.comparing(r -> (Comparable) value.apply(r), Comparator.nullsLast(direction));
        Function<PortfolioRow, String> name = r -> r.name().toLowerCase(Locale.ROOT);
        return primary.thenComparing(name).thenComparing(PortfolioRow::key);
    }

    static Optional<PortfolioColumn> parse(String param) {
        return Arrays.stream(values()).filter(c -> c.param.equals(param)).findFirst();
    }

    /** Red first when ascending; no status at all is a missing value. */
    private static Integer severity(String status) {
        return CheckInStatus.parse(status).map(s -> -s.ordinal()).orElse(null);
    }
}
