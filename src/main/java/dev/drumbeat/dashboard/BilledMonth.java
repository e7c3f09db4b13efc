package dev.drumbeat.dashboard;

import dev.drumbeat.costs.CostMonths;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The month the portfolio's actual costs come from: the latest month that is over and has bills (a month still
 * running is never set against a whole month's plan), what the bills allocated to each service in it, and the imports
 * its figures came from. One month for every row, so the table compares like with like. Immutable.
 */
record BilledMonth(YearMonth month, Map<Long, BigDecimal> byService, List<CostMonths.Source> sources) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    BilledMonth {
        byService = Map.copyOf(byService);
        sources = List.copyOf(sources);
    }

    /** The workspace's latest whole month of bills; empty before any whole month is imported. */
    static Optional<BilledMonth> read(CostMonths costs, String teamId) {
        return costs.latestWhole(teamId).map(month -> {
            Map<Long, BigDecimal> byService = new HashMap<>();
            costs.services(teamId, month, month)
                    .forEach((service, months) -> byService.put(service, months.get(month)));
            return new BilledMonth(month, byService, costs.sources(teamId, month));
        });
    }

    /** What the bills allocated to the service in the month; empty when they gave it nothing. */
    Optional<BigDecimal> actual(long serviceId) {
        return Optional.ofNullable(byService.get(serviceId));
    }

    /** "November 2026". */
    String monthName() {
        return name(month);
    }

    static String name(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear();
    }

    /** "from the bills imported on 1 Dec 2026" (or "on 1 Dec 2026 and 3 Dec 2026"): where the month's figures came from. */
    String provenance() {
        List<String> days = sources.stream()
                .map(s -> LocalDate.ofInstant(s.importedAt(), ZoneOffset.UTC))
                .distinct()
                .sorted()
                .map(DAY::format)
                .toList();
        if (days.isEmpty()) {
            return "from the bills";
        }
        String last = days.get(days.size() - 1);
        return "from the bills imported on "
                + (days.size() == 1 ? last : String.join(", ", days.subList(0, days.size() - 1)) + " and " + last);
    }
}
