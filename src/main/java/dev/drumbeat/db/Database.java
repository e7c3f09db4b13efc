package dev.drumbeat.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Drumbeat's PostgreSQL: a pooled connection to DATABASE_URL, or an embedded server whose data
 * lives in a folder so that a second start finds what the first stored. Migrates on open.
 * <p>
 * A caller waits at most {@code wait} for a connection: when the database is down, a Slack request still gets its
 * answer within Slack's three seconds, and the failure is one {@link DatabaseOutage} explains.
 */
public final class Database implements AutoCloseable {
    /** How long a caller waits for a pooled connection unless told otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    /** The shortest wait HikariCP accepts. */
    public static final Duration SHORTEST_WAIT = Duration.ofMillis(250);
    /** Connections in the pool unless told otherwise. */
    public static final int DEFAULT_CONNECTIONS = 16;

    private final HikariDataSource dataSource;
    private final Optional<EmbeddedPostgres> embedded;
    private final Jdbi jdbi;
    private final DatabaseReadiness readiness;

    private Database(HikariDataSource dataSource, Optional<EmbeddedPostgres> embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.jdbi = createJdbi(dataSource);
        this.readiness = new DatabaseReadiness(dataSource);
    }

    /** Connects to DATABASE_URL when given, else starts embedded PostgreSQL in {@code dataDir}. */
    public static Database open(Optional<String> databaseUrl, Path dataDir) {
        return open(databaseUrl, dataDir, DEFAULT_WAIT);
    }

    /** As {@link #open(Optional, Path)}, a caller waiting at most {@code wait} for a connection. */
    public static Database open(Optional<String> databaseUrl, Path dataDir, Duration wait) {
        return open(databaseUrl, dataDir, wait, DEFAULT_CONNECTIONS);
    }

    /** As {@link #open(Optional, Path, Duration)}, with {@code connections} in the pool. */
    public static Database open(Optional<String> databaseUrl, Path dataDir, Duration wait, int connections) {
        if (databaseUrl.isPresent()) {
            return connect(DatabaseUrl.parse(databaseUrl.get()), wait, connections);
        }
        EmbeddedPostgres postgres = startEmbedded(dataDir);
        HikariDataSource pool = null;
        try {
            pool = pool(
                    postgres.getJdbcUrl("postgres", "postgres"),
                    Optional.of("postgres"),
                    Optional.empty(),
                    wait,
                    connections);
            return migrated(new Database(pool, Optional.of(postgres)));
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            stopEmbedded(postgres);
            throw e;
        }
    }

    public static Database connect(DatabaseUrl url) {
        return connect(url, DEFAULT_WAIT);
    }

    public static Database connect(DatabaseUrl url, Duration wait) {
        return connect(url, wait, DEFAULT_CONNECTIONS);
    }

    public static Database connect(DatabaseUrl url, Duration wait, int connections) {
        return migrated(
                new Database(pool(url.jdbcUrl(), url.user(), url.password(), wait, connections), Optional.empty()));
    }

    public static Jdbi createJdbi(DataSource dataSource) {
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    /** Applies the Flyway migrations packaged under db/migration. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True when the database answers a trivial query; false when not, told within 1.5 seconds either way. */
    public boolean isReachable() {
        return readiness.answers();
    }

    /**
     * Closes the pool, then stops the embedded server, if any: in that order, so no connection sees its server go.
     * The embedded server registers no shutdown hook of its own (one would race this order); whoever opens a
     * Database closes it, on every path.
     */
    @Override
    public void close() {
        readiness.close();
        dataSource.close();
        embedded.ifPresent(Database::stopEmbedded);
    }

    private static Database migrated(Database database) {
        migrate(database.dataSource);
        return database;
    }

    private static HikariDataSource pool(
            String jdbcUrl, Optional<String> user, Optional<String> password, Duration wait, int connections) {
        if (wait.compareTo(SHORTEST_WAIT) < 0) {
            throw new IllegalArgumentException(
                    "the wait for a connection is at least " + SHORTEST_WAIT.toMillis() + " ms");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setConnectionTimeout(wait.toMillis());
        // checking an idle connection is part of the wait, so it must fit well inside it
        config.setValidationTimeout(Math.max(SHORTEST_WAIT.toMillis(), wait.toMillis() / 2));
        config.setMaximumPoolSize(connections);
        config.setPoolName("drumbeat");
        return new HikariDataSource(config);
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static void stopEmbedded(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
