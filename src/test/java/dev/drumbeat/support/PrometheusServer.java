package dev.drumbeat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus for tests, on data the test wrote: the series go in as OpenMetrics text, {@code promtool tsdb
 * create-blocks-from openmetrics} turns them into blocks, and Debian's {@code prometheus} serves them on a free port of
 * 127.0.0.1, scraping nothing. {@code .ci/run} unpacks the package into {@code .tools/prometheus}. Closing stops it.
 */
public final class PrometheusServer implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(30);

    private final Process process;
    private final URI url;
    private final Path log;

    private PrometheusServer(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Starts Prometheus on {@code openMetrics} (ending in {@code # EOF}), kept under {@code dir}. */
    public static PrometheusServer start(Path dir, String openMetrics) {
        Path bin = binaries();
        try {
            Path data = Files.createDirectories(dir.resolve("data"));
            Path series = Files.writeString(dir.resolve("series.om"), openMetrics, StandardCharsets.UTF_8);
            Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1h\n");
            Path log = dir.resolve("prometheus.log");
            run(
                    dir,
                    log,
                    bin.resolve("promtool").toString(),
                    "tsdb",
                    "create-blocks-from",
                    "openmetrics",
                    series.toString(),
                    data.toString());
            int port = freePort();
            Process process = new ProcessBuilder(
                            bin.resolve("prometheus").toString(),
                            "--config.file=" + config,
                            "--storage.tsdb.path=" + data,
                            "--storage.tsdb.retention.time=100y",
                            "--web.listen-address=127.0.0.1:" + port,
                            "--log.level=warn")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port + "/"), log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where Debian's {@code prometheus} and {@code promtool} are: installed in /usr/bin, or unpacked by {@code .ci/run}
     * into the checkout's {@code .tools/prometheus}.
     */
    private static Path binaries() {
        for (Path bin : List.of(
                Path.of("/usr/bin"), Path.of(".tools/prometheus/usr/bin").toAbsolutePath())) {
            if (Files.isExecutable(bin.resolve("promtool")) && Files.isExecutable(bin.resolve("prometheus"))) {
                return bin;
            }
        }
        throw new IllegalStateException("prometheus and promtool are missing: the PromQL tests need Debian's"
                + " prometheus package; `bash .ci/run` unpacks it into .tools/prometheus.");
    }

    /** Where Prometheus answers, ending in a slash. */
    public URI url() {
        return url;
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        try {
            Await.until("Prometheus to be ready", READY, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Prometheus stopped at start: " + tail());
                }
                try {
                    return http.send(
                                            HttpRequest.newBuilder(url.resolve("-/ready"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                } catch (IOException notYet) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
    }

    private String tail() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void run(Path dir, Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
