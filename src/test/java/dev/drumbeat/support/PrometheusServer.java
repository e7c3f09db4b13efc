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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus for tests, on data the test wrote: the series go in as OpenMetrics text, {@code promtool tsdb
 * create-blocks-from openmetrics} turns them into blocks, and Debian's {@code prometheus} serves them on a free port of
 * 127.0.0.1, scraping nothing, optionally behind basic auth. {@code .ci/run} unpacks the package into {@code .tools/prometheus}. Closing stops it.
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
        return start(dir, openMetrics, Optional.empty());
    }

    /**
     * The same behind basic auth: Prometheus's web config ({@code --web.config.file}) admits {@code user} with
     * {@code password} alone, kept as a bcrypt hash made here; anything else is answered 401.
     */
    public static PrometheusServer startBehindBasicAuth(Path dir, String openMetrics, String user, String password) {
        return start(dir, openMetrics, Optional.of(new BasicAuth(user, password)));
    }

    private record BasicAuth(String user, String password) {
        String header() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static PrometheusServer start(Path dir, String openMetrics, Optional<BasicAuth> auth) {
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
            List<String> command = new ArrayList<>(List.of(
                    bin.resolve("prometheus").toString(),
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + data,
                    "--storage.tsdb.retention.time=100y",
                    "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=warn"));
            if (auth.isPresent()) {
                Path web = Files.writeString(
                        dir.resolve("web.yml"),
                        "basic_auth_users:\n  " + auth.get().user() + ": '"
                                + bcrypt(auth.get().password()) + "'\n");
                command.add("--web.config.file=" + web);
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port + "/"), log);
            server.awaitReady(auth.map(BasicAuth::header));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bcrypt hash of {@code password} (cost 5, so each check is quick), made by the C library's {@code crypt} through
     * Perl, which Debian always has: the JDK has no bcrypt and the tests need no library for it.
     */
    private static String bcrypt(String password) throws IOException {
        String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder salt = new StringBuilder("$2b$05$");
        for (int i = 0; i < 22; i++) {
            salt.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Process perl = new ProcessBuilder("perl", "-e", "print crypt($ARGV[0], $ARGV[1])", password, salt.toString())
                .redirectErrorStream(true)
                .start();
        String hash = new String(perl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!hash.startsWith("$2b$05$") || hash.length() != 60) {
            throw new IllegalStateException("this system's crypt makes no bcrypt hashes (got \"" + hash + "\")");
        }
        return hash;
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

    private void awaitReady(Optional<String> authorization) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        try {
            Await.until("Prometheus to be ready", READY, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Prometheus stopped at start: " + tail());
                }
                try {
                    HttpRequest.Builder ready = HttpRequest.newBuilder(url.resolve("-/ready"));
                    authorization.ifPresent(value -> ready.header("Authorization", value));
                    return http.send(ready.build(), HttpResponse.BodyHandlers.discarding())
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
