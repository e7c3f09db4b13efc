package dev.drumbeat.ask.advisor;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What stopping a candidate costs the business, in money per month so the parts add up: value lost times
 * {@code perValueLost}, plus a sum for each KPI on target it serves, each open dependency on it, and each unit of
 * monthly demand it serves. A workspace's admins set them (`/drumbeat settings weight-kpi 2500`); a workspace that
 * never did has {@link #defaults()}, whose reasons the README gives. Immutable, so thread-safe.
 *
 * @param perValueLost      a multiplier on monthly value lost (1: a dollar of value lost is a dollar of impact)
 * @param perKpiOnTarget    money a month for each KPI on target today that would stop being served
 * @param perOpenDependency money a month for each open dependency: an open initiative, or a key result of an open
 *                          objective, relying on a service; or a service an initiative is delivering for
 * @param perDemandUnit     money a month for each unit of monthly demand served: a light nudge towards cutting what
 *                          few use (units differ by service, so it is kept small beside value)
 */
public record ImpactWeights(
        BigDecimal perValueLost, BigDecimal perKpiOnTarget, BigDecimal perOpenDependency, BigDecimal perDemandUnit) {
    private static final ImpactWeights DEFAULTS =
            new ImpactWeights(BigDecimal.ONE, new BigDecimal("2000"), new BigDecimal("5000"), new BigDecimal("0.01"));

    /**
     * Weights are never negative, so impact never is; each is kept without trailing zeros, so equal weights are equal
     * records whether typed as {@code 2000} or read back from the database as {@code 2000.0000}.
     */
    public ImpactWeights {
        perValueLost = checked(perValueLost);
        perKpiOnTarget = checked(perKpiOnTarget);
        perOpenDependency = checked(perOpenDependency);
        perDemandUnit = checked(perDemandUnit);
    }

    /** What a workspace has until an admin changes them: value × 1, $2,000 per KPI, $5,000 per dependency, $0.01 per unit. */
    public static ImpactWeights defaults() {
        return DEFAULTS;
    }

    /** Monthly impact of stopping the candidate; negative value lost, demand or counts count as zero. Exact. */
    public BigDecimal impact(Candidate c) {
        return nonNegative(c.monthlyValueLost())
                .multiply(perValueLost)
                .add(nonNegative(c.demand()).multiply(perDemandUnit))
                .add(perKpiOnTarget.multiply(BigDecimal.valueOf(Math.max(0, c.kpisOnTarget()))))
                .add(perOpenDependency.multiply(BigDecimal.valueOf(Math.max(0, c.openDependencies()))));
    }

    public ImpactWeights withPerValueLost(BigDecimal weight) {
        return new ImpactWeights(weight, perKpiOnTarget, perOpenDependency, perDemandUnit);
    }

    public ImpactWeights withPerKpiOnTarget(BigDecimal weight) {
        return new ImpactWeights(perValueLost, weight, perOpenDependency, perDemandUnit);
    }

    public ImpactWeights withPerOpenDependency(BigDecimal weight) {
        return new ImpactWeights(perValueLost, perKpiOnTarget, weight, perDemandUnit);
    }

    public ImpactWeights withPerDemandUnit(BigDecimal weight) {
        return new ImpactWeights(perValueLost, perKpiOnTarget, perOpenDependency, weight);
    }

    private static BigDecimal checked(BigDecimal weight) {
        Objects.requireNonNull(weight, "weight");
        if (weight.signum() < 0) {
            throw new IllegalArgumentException("An impact weight is never negative, not " + weight);
        }
        BigDecimal stripped = weight.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal nonNegative(BigDecimal amount) {
        return amount.signum() < 0 ? BigDecimal.ZERO : amount;
    }
}
