package dev.drumbeat.support;

import dev.drumbeat.db.Database;
import dev.drumbeat.db.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL per test run, migrated once into a template database; each test class
 * gets its own database copied from the template, so classes never see each other's rows.
 */
public final class TestDatabase {
    private static final String TEMPLATE = "drumbeat_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    /** A new, migrated, empty database. Close it when the test class is done. */
    public static Database fresh() {
        return Database.connect(freshUrl());
    }

    /** Where a new, migrated, empty database is, for a test that connects to it from another process too. */
    public static DatabaseUrl freshUrl() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("create database " + name + " template " + TEMPLATE);
        return new DatabaseUrl(server().getJdbcUrl("postgres", name), Optional.of("postgres"), Optional.empty());
    }

    /** A new database with no tables at all, for migration tests that migrate it step by step. */
    public static DataSource empty() {
        String name = "empty_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("create database " + name);
        return server().getDatabase("postgres", name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            execute("create database " + TEMPLATE);
            var template = server().getDatabase("postgres", TEMPLATE);
            Database.migrate(template);
        }
        return postgres;
    }

    private static void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
