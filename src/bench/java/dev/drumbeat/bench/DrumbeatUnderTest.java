package dev.drumbeat.bench;

import dev.drumbeat.Demo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Drumbeat the benchmark loads: the whole demo started in this process on a fresh temporary data
 * folder (removed again on close), or one already running at a given URL.
 */
final class DrumbeatUnderTest implements AutoCloseable {
    private final URI eventsUrl;
    private final Optional<Demo> demo;
    private final Optional<Path> dataDir;

    private DrumbeatUnderTest(URI eventsUrl, Optional<Demo> demo, Optional<Path> dataDir) {
        this.eventsUrl = eventsUrl;
        this.demo = demo;
        this.dataDir = dataDir;
    }

    static DrumbeatUnderTest startDemo() throws IOException {
        Path dataDir = Files.createTempDirectory("drumbeat-bench-");
        Demo demo;
        try {
            demo = Demo.start(dataDir, 0, Clock.systemUTC());
        } catch (RuntimeException e) {
            deleteTree(dataDir);
            throw e;
        }
        URI url = URI.create("http://127.0.0.1:" + demo.port() + "/slack/events");
        return new DrumbeatUnderTest(url, Optional.of(demo), Optional.of(dataDir));
    }

    /** A running Drumbeat; a bare {@code http://host:port} means its {@code /slack/events}. */
    static DrumbeatUnderTest at(URI url) {
        String path = url.getPath() == null
                        || url.getPath().isEmpty()
                        || url.getPath().equals("/")
                ? "/slack/events"
                : url.getPath();
        return new DrumbeatUnderTest(url.resolve(path), Optional.empty(), Optional.empty());
    }

    URI eventsUrl() {
        return eventsUrl;
    }

    /** The embedded PostgreSQL's postmaster, whose pid is the first line of {@code postmaster.pid}. */
    Optional<ProcessHandle> databaseProcess() {
        return dataDir.map(dir -> dir.resolve("postmaster.pid"))
                .filter(Files::isReadable)
                .flatMap(file -> {
                    try {
                        return ProcessHandle.of(
                                Long.parseLong(Files.readAllLines(file).get(0).strip()));
                    } catch (IOException | RuntimeException e) {
                        return Optional.empty();
                    }
                });
    }

    String describe() {
        return demo.isPresent() ? "in-process demo on " + eventsUrl : "running server at " + eventsUrl;
    }

    @Override
    public void close() {
        try {
            demo.ifPresent(Demo::close);
        } finally {
            dataDir.ifPresent(DrumbeatUnderTest::deleteTree);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
