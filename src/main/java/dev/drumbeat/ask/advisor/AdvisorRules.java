package dev.drumbeat.ask.advisor;

import dev.drumbeat.ask.question.Question;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a deprioritisation question may touch and what touching it costs. Which candidates are eligible depends on
 * the question (whether strategic work is allowed, which keys it excludes); the impact of stopping one is fixed
 * policy. Pure and immutable, so thread-safe.
 *
 * <p>Impact is monthly value lost plus three weights, in money per month so that they add up with value:
 * <ul>
 *   <li>{@link #PER_DEMAND_UNIT} for each unit of monthly demand it serves: a light nudge towards cutting what
 *       few people use (units differ by service, so it is kept small beside value);</li>
 *   <li>{@link #PER_KPI_ON_TARGET} for each KPI on target today that would stop being served;</li>
 *   <li>{@link #PER_OPEN_DEPENDENCY} for each open dependency: an open initiative, or a key result of an open
 *       objective, relying on a service; or a service an initiative is delivering for.</li>
 * </ul>
 * Negative value lost or demand count as zero, so impact is never negative.
 */
public record AdvisorRules(boolean includeStrategic, Set<String> excludedKeys, Question.Scope scope) {
    public static final BigDecimal PER_DEMAND_UNIT = new BigDecimal("0.01");
    public static final BigDecimal PER_KPI_ON_TARGET = new BigDecimal("2000");
    public static final BigDecimal PER_OPEN_DEPENDENCY = new BigDecimal("5000");
    private static final String STRATEGIC = "strategic";

    /** Why a candidate was left out of the answer, in words the answer can show. */
    public enum Spared {
        PROTECTED("it is protected"),
        STRATEGIC("it is strategic (ask \"including strategic\" to consider it)"),
        EXCLUDED("the question said not to touch it"),
        OUTSIDE("it is outside what the question limited the picks to");

        private final String reason;

        Spared(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    public AdvisorRules {
        excludedKeys = excludedKeys.stream().map(AdvisorRules::normalise).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(scope, "scope");
    }

    /** Rules that limit the picks to nothing beyond the strategic tier and the keys excluded. */
    public AdvisorRules(boolean includeStrategic, Set<String> excludedKeys) {
        this(includeStrategic, excludedKeys, Question.Scope.ANY);
    }

    /** The rules of a plain question: strategic work and protected work are spared, nothing else excluded. */
    public static AdvisorRules standard() {
        return new AdvisorRules(false, Set.of());
    }

    /** Why the candidate may not be picked, or empty when it may. Protection outranks the other reasons. */
    public Optional<Spared> spared(Candidate candidate) {
        if (candidate.isProtected()) {
            return Optional.of(Spared.PROTECTED);
        }
        if (!excludedKeys.isEmpty() && excludedKeys.contains(normalise(candidate.key()))) {
            return Optional.of(Spared.EXCLUDED);
        }
        if (!isInScope(candidate)) {
            return Optional.of(Spared.OUTSIDE);
        }
        if (!includeStrategic && STRATEGIC.equalsIgnoreCase(candidate.tier().strip())) {
            return Optional.of(Spared.STRATEGIC);
        }
        return Optional.empty();
    }

    /** Whether the candidate is of a tier, kind and owner the question limited the picks to, if it did. */
    private boolean isInScope(Candidate candidate) {
        boolean isService = candidate.kind() == Candidate.Kind.SERVICE;
        if (!scope.tiers().isEmpty()
                && !(isService
                        && scope.tiers().contains(candidate.tier().strip().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (!scope.kinds().isEmpty()
                && !scope.kinds().contains(isService ? Question.Scope.Kind.SERVICE : Question.Scope.Kind.INITIATIVE)) {
            return false;
        }
        return scope.ownerIds().isEmpty()
                || candidate.ownerId().filter(scope.ownerIds()::contains).isPresent();
    }

    public boolean isEligible(Candidate candidate) {
        return spared(candidate).isEmpty();
    }

    /** The candidates the optimiser may pick from, in the order given. */
    public List<Candidate> eligible(List<Candidate> candidates) {
        List<Candidate> eligible = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (isEligible(candidate)) {
                eligible.add(candidate);
            }
        }
        return eligible;
    }

    /** Monthly impact of stopping the candidate: value lost plus the weights above; never negative. */
    public static BigDecimal impact(Candidate c) {
        return nonNegative(c.monthlyValueLost())
                .add(nonNegative(c.demand()).multiply(PER_DEMAND_UNIT))
                .add(PER_KPI_ON_TARGET.multiply(BigDecimal.valueOf(Math.max(0, c.kpisOnTarget()))))
                .add(PER_OPEN_DEPENDENCY.multiply(BigDecimal.valueOf(Math.max(0, c.openDependencies()))));
    }

    private static BigDecimal nonNegative(BigDecimal amount) {
        return amount.signum() < 0 ? BigDecimal.ZERO : amount;
    }

    private static String normalise(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }
}
