package dev.drumbeat.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.ask.advisor.Advice;
import dev.drumbeat.ask.advisor.ImpactWeights;
import dev.drumbeat.ask.advisor.Optimiser;
import dev.drumbeat.core.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How an answer says how its picks were chosen, and how far from the best possible they can be. */
class AdviceLinesTest {
    private final AdviceLines lines = new AdviceLines(new Money(Currency.getInstance("USD")));

    @Test
    void a_proven_answer_says_only_how_the_picks_were_chosen() {
        String said = lines.howChosen(choice("1000", "1000"));

        assertThat(said)
                .startsWith("Impact = value lost × 1 + $2,000 per KPI on target")
                .doesNotContain("prove");
    }

    @Test
    void an_answer_not_proven_best_says_at_most_how_much_more_impact_it_has_rounded_up() {
        String said = lines.howChosen(choice("1004.01", "1000"));

        assertThat(said)
                .endsWith(" Drumbeat could not prove this the best set in the time allowed; it has at most 0.5% more"
                        + " impact than the best possible.");
    }

    private static Advice choice(String impact, String lowerBound) {
        Optimiser.Choice chosen = new Optimiser.Choice(
                List.of(), new BigDecimal("5000"), new BigDecimal(impact), true, new BigDecimal(lowerBound));
        return new Advice(
                new BigDecimal("5000"),
                new BigDecimal("90000"),
                chosen,
                Optional.empty(),
                Map.of(),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                ImpactWeights.defaults());
    }
}
