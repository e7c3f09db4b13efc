package dev.drumbeat.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor: the requests Drumbeat's evaluation sends for the measured week, the same form ({@code query}, {@code time},
 * {@code timeout}) posted to the same endpoint with the same headers, from {@code concurrency} threads taking the next
 * KPI each, reading each answer into a string and nothing more.
 */
final class MeasureBenchFloor {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private MeasureBenchFloor() {}

    /** Fires every KPI's query; how many came back 200. */
    static int fire(HttpClient http, URI prometheus, int kpis, int concurrency) throws Exception {
        URI endpoint = prometheus.resolve("api/v1/query");
        String time = BigDecimal.valueOf(MeasureBenchSetup.PERIOD_END.toEpochMilli(), 3)
                .toPlainString();
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(pool.submit(() -> {
                    for (int k = next.getAndIncrement(); k <= kpis; k = next.getAndIncrement()) {
                        String form = "query=" + URLEncoder.encode(MeasureBenchSetup.query(k), StandardCharsets.UTF_8)
                                + "&time=" + time + "&timeout=" + TIMEOUT.toMillis() + "ms";
                        HttpRequest request = HttpRequest.newBuilder(endpoint)
                                .timeout(TIMEOUT)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build();
                        try {
                            if (http.send(request, HttpResponse.BodyHandlers.ofString())
                                            .statusCode()
                                    == 200) {
                                ok.incrementAndGet();
                            }
                        } catch (IOException e) {
                            // counted as not answered
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return ok.get();
    }
}
