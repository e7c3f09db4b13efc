package dev.drumbeat.escalation.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Whether a service's cost is drifting up, judged on whole months of bills only, in two ways.
 *
 * <p>A <b>spike</b>: the latest month at least {@code spikePercent} above the average of the three months before it.
 * A <b>trend</b>: each of the latest three months above the average of the months before them (three to six of them),
 * the latest at least {@code trendPercent} above it. A spike needs four months in a row, a trend six; a service with
 * fewer is not judged. The months are the run that ends at the latest whole month: a month without bills for the
 * service breaks it, since nobody knows what it cost then. The average of the months before must be positive.
 * Comparisons are exact (no rounding): {@code latest × n × 100 ≥ sum × (100 + percent)}.
 *
 * <p>Why these shapes: month-to-month noise of ±5% can never reach a 25% spike (at most 1.05 / 0.95, +10.5%), and a
 * trend needs three months in a row above the baseline and the last one well above it, which noise almost never
 * gives (about 5 in a million twelve-month series at 10%, see the README). Pure and thread-safe.
 */
public final class CostDrift {
    /** Months in a trend, and the fewest months a baseline may average. */
    public static final int RECENT = 3;
    /** The most months a trend's baseline averages. */
    public static final int LONGEST_BASELINE = 6;
    /** The most months of bills the detector looks at. */
    public static final int MONTHS = RECENT + LONGEST_BASELINE;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CostDrift() {}

    /** Which test found the drift. */
    public enum Kind {
        SPIKE,
        TREND
    }

    /**
     * Drift found in {@code month}: its {@code cost}, the months averaged ({@code from} to {@code to}) and their
     * {@code average}, the months of a trend's rise with their costs ({@code rise}, oldest first; empty for a spike), and
     * the latest month's change on the average, as a fraction ({@code 0.105} is +10.5%).
     */
    public record Drift(
            Kind kind,
            YearMonth month,
            BigDecimal cost,
            YearMonth from,
            YearMonth to,
            BigDecimal average,
            List<Month> rise,
            BigDecimal change) {}

    /** One month's cost. */
    public record Month(YearMonth month, BigDecimal cost) {}

    /**
     * The drift in {@code costs} at {@code latest}, the latest whole month (later months are ignored: they are not
     * over), or empty when there is none or too few months to judge.
     */
    public static Optional<Drift> judge(
            SortedMap<YearMonth, BigDecimal> costs, YearMonth latest, int trendPercent, int spikePercent) {
        List<Month> run = run(costs, latest);
        Optional<Drift> spike = spike(run, spikePercent);
        return spike.isPresent() ? spike : trend(run, trendPercent);
    }

    /** The months in a row ending at {@code latest}, oldest first, at most {@link #MONTHS}. */
    static List<Month> run(SortedMap<YearMonth, BigDecimal> costs, YearMonth latest) {
        List<Month> run = new ArrayList<>();
        for (YearMonth m = latest; run.size() < MONTHS && costs.containsKey(m); m = m.minusMonths(1)) {
            run.add(0, new Month(m, costs.get(m)));
        }
        return run;
    }

    private static Optional<Drift> spike(List<Month> run, int percent) {
        int n = run.size();
        if (n < RECENT + 1) {
            return Optional.empty();
        }
        List<Month> before = run.subList(n - 1 - RECENT, n - 1);
        Month latest = run.get(n - 1);
        if (!isPositive(before) || !isAtLeast(latest.cost(), before, percent)) {
            return Optional.empty();
        }
        return Optional.of(drift(Kind.SPIKE, latest, before, List.of()));
    }

    private static Optional<Drift> trend(List<Month> run, int percent) {
        int n = run.size();
        if (n < RECENT + RECENT) {
            return Optional.empty();
        }
        List<Month> before = run.subList(0, n - RECENT);
        List<Month> rise = run.subList(n - RECENT, n);
        Month latest = rise.get(RECENT - 1);
        boolean allAbove = rise.stream().allMatch(m -> isAbove(m.cost(), before));
        if (!isPositive(before) || !allAbove || !isAtLeast(latest.cost(), before, percent)) {
            return Optional.empty();
        }
        return Optional.of(drift(Kind.TREND, latest, before, List.copyOf(rise)));
    }

    private static Drift drift(Kind kind, Month latest, List<Month> before, List<Month> rise) {
        BigDecimal average = sum(before).divide(BigDecimal.valueOf(before.size()), 6, RoundingMode.HALF_EVEN);
        BigDecimal change = latest.cost()
                .multiply(BigDecimal.valueOf(before.size()))
                .subtract(sum(before))
                .divide(sum(before), 6, RoundingMode.HALF_EVEN);
        return new Drift(
                kind,
                latest.month(),
                latest.cost(),
                before.get(0).month(),
                before.get(before.size() - 1).month(),
                average,
                rise,
                change);
    }

    /** {@code cost} is at least {@code percent} above the average of {@code months}, exactly. */
    private static boolean isAtLeast(BigDecimal cost, List<Month> months, int percent) {
        BigDecimal left = cost.multiply(BigDecimal.valueOf(months.size())).multiply(HUNDRED);
        BigDecimal right = sum(months).multiply(HUNDRED.add(BigDecimal.valueOf(percent)));
        return left.compareTo(right) >= 0;
    }

    /** {@code cost} is above the average of {@code months}. */
    private static boolean isAbove(BigDecimal cost, List<Month> months) {
        return cost.multiply(BigDecimal.valueOf(months.size())).compareTo(sum(months)) > 0;
    }

    private static boolean isPositive(List<Month> months) {
        return sum(months).signum() > 0;
    }

    private static BigDecimal sum(List<Month> months) {
        return months.stream().map(Month::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
