package dev.drumbeat.slack.outbox;

import dev.drumbeat.db.DatabaseOutage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox sender's background loop: claims as many due rows as there are free call slots, hands them to a
 * small pool of daemon threads, and sleeps for the poll interval when there is nothing to claim, unless woken
 * (by a caller that queued something, or by a call coming back, which may free its channel's next message).
 * When claiming fails (the database is down) it tries again every second, logging the first failure and the recovery.
 * Thread-safe.
 */
final class OutboxSenderWorker {
    private static final Logger log = LoggerFactory.getLogger(OutboxSenderWorker.class);
    private static final long STOP_WAIT_SECONDS = 15;
    private static final long ERROR_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final OutboxSenderClaims claims;
    private final Consumer<OutboxSenderClaim> deliver;
    private final OutboxSenderSettings settings;
    private final Semaphore slots;
    private final ExecutorService pool;
    private final Thread thread;
    private volatile boolean running = true;
    /** Read and written by the worker's thread only. */
    private int failuresInARow;

    OutboxSenderWorker(OutboxSenderClaims claims, Consumer<OutboxSenderClaim> deliver, OutboxSenderSettings settings) {
        this.claims = claims;
        this.deliver = deliver;
        this.settings = settings;
        this.slots = new Semaphore(settings.threads());
        this.pool = Executors.newFixedThreadPool(settings.threads(), daemonThreads("drumbeat-outbox-call-"));
        this.thread = daemonThreads("drumbeat-outbox-").newThread(this::work);
        thread.start();
    }

    void wake() {
        LockSupport.unpark(thread);
    }

    /** Stops claiming, lets calls in flight finish; a call still hanging after 15 s is left to the lease. */
    void stop() throws InterruptedException {
        running = false;
        wake();
        thread.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        pool.shutdown();
        if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            log.warn(
                    "Slack calls still in flight after {} s; their rows will be declared dead after the lease",
                    STOP_WAIT_SECONDS);
            pool.shutdownNow();
        }
    }

    private void work() {
        long poll = settings.pollInterval().toNanos();
        long lastLeaseCheck = System.nanoTime() - poll;
        while (running) {
            long pause = poll;
            try {
                if (System.nanoTime() - lastLeaseCheck >= poll) {
                    claims.expireLeases();
                    lastLeaseCheck = System.nanoTime();
                }
                pause = dispatch() ? 0 : poll;
                recovered();
            } catch (RuntimeException e) {
                failed(e);
                pause = ERROR_PAUSE_NANOS;
            }
            if (pause > 0 && running) {
                LockSupport.parkNanos(this, pause);
            }
        }
    }

    /** Says the first of a run of failures (a database outage fails every try), not each try. */
    private void failed(RuntimeException e) {
        failuresInARow++;
        if (failuresInARow == 1) {
            log.warn(
                    "The Slack outbox could not claim messages; it tries again every second and says when it can: {}",
                    reason(e));
        } else {
            log.debug("The Slack outbox still cannot claim messages (try {}): {}", failuresInARow, reason(e));
        }
    }

    /** For an unreachable database the cause alone, not the statement it cut short. */
    private static String reason(RuntimeException e) {
        return DatabaseOutage.explains(e) ? DatabaseOutage.reason(e) : e.toString();
    }

    private void recovered() {
        if (failuresInARow > 0) {
            log.info("The Slack outbox claims messages again, after {} failed tries", failuresInARow);
            failuresInARow = 0;
        }
    }

    /** Claims as many rows as there are free call slots and hands them to the pool; true when it claimed any. */
    private boolean dispatch() {
        int free = slots.availablePermits();
        if (free == 0) {
            return false;
        }
        List<OutboxSenderClaim> claimed = claims.claim(Math.min(free, settings.batchSize()));
        for (OutboxSenderClaim claim : claimed) {
            slots.acquireUninterruptibly();
            pool.execute(() -> {
                try {
                    deliver.accept(claim);
                } finally {
                    slots.release();
                    wake();
                }
            });
        }
        return !claimed.isEmpty();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
