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
 * the question (whether strategic work is allowed, which keys it excludes); the impact of stopping one is monthly
 * value lost plus weights for the KPIs, dependencies and demand it serves, which each workspace sets
 * ({@link ImpactWeights}; the constants here are the defaults). Pure and immutable, so thread-safe.
 */
public record AdvisorRules(boolean includeStrategic, Set<String> excludedKeys, Question.Scope scope) {
    public static final BigDecimal PER_DEMAND_UNIT = ImpactWeights.defaults().perDemandUnit();
    public static final BigDecimal PER_KPI_ON_TARGET = ImpactWeights.defaults().perKpiOnTarget();
    public static final BigDecimal PER_OPEN_DEPENDENCY =
            ImpactWeights.defaults().perOpenDependency();
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

    /** Monthly impact of stopping the candidate under the {@linkplain ImpactWeights#defaults default weights}. */
    public static BigDecimal impact(Candidate c) {
        return ImpactWeights.defaults().impact(c);
    }

    private static String normalise(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }
}
