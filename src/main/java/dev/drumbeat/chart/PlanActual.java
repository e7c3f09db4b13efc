package dev.drumbeat.chart;

import dev.drumbeat.costs.CostMonths;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A service's plan (unit cost × demand, as it stands now) against what the bills allocated to it over the last
 * {@link #MONTHS} months, oldest first. The last month is the one the clock is in when the bills already have costs in
 * it (drawn and named "so far", never set against a whole month's plan), otherwise the month before. A month whose
 * bills give the service nothing has no actual: "no bills", not zero. Immutable.
 */
public record PlanActual(String serviceName, BigDecimal plan, List<Month> months) {
    public static final int MONTHS = 6;

    /** One month: what the bills say the service cost, if anything, and whether the month is still running. */
    public record Month(YearMonth month, Optional<BigDecimal> actual, boolean soFar) {}

    public PlanActual {
        months = List.copyOf(months);
    }

    /** The service's last six months from the bills, read through {@link CostMonths}. */
    public static PlanActual read(
            CostMonths costs, String teamId, long serviceId, String serviceName, BigDecimal plan) {
        YearMonth current = costs.current();
        YearMonth last = costs.latest(teamId)
                .filter(latest -> !latest.isBefore(current))
                .map(latest -> current)
                .orElse(current.minusMonths(1));
        YearMonth first = last.minusMonths(MONTHS - 1L);
        SortedMap<YearMonth, BigDecimal> billed = costs.service(teamId, serviceId, first, last);
        List<Month> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(new Month(m, Optional.ofNullable(billed.get(m)), !costs.over(m)));
        }
        return new PlanActual(serviceName, plan, months);
    }
}
