package dev.drumbeat.support;

import dev.drumbeat.db.Database;
import dev.drumbeat.db.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded PostgreSQL of one test class's own, which the test stops and starts again on the same data folder and
 * port, as an outage would; the shared server of {@link TestDatabase} stays untouched. Register it before
 * {@link DrumbeatExtension#withAppOn}, with a lower {@code @Order}, so it starts first and stops last.
 */
public final class StoppablePostgres implements BeforeAllCallback, AfterAllCallback {
    private Path dataDir;
    private int port;
    private EmbeddedPostgres server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("drumbeat-outage-");
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Starts the server on its data and, after the first start, on the port it had; does nothing when it runs. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false);
        if (port != 0) {
            builder.setPort(port);
        }
        try {
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
        port = server.getPort();
    }

    /** Stops the server as an operator would (a fast shutdown); its data stays. Does nothing when it is stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        }
        server = null;
    }

    /** Drumbeat's pooled, migrated database on this server, as a {@code DATABASE_URL} would give it. */
    public synchronized Database connect() {
        return Database.connect(
                new DatabaseUrl(server.getJdbcUrl("postgres", "postgres"), Optional.of("postgres"), Optional.empty()));
    }
}
