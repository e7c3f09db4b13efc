package dev.drumbeat.okr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How far a key result has come, as a share from 0 to 1. A measured result moves from its baseline towards its
 * target in its KPI's direction: for {@code up}, {@code (current − baseline) / (target − baseline)}; for
 * {@code down}, {@code (baseline − current) / (baseline − target)}. Ground lost counts as 0 and overshooting as 1.
 * A target already met at the baseline (or equal to it) has nothing to move: progress is 1 while the current value
 * still meets it, else 0. A milestone is 0 or 1. Pure.
 */
public final class Progress {
    static final int SCALE = 4;

    private Progress() {}

    /** The progress of a measured result; empty when its KPI has no reading yet. */
    public static Optional<BigDecimal> measured(
            BigDecimal baseline, BigDecimal target, String direction, Optional<BigDecimal> current) {
        return current.map(value -> share(baseline, target, isUp(direction), value));
    }

    public static BigDecimal milestone(boolean done) {
        return done ? BigDecimal.ONE.setScale(SCALE) : BigDecimal.ZERO.setScale(SCALE);
    }

    /** Whether {@code value} meets {@code target} in the direction given. */
    public static boolean meets(BigDecimal value, BigDecimal target, String direction) {
        int compared = value.compareTo(target);
        return isUp(direction) ? compared >= 0 : compared <= 0;
    }

    private static BigDecimal share(BigDecimal baseline, BigDecimal target, boolean up, BigDecimal current) {
        BigDecimal span = up ? target.subtract(baseline) : baseline.subtract(target);
        if (span.signum() <= 0) {
            return milestone(meets(current, target, up ? "up" : "down"));
        }
        BigDecimal gained = up ? current.subtract(baseline) : baseline.subtract(current);
        BigDecimal share = gained.divide(span, SCALE, RoundingMode.HALF_UP);
        return share.max(BigDecimal.ZERO.setScale(SCALE)).min(BigDecimal.ONE.setScale(SCALE));
    }

    private static boolean isUp(String direction) {
        return "up".equals(direction);
    }
}
