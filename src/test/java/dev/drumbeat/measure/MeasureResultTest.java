package dev.drumbeat.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.prometheus.Measurement;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Prometheus's words are stored as they came, except what PostgreSQL cannot keep: a NUL in a label value would fail
 * the batch it is in at every run, and a detail naming thousands of series would grow without end.
 */
class MeasureResultTest {

    private static MeasureResult missing(String detail) {
        return MeasureResult.of(
                1,
                LocalDate.of(2025, 1, 6),
                "q",
                new Measurement.Missing(Measurement.Reason.SEVERAL_SERIES, detail),
                Instant.parse("2025-01-13T00:00:00Z"));
    }

    @Test
    void a_nul_in_prometheus_words_is_dropped_and_the_rest_kept() {
        assertThat(missing("`q` gives 2 series ({job=\"a\0b\"}, {job=\"c\"})").detail())
                .isEqualTo("`q` gives 2 series ({job=\"ab\"}, {job=\"c\"})");
    }

    @Test
    void a_very_long_detail_is_clipped() {
        String detail = missing("x".repeat(10_000_000)).detail();

        assertThat(detail).hasSize(MeasureResult.MAX_DETAIL).endsWith("…");
    }
}
