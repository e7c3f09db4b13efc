package dev.drumbeat.catalog;

import dev.drumbeat.core.Actor;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.Failures;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service modal's "Measured by" field: a service's bindings as lines, the KPI keys a line may name, and the
 * saved changes applied after Slack has its acknowledgement, since binding asks Prometheus for the past periods and
 * can take seconds. What each change did is sent to the person's direct messages through the outbox. Thread-safe.
 */
final class ServiceMeasures implements AutoCloseable {
    private static final int WORKERS = 2;
    private static final int WAITING = 50;
    private static final Logger log = LoggerFactory.getLogger(ServiceMeasures.class);
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Measures measures;
    private final ThreadPoolExecutor workers;

    ServiceMeasures(Jdbi jdbi, Outbox outbox, Measures measures) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.measures = measures;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                WORKERS, WORKERS, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING), runnable -> {
                    Thread thread = new Thread(runnable, "service-measures-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The service's bindings as the field shows them. */
    List<MeasuredBy.Line> current(long serviceId) {
        return measures.ofService(serviceId).stream()
                .map(source -> new MeasuredBy.Line(
                        source.binding().kpiKey(), source.binding().query()))
                .toList();
    }

    Set<String> kpiKeys(String teamId, String serviceKey) {
        List<String> keys = jdbi.withExtension(KpiKeysDao.class, dao -> dao.ofService(teamId, serviceKey));
        return new TreeSet<>(keys);
    }

    /** Applies {@code changes} on a worker and tells {@code actor} how each went; false when too many wait already. */
    boolean applyLater(Actor actor, Service service, MeasureChanges changes) {
        try {
            workers.execute(() -> tell(actor, service, apply(actor, changes)));
            return true;
        } catch (RejectedExecutionException full) {
            log.warn("service measures: {} changes already waiting; these were not applied", WAITING);
            return false;
        }
    }

    private List<String> apply(Actor actor, MeasureChanges changes) {
        try {
            return changes.apply(measures, actor).stream()
                    .map(MeasureChanges.Outcome::mrkdwn)
                    .toList();
        } catch (RuntimeException e) {
            String reference = Failures.reference();
            log.error("binding a service's queries failed (reference {})", reference, e);
            return List.of(Failures.sentence(reference));
        }
    }

    private void tell(Actor actor, Service service, List<String> outcomes) {
        List<String> lines = new ArrayList<>();
        lines.add("*" + SlackBlocks.escape(service.name()) + "* (`" + service.key() + "`), measured by Prometheus:");
        outcomes.forEach(outcome -> lines.add("• " + outcome));
        Map<String, Object> args = Map.of(
                "text",
                SlackBlocks.clip("How " + SlackBlocks.escape(service.name()) + " is measured now", 150),
                "blocks",
                BlockJson.values(SlackBlocks.lines(lines)));
        String dedupeKey = "service-measures:" + actor.teamId() + ":" + service.key() + ":" + UUID.randomUUID();
        try {
            jdbi.useTransaction(handle ->
                    outbox.enqueue(handle, OutboxMessage.post(actor.teamId(), dedupeKey, actor.userId(), args)));
        } catch (RuntimeException e) {
            log.error(
                    "what binding {} did could not be queued for {}: {}", service.key(), actor.userId(), e.toString());
        }
    }

    /** Lets the changes under way finish, for a while, and drops the rest. */
    @Override
    public void close() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }
}
