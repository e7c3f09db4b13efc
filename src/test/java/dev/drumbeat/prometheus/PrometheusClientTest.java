package dev.drumbeat.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drumbeat.prometheus.Measurement.Missing;
import dev.drumbeat.prometheus.Measurement.Reason;
import dev.drumbeat.prometheus.Measurement.Value;
import dev.drumbeat.support.PrometheusServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PromQL measured against a real Prometheus serving series this test wrote, one week of them every five minutes: the
 * number it stored, and every way of getting no number (NaN, an infinity, several series, a series that stopped, one
 * that never was, a query Prometheus refuses, Prometheus gone) named as such, never guessed.
 */
class PrometheusClientTest {
    /** The week measured: Monday 6 January 2025, 00:00 UTC, to the next Monday. */
    static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

    static final Instant END = START.plus(Duration.ofDays(7));
    static final Duration STEP = Duration.ofMinutes(5);

    @TempDir
    static Path dir;

    static PrometheusServer prometheus;
    static PrometheusClient client;

    @BeforeAll
    static void prometheusWithAWeekOfSeries() {
        StringBuilder om = new StringBuilder();
        om.append("# TYPE availability gauge\n");
        each((t, i) -> om.append("availability{service=\"payments\"} ")
                .append(i % 2 == 0 ? "99.95" : "99.90")
                .append(' ')
                .append(t.getEpochSecond())
                .append('\n'));
        om.append("# TYPE latency_ms gauge\n");
        each((t, i) -> om.append("latency_ms{instance=\"a\"} 120 ")
                .append(t.getEpochSecond())
                .append('\n'));
        each((t, i) -> om.append("latency_ms{instance=\"b\"} 180 ")
                .append(t.getEpochSecond())
                .append('\n'));
        om.append("# TYPE broken_ratio gauge\n");
        each((t, i) -> om.append("broken_ratio NaN ").append(t.getEpochSecond()).append('\n'));
        om.append("# TYPE unbounded gauge\n");
        each((t, i) -> om.append("unbounded +Inf ").append(t.getEpochSecond()).append('\n'));
        om.append("# TYPE batch_jobs gauge\n");
        each((t, i) -> {
            if (t.isBefore(START.plus(Duration.ofDays(3)))) {
                om.append("batch_jobs 42 ").append(t.getEpochSecond()).append('\n');
            }
        });
        // A counter that restarts from zero half way through the week: 10 a step before, 4 a step after.
        om.append("# TYPE payments counter\n");
        long[] count = {1_000};
        each((t, i) -> {
            count[0] = i == 1_008 ? 0 : count[0] + (i < 1_008 ? 10 : 4);
            om.append("payments_total ")
                    .append(count[0])
                    .append(' ')
                    .append(t.getEpochSecond())
                    .append('\n');
        });
        om.append("# EOF\n");
        prometheus = PrometheusServer.start(dir, om.toString());
        client = new PrometheusClient(
                HttpClient.newHttpClient(),
                new PrometheusClient.Settings(prometheus.url(), Optional.empty(), Duration.ofSeconds(10), 4));
    }

    /** Every step of the week, both ends included. */
    private static void each(Step step) {
        int i = 0;
        for (Instant t = START; !t.isAfter(END); t = t.plus(STEP)) {
            step.at(t, i++);
        }
    }

    private interface Step {
        void at(Instant t, int i);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void a_gauge_gives_the_value_written_for_the_periods_end_exactly() {
        Measurement measured = client.measure("availability{service=\"payments\"}", START, END);

        // 2,017 points, index 2,016 at the end: even, so 99.95
        assertThat(measured).isInstanceOfSatisfying(Value.class, v -> {
            assertThat(v.value()).isEqualByComparingTo("99.95");
            assertThat(v.at()).isEqualTo(END);
        });
        assertThat(client.measure("avg_over_time(availability[7d])", START, END))
                .isInstanceOfSatisfying(
                        Value.class, v -> assertThat(v.value().doubleValue()).isCloseTo(99.925, within(0.0001)));
    }

    @Test
    void a_counter_that_restarted_is_measured_across_the_reset() {
        // the window holds the samples at both ends (Prometheus 2), so nothing is extrapolated: 1,007 steps of 10,
        // the restart from zero (which counts as 0), then 1,008 steps of 4
        double expected = 1_007 * 10 + 1_008 * 4;

        Measurement measured = client.measure("increase(payments_total[7d])", START, END);

        assertThat(measured)
                .isInstanceOfSatisfying(
                        Value.class, v -> assertThat(v.value().doubleValue()).isCloseTo(expected, within(1e-9)));
    }

    @Test
    void nan_and_infinity_are_not_numbers() {
        assertThat(client.measure("broken_ratio", START, END)).isInstanceOfSatisfying(Missing.class, m -> {
            assertThat(m.reason()).isEqualTo(Reason.NOT_A_NUMBER);
            assertThat(m.detail()).isEqualTo("`broken_ratio` gives NaN, not a number.");
        });
        assertThat(client.measure("unbounded", START, END))
                .isInstanceOfSatisfying(
                        Missing.class, m -> assertThat(m.reason()).isEqualTo(Reason.NOT_A_NUMBER));
    }

    @Test
    void several_series_are_named_and_never_summed_on_the_quiet() {
        assertThat(client.measure("latency_ms", START, END)).isInstanceOfSatisfying(Missing.class, m -> {
            assertThat(m.reason()).isEqualTo(Reason.SEVERAL_SERIES);
            assertThat(m.detail()).contains("gives 2 series", "instance=\"a\"", "instance=\"b\"", "add sum(…), max(…)");
        });
        assertThat(client.measure("max(latency_ms)", START, END))
                .isInstanceOfSatisfying(Value.class, v -> assertThat(v.value()).isEqualByComparingTo("180"));
    }

    @Test
    void a_series_that_stopped_during_the_period_is_stale_and_says_when() {
        Measurement measured = client.measure("batch_jobs", START, END);

        assertThat(measured).isInstanceOfSatisfying(Missing.class, m -> {
            assertThat(m.reason()).isEqualTo(Reason.STALE);
            assertThat(m.detail()).startsWith("`batch_jobs` has had no data since 2025-01-0");
        });
    }

    @Test
    void a_series_that_never_was_is_empty() {
        assertThat(client.measure("no_such_metric", START, END)).isInstanceOfSatisfying(Missing.class, m -> {
            assertThat(m.reason()).isEqualTo(Reason.EMPTY);
            assertThat(m.detail())
                    .isEqualTo("`no_such_metric` matched no series between " + START + " and " + END + ".");
        });
    }

    @Test
    void a_query_prometheus_refuses_says_what_prometheus_said() {
        assertThat(client.measure("sum(availability", START, END)).isInstanceOfSatisfying(Missing.class, m -> {
            assertThat(m.reason()).isEqualTo(Reason.QUERY_ERROR);
            assertThat(m.detail()).startsWith("Prometheus refused the query: ").contains("parse error");
        });
        assertThat(client.measure("availability[1h]", START, END))
                .isInstanceOfSatisfying(
                        Missing.class, m -> assertThat(m.detail()).contains("gives a range of values, not one number"));
    }

    @Test
    void prometheus_gone_is_unreachable_and_the_secret_is_never_shown() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        PrometheusClient.Settings settings = new PrometheusClient.Settings(
                URI.create("http://127.0.0.1:" + closed + "/"),
                Optional.of("Bearer s3cr3t-token"),
                Duration.ofSeconds(2),
                1);
        PrometheusClient gone = new PrometheusClient(HttpClient.newHttpClient(), settings);

        assertThat(gone.measure("availability", START, END)).isInstanceOfSatisfying(Missing.class, m -> {
            assertThat(m.reason()).isEqualTo(Reason.UNREACHABLE);
            assertThat(m.detail()).contains("could not be reached").doesNotContain("s3cr3t");
        });
        assertThat(settings.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void a_value_is_an_exact_decimal_as_prometheus_wrote_it() {
        assertThat(client.measure("availability * 0 + 0.1 + 0.2", START, END))
                .isInstanceOfSatisfying(
                        Value.class, v -> assertThat(v.value()).isEqualTo(new BigDecimal("0.30000000000000004")));
    }
}
