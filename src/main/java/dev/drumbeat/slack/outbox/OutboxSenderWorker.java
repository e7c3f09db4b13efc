package dev.drumbeat.slack.outbox;

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
            } catch (RuntimeException e) {
                log.warn("The Slack outbox could not claim messages; trying again in a second: {}", e.toString());
                pause = ERROR_PAUSE_NANOS;
            }
            if (pause > 0 && running) {
                LockSupport.parkNanos(this, pause);
            }
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
