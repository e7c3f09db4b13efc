package dev.drumbeat.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Requests one kind of page one at a time, each sent when the last answer is in (closed loop): what a person waits for
 * when the server is theirs. A few requests first are not counted (warm-up); then {@code requests} are, or as many as
 * fit in {@code seconds}. Requests accept gzip, as a browser does, unless the endpoint says not to; latency runs from
 * the send to the last byte received, and a gzipped body is unzipped only after that, to check it. Not thread-safe: one run at a time.
 */
final class PageRuns {
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int warmup;
    private final int requests;
    private final long capNanos;
    private final Optional<ProcessHandle> database;
    private final SqlTimings sql;

    /** One page's run: latencies as the other benchmarks keep them, sizes (largest seen), and the SQL it ran. */
    record PageResult(LoadResult load, Sizes sizes, double sqlMillis, List<String> sql) {}

    /** The largest body seen, and how it came over the wire. */
    record Sizes(long bodyBytes, long wireBytes, String encoding) {
        Sizes max(Sizes other) {
            return other.bodyBytes > bodyBytes ? other : this;
        }
    }

    PageRuns(int warmup, int requests, int seconds, Optional<ProcessHandle> database, SqlTimings sql) {
        this.warmup = warmup;
        this.requests = requests;
        this.capNanos = seconds * 1_000_000_000L;
        this.database = database;
        this.sql = sql;
    }

    PageResult run(DashboardPages.Endpoint endpoint) throws IOException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            send(endpoint, i);
        }
        long[] nanos = new long[requests];
        Map<String, Integer> errors = new TreeMap<>();
        Sizes sizes = new Sizes(0, 0, "none");
        ConditionsProbe probe = ConditionsProbe.start(database);
        sql.start();
        long began = System.nanoTime();
        int done = 0;
        for (; done < requests && System.nanoTime() - began < capNanos; done++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = send(endpoint, warmup + done);
            nanos[done] = System.nanoTime() - started;
            byte[] body = unzipped(response);
            sizes = sizes.max(new Sizes(
                    body.length,
                    response.body().length,
                    response.headers().firstValue("Content-Encoding").orElse("identity")));
            error(endpoint, response.statusCode(), body).ifPresent(e -> errors.merge(e, 1, Integer::sum));
        }
        long window = System.nanoTime() - began;
        sql.stop();
        long[] counted = Arrays.copyOf(nanos, done);
        Arrays.sort(counted);
        LoadResult load = new LoadResult(endpoint.name(), errors, counted, window, 0, probe.stop());
        return new PageResult(load, sizes, sql.millisPerRequest(done), sql.rows(done));
    }

    private HttpResponse<byte[]> send(DashboardPages.Endpoint endpoint, int index)
            throws IOException, InterruptedException {
        HttpRequest request = endpoint.request().apply(index);
        if (endpoint.gzip()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Accept-Encoding", "gzip")
                    .build();
        }
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Optional<String> error(DashboardPages.Endpoint endpoint, int status, byte[] body) {
        if (status != 200) {
            return Optional.of("HTTP " + status);
        }
        return endpoint.accepts().test(body) ? Optional.empty() : Optional.of("wrong body");
    }

    private static byte[] unzipped(HttpResponse<byte[]> response) {
        if (!response.headers()
                .firstValue("Content-Encoding")
                .filter("gzip"::equalsIgnoreCase)
                .isPresent()) {
            return response.body();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("a gzip body that does not unzip", e);
        }
    }
}
