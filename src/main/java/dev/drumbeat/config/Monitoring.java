package dev.drumbeat.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where measured KPIs and demand are read from: a server speaking Prometheus's query API
 * ({@code DRUMBEAT_PROMETHEUS_URL}, optional; Thanos, Mimir, VictoriaMetrics and the hosted ones speak it too), the
 * {@code Authorization} header it wants ({@code DRUMBEAT_PROMETHEUS_BEARER_TOKEN} or
 * {@code DRUMBEAT_PROMETHEUS_USER} with {@code DRUMBEAT_PROMETHEUS_PASSWORD}), the most queries sent at once
 * ({@code DRUMBEAT_PROMETHEUS_CONCURRENCY}, default 8) and how long one may take
 * ({@code DRUMBEAT_PROMETHEUS_TIMEOUT_MS}, default 10 s). {@link #toString()} hides the header.
 */
public record Monitoring(Optional<URI> url, Optional<String> authorization, Duration timeout, int concurrency) {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    public static final int CONCURRENCY = 8;

    public Monitoring {
        if (concurrency < 1) {
            throw new IllegalArgumentException("at least one query must be allowed at once");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a query timeout is more than zero");
        }
    }

    /** No Prometheus: bindings can be made but every measurement says it is not configured. */
    public static Monitoring none() {
        return new Monitoring(Optional.empty(), Optional.empty(), TIMEOUT, CONCURRENCY);
    }

    public static Monitoring at(URI url) {
        return new Monitoring(Optional.of(url), Optional.empty(), TIMEOUT, CONCURRENCY);
    }

    @Override
    public String toString() {
        return "prometheus=" + url.map(URI::toString).orElse("-") + ", prometheusAuth="
                + authorization
                        .map(a -> a.startsWith("Basic ") ? "basic" : "bearer")
                        .orElse("none")
                + ", prometheusTimeout=" + timeout.toMillis() + "ms, prometheusConcurrency=" + concurrency;
    }
}
