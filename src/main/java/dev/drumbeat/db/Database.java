package dev.drumbeat.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Drumbeat's PostgreSQL: a pooled connection to DATABASE_URL, or an embedded server whose data
 * lives in a folder so that a second start finds what the first stored. Migrates on open.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Optional<EmbeddedPostgres> embedded;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, Optional<EmbeddedPostgres> embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.jdbi = createJdbi(dataSource);
    }

    /** Connects to DATABASE_URL when given, else starts embedded PostgreSQL in {@code dataDir}. */
    public static Database open(Optional<String> databaseUrl, Path dataDir) {
        if (databaseUrl.isPresent()) {
            return connect(DatabaseUrl.parse(databaseUrl.get()));
        }
        EmbeddedPostgres postgres = startEmbedded(dataDir);
        HikariDataSource pool = null;
        try {
            pool = pool(postgres.getJdbcUrl("postgres", "postgres"), Optional.of("postgres"), Optional.empty());
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
        return migrated(new Database(pool(url.jdbcUrl(), url.user(), url.password()), Optional.empty()));
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

    /** True when a trivial query answers within two seconds. */
    public boolean isReachable() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Closes the pool, then stops the embedded server, if any: in that order, so no connection sees its server go.
     * The embedded server registers no shutdown hook of its own (one would race this order); whoever opens a
     * Database closes it, on every path.
     */
    @Override
    public void close() {
        dataSource.close();
        embedded.ifPresent(Database::stopEmbedded);
    }

    private static Database migrated(Database database) {
        migrate(database.dataSource);
        return database;
    }

    private static HikariDataSource pool(String jdbcUrl, Optional<String> user, Optional<String> password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(16);
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
