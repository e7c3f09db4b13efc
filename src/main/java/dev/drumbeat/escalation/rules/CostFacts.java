package dev.drumbeat.escalation.rules;

import dev.drumbeat.costs.CostMonths;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What one workspace's bills say for the cost rules, read through {@link CostMonths}: the latest whole month (never one
 * still running), each service's cost in the months up to it that {@link CostDrift} may look at, that month's bill
 * (allocated and not), its largest unallocated lines, and the imports its figures came from.
 */
public record CostFacts(
        String teamId,
        YearMonth month,
        Map<Long, SortedMap<YearMonth, BigDecimal>> services,
        CostMonths.Month bill,
        List<CostMonths.UnallocatedLine> largestUnallocated,
        List<CostMonths.Source> sources) {
    /** How many unallocated lines an escalation lists. */
    public static final int LINES = 5;

    /** The workspace's facts, or empty when it has no whole month of bills yet. A handful of reads per workspace. */
    public static Optional<CostFacts> read(CostMonths months, String teamId) {
        Optional<YearMonth> latest = months.latestWhole(teamId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        YearMonth month = latest.get();
        CostMonths.Month bill = months.totals(teamId, month, month).get(month);
        if (bill == null) {
            return Optional.empty();
        }
        return Optional.of(new CostFacts(
                teamId,
                month,
                months.services(teamId, month.minusMonths(CostDrift.MONTHS - 1L), month),
                bill,
                months.largestUnallocated(teamId, month, LINES),
                months.sources(teamId, month)));
    }
}
