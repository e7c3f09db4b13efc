package dev.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Progress from baseline toward target, in the KPI's direction. */
class ProgressTest {

    private static String progress(String baseline, String target, String direction, String current) {
        return Progress.measured(
                        new BigDecimal(baseline),
                        new BigDecimal(target),
                        direction,
                        Optional.of(new BigDecimal(current)))
                .orElseThrow()
                .toPlainString();
    }

    @ParameterizedTest(name = "{2}: {0} → {1}, now {3} is {4}")
    @CsvSource({
        "90, 100, up, 95, 0.5000",
        "90, 100, up, 90, 0.0000",
        "90, 100, up, 100, 1.0000",
        "90, 100, up, 120, 1.0000",
        "90, 100, up, 80, 0.0000",
        "99.5, 99.9, up, 99.8, 0.7500",
        "500, 200, down, 350, 0.5000",
        "500, 200, down, 200, 1.0000",
        "500, 200, down, 150, 1.0000",
        "500, 200, down, 600, 0.0000",
        "40, 30, down, 37.5, 0.2500",
        "0, 3, up, 1, 0.3333",
    })
    void progress_is_the_share_of_the_way_from_baseline_to_target(
            String baseline, String target, String direction, String current, String expected) {
        assertThat(progress(baseline, target, direction, current)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{2}: {0} → {1} is already met; now {3} is {4}")
    @CsvSource({
        "100, 90, up, 95, 1.0000",
        "100, 90, up, 85, 0.0000",
        "100, 100, up, 100, 1.0000",
        "200, 500, down, 450, 1.0000",
        "200, 500, down, 501, 0.0000",
        "300, 300, down, 300.1, 0.0000",
    })
    void a_target_already_met_at_the_baseline_is_done_while_it_stays_met(
            String baseline, String target, String direction, String current, String expected) {
        assertThat(progress(baseline, target, direction, current)).isEqualTo(expected);
    }

    @Test
    void no_reading_means_no_progress_to_tell_and_a_milestone_is_all_or_nothing() {
        assertThat(Progress.measured(BigDecimal.ONE, BigDecimal.TEN, "up", Optional.empty()))
                .isEmpty();
        assertThat(Progress.milestone(true)).isEqualByComparingTo("1");
        assertThat(Progress.milestone(false)).isEqualByComparingTo("0");
    }
}
