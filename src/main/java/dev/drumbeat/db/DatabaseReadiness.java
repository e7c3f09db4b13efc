package dev.drumbeat.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Whether the database answers, told within {@link #WITHIN} however long reaching it would take (a server that stopped
 * refuses at once; one behind a broken network may hang): the check runs on a thread of its own, and callers that come
 * while one is under way share its answer, so a hanging database holds one thread, not one per probe. Thread-safe.
 */
final class DatabaseReadiness implements AutoCloseable {
    static final Duration WITHIN = Duration.ofMillis(1500);
    private static final int VALID_WITHIN_SECONDS = 1;
    private final DataSource dataSource;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "drumbeat-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Boolean> check = CompletableFuture.completedFuture(false);

    DatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when a connection is had and answers; false when not, or not within {@link #WITHIN}. */
    boolean answers() {
        try {
            return current().get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | RejectedExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The check under way, or a new one when the last has finished. */
    private synchronized CompletableFuture<Boolean> current() {
        if (check.isDone()) {
            check = CompletableFuture.supplyAsync(this::query, checker);
        }
        return check;
    }

    private boolean query() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_WITHIN_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
