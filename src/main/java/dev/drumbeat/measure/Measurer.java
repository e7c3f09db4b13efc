package dev.drumbeat.measure;

import dev.drumbeat.config.Monitoring;
import dev.drumbeat.prometheus.Measurement;
import dev.drumbeat.prometheus.Measurement.Missing;
import dev.drumbeat.prometheus.Measurement.Reason;
import dev.drumbeat.prometheus.PrometheusClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks the configured Prometheus, or says there is none; a number too large for a reading is refused rather than
 * stored wrong, and the rest are kept to a reading's four decimals. Thread-safe.
 */
public final class Measurer {
    /** A reading is numeric(18, 4): fourteen digits before the point. */
    private static final BigDecimal LARGEST = new BigDecimal("1E14");

    /**
     * After this many queries in a row found Prometheus unreachable or too slow, it is left alone for {@link #PAUSE}:
     * an outage then costs a run seconds, not one timeout per binding.
     */
    static final int FAILURES_BEFORE_PAUSE = 20;

    static final Duration PAUSE = Duration.ofMinutes(1);
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicLong pausedSince = new AtomicLong();
    private final Optional<PrometheusClient> client;
    private final int concurrency;

    public Measurer(Optional<PrometheusClient> client, int concurrency) {
        this.client = client;
        this.concurrency = concurrency;
    }

    public static Measurer of(Monitoring monitoring) {
        return new Measurer(
                monitoring
                        .url()
                        .map(url -> new PrometheusClient(
                                HttpClient.newBuilder()
                                        .connectTimeout(monitoring.timeout())
                                        .version(HttpClient.Version.HTTP_1_1)
                                        .build(),
                                new PrometheusClient.Settings(
                                        url,
                                        monitoring.authorization(),
                                        monitoring.timeout(),
                                        monitoring.concurrency()))),
                monitoring.concurrency());
    }

    public boolean configured() {
        return client.isPresent();
    }

    /** The most queries sent at once; evaluations use as many threads. */
    public int concurrency() {
        return concurrency;
    }

    public Measurement measure(String promql, Instant periodStart, Instant at) {
        if (client.isEmpty()) {
            return new Missing(
                    Reason.NOT_CONFIGURED,
                    "Drumbeat has no Prometheus to ask: an admin sets DRUMBEAT_PROMETHEUS_URL (see the README).");
        }
        long now = System.nanoTime();
        if (failuresInARow.get() >= FAILURES_BEFORE_PAUSE && now - pausedSince.get() < PAUSE.toNanos()) {
            return new Missing(
                    Reason.UNREACHABLE,
                    "Prometheus did not answer the last " + FAILURES_BEFORE_PAUSE + " queries, so Drumbeat is not"
                            + " asking it for a minute; this period is asked again later.");
        }
        Measurement measured = client.get().measure(promql, periodStart, at);
        if (measured instanceof Missing missing
                && (missing.reason() == Reason.UNREACHABLE || missing.reason() == Reason.TIMED_OUT)) {
            if (failuresInARow.incrementAndGet() >= FAILURES_BEFORE_PAUSE) {
                pausedSince.set(System.nanoTime());
            }
        } else {
            failuresInARow.set(0);
        }
        if (measured instanceof Measurement.Value v) {
            BigDecimal rounded = v.value().setScale(4, RoundingMode.HALF_EVEN);
            if (rounded.abs().compareTo(LARGEST) >= 0) {
                return new Missing(
                        Reason.OUT_OF_RANGE,
                        "`" + promql + "` gives " + v.value().toEngineeringString()
                                + ", too large for a reading (at most 14 digits before the point).");
            }
            return new Measurement.Value(rounded.stripTrailingZeros(), v.at());
        }
        return measured;
    }
}
