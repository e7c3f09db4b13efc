package dev.drumbeat.ask.settings;

import dev.drumbeat.ask.advisor.ImpactWeights;
import dev.drumbeat.core.Money;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The four impact weights `/drumbeat settings` changes: the word that names each, how it reads, its upper bound (the
 * table's CHECK), and which part of {@link ImpactWeights} it is. All are 0 or more.
 */
enum WeightSetting {
    VALUE(
            "weight-value",
            "1",
            "a multiplier on value lost, 0 to 100: 0 leaves value out, 2 counts it double",
            "Impact counts value lost × %s",
            new BigDecimal("100"),
            ImpactWeights::perValueLost,
            ImpactWeights::withPerValueLost),
    KPI(
            "weight-kpi",
            "2500",
            "impact a month for each KPI on target a cut would stop serving",
            "Each KPI on target adds %s a month of impact",
            new BigDecimal("10000000"),
            ImpactWeights::perKpiOnTarget,
            ImpactWeights::withPerKpiOnTarget),
    DEPENDENCY(
            "weight-dependency",
            "5000",
            "impact a month for each open dependency: an initiative or key result relying on a service, or a service"
                    + " an initiative delivers for",
            "Each open dependency adds %s a month of impact",
            new BigDecimal("10000000"),
            ImpactWeights::perOpenDependency,
            ImpactWeights::withPerOpenDependency),
    DEMAND(
            "weight-demand",
            "0.01",
            "impact a month for each unit of monthly demand a cut would stop serving",
            "Each unit of monthly demand adds %s a month of impact",
            new BigDecimal("1000"),
            ImpactWeights::perDemandUnit,
            ImpactWeights::withPerDemandUnit);

    private final String word;
    private final String example;
    private final String about;
    private final String sentence;
    private final BigDecimal max;
    private final Function<ImpactWeights, BigDecimal> weight;
    private final BiFunction<ImpactWeights, BigDecimal, ImpactWeights> with;

    WeightSetting(
            String word,
            String example,
            String about,
            String sentence,
            BigDecimal max,
            Function<ImpactWeights, BigDecimal> weight,
            BiFunction<ImpactWeights, BigDecimal, ImpactWeights> with) {
        this.word = word;
        this.example = example;
        this.about = about;
        this.sentence = sentence;
        this.max = max;
        this.weight = weight;
        this.with = with;
    }

    static Optional<WeightSetting> named(String typed) {
        return Arrays.stream(values())
                .filter(w -> w.word.equalsIgnoreCase(typed.strip()))
                .findFirst();
    }

    String word() {
        return word;
    }

    String about() {
        return about;
    }

    BigDecimal max() {
        return max;
    }

    boolean isMultiplier() {
        return this == VALUE;
    }

    /** The command that sets it to {@code example}, such as {@code /drumbeat settings weight-kpi 2500}. */
    String example() {
        return command(example);
    }

    /** The command that sets it back to what it is in {@code weights}: the undo of a change. */
    String commandFor(ImpactWeights weights) {
        return command(weight.apply(weights).toPlainString());
    }

    /** Its value in words: {@code × 1} for the multiplier, money such as {@code $2,000} for the others. */
    String words(ImpactWeights weights, Money money) {
        BigDecimal value = weight.apply(weights);
        return isMultiplier() ? "× " + value.toPlainString() : money.format(value);
    }

    /** The setting as a sentence, such as {@code Each KPI on target adds $2,000 a month of impact}. */
    String sentence(ImpactWeights weights, Money money) {
        BigDecimal value = weight.apply(weights);
        return sentence.formatted(isMultiplier() ? value.toPlainString() : money.format(value));
    }

    boolean isDefault(ImpactWeights weights) {
        return weight.apply(weights).compareTo(weight.apply(ImpactWeights.defaults())) == 0;
    }

    ImpactWeights apply(ImpactWeights weights, BigDecimal value) {
        return with.apply(weights, value);
    }

    private String command(String argument) {
        return "/drumbeat settings " + word + " " + argument;
    }
}
