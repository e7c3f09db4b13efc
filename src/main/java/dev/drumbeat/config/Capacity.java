package dev.drumbeat.config;

import java.time.Duration;

/**
 * How much Drumbeat takes on at once, sized for Slack's bursts (everyone pressing Check in at 09:00, a leadership
 * meeting asking at once) on a small machine: connections the HTTP server queues before accepting them, its worker
 * threads, the database connections, and the workers and queue for slash commands that may be slow (an ask on a large
 * catalog), with how long an acknowledgement waits for such an answer before it says "working on it".
 *
 * @param acceptQueue         connections the operating system holds for the HTTP server before it accepts them
 * @param httpThreads         the HTTP server's most threads; requests beyond them wait their turn
 * @param databaseConnections the pool's connections to PostgreSQL
 * @param commandWorkers      slow slash commands answered at once
 * @param commandQueue        slow slash commands waiting for a worker before the next is told Drumbeat is busy
 * @param commandPatience     how long an acknowledgement waits for a slow command's answer (Slack waits 3 s)
 */
public record Capacity(
        int acceptQueue,
        int httpThreads,
        int databaseConnections,
        int commandWorkers,
        int commandQueue,
        Duration commandPatience) {

    public static final int ACCEPT_QUEUE = 1024;
    public static final int HTTP_THREADS = 64;
    public static final int DATABASE_CONNECTIONS = 16;
    public static final int COMMAND_WORKERS = 4;
    public static final int COMMAND_QUEUE = 64;
    /** Two seconds: time to answer in the acknowledgement, with a second to spare within Slack's three. */
    public static final Duration COMMAND_PATIENCE = Duration.ofSeconds(2);

    public Capacity {
        if (acceptQueue < 1 || httpThreads < 8 || databaseConnections < 1 || commandWorkers < 1 || commandQueue < 0) {
            throw new IllegalArgumentException("capacities are positive and the HTTP server has at least 8 threads");
        }
        if (commandPatience.isNegative()) {
            throw new IllegalArgumentException("patience is zero or more");
        }
    }

    public static Capacity defaults() {
        return new Capacity(
                ACCEPT_QUEUE, HTTP_THREADS, DATABASE_CONNECTIONS, COMMAND_WORKERS, COMMAND_QUEUE, COMMAND_PATIENCE);
    }

    /** The same with another patience; zero answers every slow command through its response_url (for tests). */
    public Capacity withCommandPatience(Duration patience) {
        return new Capacity(acceptQueue, httpThreads, databaseConnections, commandWorkers, commandQueue, patience);
    }

    @Override
    public String toString() {
        return "acceptQueue=" + acceptQueue + ", httpThreads=" + httpThreads + ", databaseConnections="
                + databaseConnections + ", commandWorkers=" + commandWorkers + ", commandQueue=" + commandQueue;
    }
}
