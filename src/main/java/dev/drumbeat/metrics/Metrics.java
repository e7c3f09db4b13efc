package dev.drumbeat.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What Drumbeat counts about itself, exposed at {@code /metrics} in Prometheus's text format: request latency by
 * route, Slack calls sent and rate-limited, scheduled job runs and failures, and gauges read from the database at
 * scrape time (the outbox's depth and oldest age, open escalations, this week's check-in response). Thread-safe.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** One HTTP request answered: {@code route} is the route's pattern, never the raw path, to keep labels few. */
    public void request(String route, int status, Duration took) {
        Timer.builder("drumbeat.http.requests")
                .description("HTTP requests answered, by route and status")
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    /** A Slack Web API call from the outbox: {@code outcome} is sent, rate_limited, failed or rejected. */
    public void slackCall(String method, String outcome) {
        Counter.builder("drumbeat.slack.calls")
                .description("Slack Web API calls made from the outbox, by outcome")
                .tag("method", method)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** A scheduled job ran, and whether it failed. */
    public void jobRun(String job, boolean failed) {
        Counter.builder("drumbeat.job.runs")
                .description("Scheduled job runs, by job and outcome")
                .tag("job", job)
                .tag("outcome", failed ? "failed" : "ok")
                .register(registry)
                .increment();
    }

    /** A value read when scraped, such as a count from the database. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** Everything, in Prometheus's text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
