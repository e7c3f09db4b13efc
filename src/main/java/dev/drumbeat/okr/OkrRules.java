package dev.drumbeat.okr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * When a key result needs attention. Pure and immutable, so thread-safe.
 *
 * <ul>
 *   <li><b>At risk:</b> its owner says off track, or its progress trails the share of its time gone (the quarter, or
 *       what was left of it when the result was set) by more than
 *       {@code behindBy} (0.25: a quarter of the way behind). A result with no reading yet is judged by confidence
 *       alone.</li>
 *   <li><b>Vanity:</b> its owner says on track while none of its linked KPIs has moved toward target over the last
 *       {@code periods} periods: the latest reading has closed less than 5% of the gap to target that stood
 *       {@code periods} readings earlier (noise is not movement).
 *       A KPI already on target, or with too short a history to tell, is not evidence of vanity.</li>
 * </ul>
 */
public record OkrRules(BigDecimal behindBy, int periods) {
    public static final BigDecimal DEFAULT_BEHIND_BY = new BigDecimal("0.25");
    public static final int DEFAULT_PERIODS = 4;
    /** The share of the gap to target a KPI must close over the periods to count as moving: week-to-week noise does not. */
    static final BigDecimal LEAST_MOVE = new BigDecimal("0.05");

    public OkrRules {
        if (behindBy.signum() < 0 || behindBy.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("behindBy is a share from 0 to 1, not " + behindBy);
        }
        if (periods < 1) {
            throw new IllegalArgumentException("vanity needs at least one period, not " + periods);
        }
    }

    public static OkrRules defaults() {
        return new OkrRules(DEFAULT_BEHIND_BY, DEFAULT_PERIODS);
    }

    /** Whether a key result with this progress and confidence is at risk with {@code elapsed} of its quarter gone. */
    public boolean isAtRisk(Optional<BigDecimal> progress, Optional<Confidence> confidence, BigDecimal elapsed) {
        if (confidence.filter(c -> c == Confidence.OFF_TRACK).isPresent()) {
            return true;
        }
        return progress.map(p -> elapsed.subtract(p).compareTo(behindBy) > 0).orElse(false);
    }

    /**
     * Whether an on-track claim is contradicted by the linked KPIs' readings.
     *
     * @param kpis each linked KPI's readings, oldest first, with its target and direction
     */
    public boolean isVanity(Optional<Confidence> confidence, List<KpiSeries> kpis) {
        if (confidence.filter(c -> c == Confidence.ON_TRACK).isEmpty() || kpis.isEmpty()) {
            return false;
        }
        return kpis.stream().allMatch(this::stalled);
    }

    private boolean stalled(KpiSeries kpi) {
        List<BigDecimal> values = kpi.values();
        if (values.size() < periods + 1) {
            return false;
        }
        BigDecimal latest = values.get(values.size() - 1);
        if (Progress.meets(latest, kpi.target(), kpi.direction())) {
            return false;
        }
        BigDecimal before = values.get(values.size() - 1 - periods);
        BigDecimal gapThen = kpi.target().subtract(before).abs();
        BigDecimal gapNow = kpi.target().subtract(latest).abs();
        return gapThen.subtract(gapNow).compareTo(gapThen.multiply(LEAST_MOVE)) < 0;
    }

    /** A KPI's readings, one per period and oldest first, with what it aims at. */
    public record KpiSeries(String name, BigDecimal target, String direction, List<BigDecimal> values) {
        public KpiSeries {
            values = List.copyOf(values);
        }
    }
}
