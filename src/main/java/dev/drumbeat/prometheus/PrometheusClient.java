package dev.drumbeat.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.prometheus.Measurement.Missing;
import dev.drumbeat.prometheus.Measurement.Reason;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterators;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Evaluates PromQL over Prometheus's HTTP API ({@code /api/v1/query}, and {@code /api/v1/query_range} to tell a series
 * that stopped from one that never was) with Java's HTTP client. At most {@link Settings#concurrency} queries are in
 * flight at once, each bounded by {@link Settings#timeout}, both on our side and as Prometheus's own {@code timeout}.
 * Every answer is a {@link Measurement}: one finite number, or the reason there is none; nothing is retried or
 * guessed here. The authorization header, a secret, is never logged or put in a message. Thread-safe.
 */
public final class PrometheusClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many points a look back over a period asks for, at most: enough to find where a series stopped. */
    private static final int LOOK_BACK_POINTS = 240;

    private final HttpClient http;
    private final Settings settings;
    private final Semaphore inFlight;

    /**
     * Where Prometheus is and how to ask it.
     *
     * @param authorization the whole {@code Authorization} header value ({@code Bearer …} or {@code Basic …}), if any
     * @param concurrency   the most queries in flight at once
     */
    public record Settings(URI baseUrl, Optional<String> authorization, Duration timeout, int concurrency) {
        public Settings {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be more than zero");
            }
        }

        @Override
        public String toString() {
            return "Settings[baseUrl=" + baseUrl + ", authorization="
                    + authorization.map(a -> "(set)").orElse("none") + ", timeout=" + timeout + ", concurrency="
                    + concurrency + "]";
        }
    }

    public PrometheusClient(HttpClient http, Settings settings) {
        this.http = http;
        this.settings = settings;
        this.inFlight = new Semaphore(settings.concurrency(), true);
    }

    /**
     * What {@code promql} measures at {@code at}, the end of a period that began at {@code periodStart}: the one
     * number it gives then; or, when it gives nothing then, whether its series stopped during the period
     * ({@link Reason#STALE}, naming when) or never had data in it ({@link Reason#EMPTY}).
     */
    public Measurement measure(String promql, Instant periodStart, Instant at) {
        Answer now = ask("query", Map.of("query", promql, "time", seconds(at)));
        if (now.missing().isPresent()) {
            return now.missing().get();
        }
        JsonNode data = now.body().path("data");
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        return switch (type) {
            case "scalar" -> number(result, promql);
            case "vector" -> vector(result, promql, periodStart, at);
            case "matrix" ->
                new Missing(
                        Reason.QUERY_ERROR,
                        "`" + promql + "` gives a range of values, not one number; wrap it in a function such as"
                                + " avg_over_time(…) or increase(…).");
            default -> new Missing(Reason.QUERY_ERROR, "`" + promql + "` gives a " + type + ", not a number.");
        };
    }

    private Measurement vector(JsonNode result, String promql, Instant periodStart, Instant at) {
        if (result.size() > 1) {
            String series = StreamSupport.stream(result.spliterator(), false)
                    .limit(3)
                    .map(s -> labels(s.path("metric")))
                    .collect(Collectors.joining(", "));
            return new Missing(
                    Reason.SEVERAL_SERIES,
                    "`" + promql + "` gives " + result.size() + " series (" + series + (result.size() > 3 ? ", …" : "")
                            + "), not one number; add sum(…), max(…) or a label filter.");
        }
        if (result.size() == 1) {
            return number(result.get(0).path("value"), promql);
        }
        return lastSeen(promql, periodStart, at)
                .<Measurement>map(last -> new Missing(
                        Reason.STALE,
                        "`" + promql + "` has had no data since " + last + ", before the period ended at " + at + "."))
                .orElseGet(() -> new Missing(
                        Reason.EMPTY,
                        "`" + promql + "` matched no series between " + periodStart + " and " + at + "."));
    }

    /** The last time in the period the expression gave anything, if it ever did. */
    private Optional<Instant> lastSeen(String promql, Instant periodStart, Instant at) {
        long span = Math.max(1, Duration.between(periodStart, at).toSeconds());
        long step = Math.max(15, (span + LOOK_BACK_POINTS - 1) / LOOK_BACK_POINTS);
        Answer range = ask(
                "query_range",
                Map.of("query", promql, "start", seconds(periodStart), "end", seconds(at), "step", step + "s"));
        if (range.missing().isPresent()) {
            return Optional.empty();
        }
        Instant last = null;
        for (JsonNode series : range.body().path("data").path("result")) {
            JsonNode values = series.path("values");
            if (values.size() > 0) {
                Instant seen = Instant.ofEpochMilli(
                        Math.round(values.get(values.size() - 1).path(0).asDouble() * 1000));
                last = last == null || seen.isAfter(last) ? seen : last;
            }
        }
        return Optional.ofNullable(last);
    }

    private static Measurement number(JsonNode sample, String promql) {
        String text = sample.path(1).asText("");
        Instant at = Instant.ofEpochMilli(Math.round(sample.path(0).asDouble() * 1000));
        if (text.equals("NaN") || text.endsWith("Inf")) {
            return new Missing(Reason.NOT_A_NUMBER, "`" + promql + "` gives " + text + ", not a number.");
        }
        try {
            return new Measurement.Value(new BigDecimal(text), at);
        } catch (NumberFormatException e) {
            return new Missing(Reason.QUERY_ERROR, "`" + promql + "` gives \"" + text + "\", not a number.");
        }
    }

    private static String labels(JsonNode metric) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(metric.fields(), 0), false)
                .map(label -> label.getKey() + "=\"" + label.getValue().asText() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Prometheus's answer as JSON, or why there is none. */
    private record Answer(JsonNode body, Optional<Missing> missing) {
        static Answer of(Missing missing) {
            return new Answer(null, Optional.of(missing));
        }
    }

    private Answer ask(String endpoint, Map<String, String> parameters) {
        String form = parameters.entrySet().stream()
                        .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))
                + "&timeout=" + settings.timeout().toMillis() + "ms";
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.baseUrl().resolve("api/v1/" + endpoint))
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        settings.authorization().ifPresent(value -> request.header("Authorization", value));
        try {
            if (!inFlight.tryAcquire(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return Answer.of(new Missing(
                        Reason.TIMED_OUT,
                        "Drumbeat's queries to Prometheus were all busy for "
                                + settings.timeout().toSeconds() + " s."));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.of(new Missing(Reason.TIMED_OUT, "The query was stopped before it was sent."));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return read(response);
        } catch (HttpTimeoutException e) {
            return Answer.of(new Missing(
                    Reason.TIMED_OUT,
                    "Prometheus did not answer within " + settings.timeout().toSeconds() + " s."));
        } catch (IOException e) {
            return Answer.of(new Missing(
                    Reason.UNREACHABLE,
                    "Prometheus at " + settings.baseUrl() + " could not be reached ("
                            + e.getClass().getSimpleName() + ")."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.of(new Missing(Reason.TIMED_OUT, "The query was stopped before Prometheus answered."));
        } finally {
            inFlight.release();
        }
    }

    private Answer read(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (body != null && "success".equals(body.path("status").asText())) {
            return new Answer(body, Optional.empty());
        }
        int status = response.statusCode();
        if (body != null && "error".equals(body.path("status").asText()) && status < 500) {
            String type = body.path("errorType").asText();
            if (type.equals("timeout")) {
                return Answer.of(new Missing(Reason.TIMED_OUT, "Prometheus gave up on the query: it took too long."));
            }
            return Answer.of(new Missing(
                    Reason.QUERY_ERROR,
                    "Prometheus refused the query: " + clip(body.path("error").asText())));
        }
        if (status == 401 || status == 403) {
            return Answer.of(new Missing(
                    Reason.UNREACHABLE,
                    "Prometheus at " + settings.baseUrl() + " refused Drumbeat's credentials (HTTP " + status + ")."));
        }
        return Answer.of(new Missing(
                Reason.UNREACHABLE, "Prometheus at " + settings.baseUrl() + " answered HTTP " + status + "."));
    }

    private static String clip(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String seconds(Instant at) {
        return BigDecimal.valueOf(at.toEpochMilli(), 3).toPlainString();
    }
}
