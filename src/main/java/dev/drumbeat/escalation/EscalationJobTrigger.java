package dev.drumbeat.escalation;

import dev.drumbeat.people.Deactivations;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a workspace's escalation sweep soon, on a background thread, so a Slack event that changes the facts
 * (someone deactivated) is acknowledged first and escalated without waiting for the schedule. Requests for a
 * workspace already waiting are merged. Thread-safe.
 */
public final class EscalationJobTrigger implements AutoCloseable, Deactivations {
    private static final Logger log = LoggerFactory.getLogger(EscalationJobTrigger.class);
    private final EscalationService escalations;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "escalation-sweep-now");
        thread.setDaemon(true);
        return thread;
    });

    public EscalationJobTrigger(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void deactivated(String teamId) {
        sweepSoon(teamId);
    }

    public void sweepSoon(String teamId) {
        if (!waiting.add(teamId)) {
            return;
        }
        try {
            executor.execute(() -> sweep(teamId));
        } catch (RejectedExecutionException stopping) {
            waiting.remove(teamId);
            log.info("not sweeping {} now: shutting down; the scheduled sweep will", teamId);
        }
    }

    private void sweep(String teamId) {
        waiting.remove(teamId);
        try {
            EscalationService.Applied applied = escalations.sweep(teamId);
            log.info("escalation sweep of {} on request: {}", teamId, applied);
        } catch (RuntimeException e) {
            log.error("escalation sweep of {} failed; the scheduled sweep will try again", teamId, e);
        }
    }

    /** Lets a sweep in progress finish. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("an escalation sweep was still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
