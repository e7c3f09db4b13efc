package dev.drumbeat.okr;

import dev.drumbeat.costs.CostMonths;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Measures a decision's realised saving from the bills: its services' average monthly cost in the whole months before
 * the month it was made (up to {@link #MONTHS}, those with bills for them) minus their average in the whole months
 * after it (up to {@link #MONTHS}, those the workspace has bills for; a service the bills gave nothing that month cost
 * nothing, as a retired one does). The month of the decision is neither. Without months on both sides there is no
 * number, and the outcome says why. Reads the bills of every decision's months in two queries, through
 * {@link CostMonths}. Thread-safe.
 */
final class RealisedSavings {
    static final int MONTHS = 3;
    static final String NO_BILLS = "no bills to measure it";
    private final CostMonths costs;

    RealisedSavings(CostMonths costs) {
        this.costs = costs;
    }

    List<DecisionOutcome> measure(String teamId, List<OkrReviewDao.DecisionRow> decisions) {
        List<OkrReviewDao.DecisionRow> withServices = decisions.stream()
                .filter(d -> !d.undone() && !d.serviceIds().isEmpty())
                .toList();
        if (withServices.isEmpty()) {
            return decisions.stream()
                    .map(d -> new DecisionOutcome(d, Optional.empty(), Optional.empty()))
                    .toList();
        }
        YearMonth from = withServices.stream()
                .map(RealisedSavings::month)
                .min(Comparator.naturalOrder())
                .orElseThrow()
                .minusMonths(MONTHS);
        YearMonth to = withServices.stream()
                .map(RealisedSavings::month)
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .plusMonths(MONTHS);
        Set<YearMonth> billed = costs.totals(teamId, from, to).keySet();
        Map<Long, SortedMap<YearMonth, BigDecimal>> byService = costs.services(teamId, from, to);
        return decisions.stream()
                .map(d -> withServices.contains(d)
                        ? outcome(d, billed, byService)
                        : new DecisionOutcome(d, Optional.empty(), Optional.empty()))
                .toList();
    }

    private DecisionOutcome outcome(
            OkrReviewDao.DecisionRow decision,
            Set<YearMonth> billed,
            Map<Long, SortedMap<YearMonth, BigDecimal>> byService) {
        YearMonth decided = month(decision);
        List<YearMonth> before = new ArrayList<>();
        for (YearMonth m = decided.minusMonths(MONTHS); m.isBefore(decided); m = m.plusMonths(1)) {
            YearMonth month = m;
            if (decision.serviceIds().stream()
                    .anyMatch(s -> byService.getOrDefault(s, emptyMonths()).containsKey(month))) {
                before.add(m);
            }
        }
        if (before.isEmpty()) {
            return unmeasured(decision, NO_BILLS);
        }
        List<YearMonth> since = new ArrayList<>();
        for (YearMonth m = decided.plusMonths(1);
                !m.isAfter(decided.plusMonths(MONTHS)) && costs.over(m);
                m = m.plusMonths(1)) {
            since.add(m);
        }
        if (since.isEmpty()) {
            return unmeasured(decision, NO_BILLS + " yet: no whole month since");
        }
        List<YearMonth> after = since.stream().filter(billed::contains).toList();
        if (after.isEmpty()) {
            return unmeasured(decision, NO_BILLS + ": none imported for " + MonthNames.of(since));
        }
        BigDecimal realised = average(decision, before, byService).subtract(average(decision, after, byService));
        return new DecisionOutcome(
                decision, Optional.of(new DecisionOutcome.Measured(realised, before, after)), Optional.empty());
    }

    /** The services' cost summed per month, averaged over {@code months}; a month without bills for them is zero. */
    private static BigDecimal average(
            OkrReviewDao.DecisionRow decision,
            List<YearMonth> months,
            Map<Long, SortedMap<YearMonth, BigDecimal>> byService) {
        BigDecimal total = BigDecimal.ZERO;
        for (YearMonth month : months) {
            for (long service : decision.serviceIds()) {
                total = total.add(byService.getOrDefault(service, emptyMonths()).getOrDefault(month, BigDecimal.ZERO));
            }
        }
        return total.divide(BigDecimal.valueOf(months.size()), 2, RoundingMode.HALF_UP);
    }

    private static DecisionOutcome unmeasured(OkrReviewDao.DecisionRow decision, String why) {
        return new DecisionOutcome(decision, Optional.empty(), Optional.of(why));
    }

    private static SortedMap<YearMonth, BigDecimal> emptyMonths() {
        return Collections.emptySortedMap();
    }

    /** The calendar month the decision was made in, in UTC as the bills are. */
    private static YearMonth month(OkrReviewDao.DecisionRow decision) {
        return YearMonth.from(decision.decidedAt().atZone(ZoneOffset.UTC));
    }
}
