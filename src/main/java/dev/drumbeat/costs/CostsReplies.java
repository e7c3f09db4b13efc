package dev.drumbeat.costs;

import dev.drumbeat.core.Actor;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.Failures;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers that read the bills again (a preview, a re-allocation) and so may take seconds: worked out off Slack's
 * request, one at a time, since each reads files with DuckDB, and sent to the admin's direct messages with Drumbeat
 * through the outbox, so Slack's 3-second acknowledgement is never missed and the answer is sent once. A refusal is
 * sent as its sentence; a failure as the sentence with its logged reference. Thread-safe.
 */
final class CostsReplies implements AutoCloseable {
    static final String BUSY = "Drumbeat is busy reading other bills; try again in a minute.";
    private static final int WAITING = 20;
    private static final Logger log = LoggerFactory.getLogger(CostsReplies.class);
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final ThreadPoolExecutor worker =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING), runnable -> {
                Thread thread = new Thread(runnable, "costs-reply");
                thread.setDaemon(true);
                return thread;
            });

    CostsReplies(Jdbi jdbi, Outbox outbox) {
        this.jdbi = jdbi;
        this.outbox = outbox;
    }

    /** Works out {@code answer} and sends it to {@code actor} under {@code dedupeKey}; refuses with {@link #BUSY}. */
    void send(Actor actor, String dedupeKey, Supplier<Reply> answer) {
        try {
            worker.execute(() -> post(actor, dedupeKey, safely(answer)));
        } catch (RejectedExecutionException full) {
            log.warn("costs replies: {} already waiting; told to try again", WAITING);
            throw new UserError(BUSY);
        }
    }

    private static Reply safely(Supplier<Reply> answer) {
        try {
            return answer.get();
        } catch (UserError e) {
            return Reply.text(SlackBlocks.escape(e.getMessage()));
        } catch (RuntimeException e) {
            String reference = Failures.reference();
            log.error("a costs reply failed (reference {})", reference, e);
            return Reply.text(Failures.sentence(reference));
        }
    }

    void post(Actor actor, String dedupeKey, Reply reply) {
        Map<String, Object> args = Map.of("text", reply.text(), "blocks", BlockJson.values(reply.blocks()));
        try {
            jdbi.useTransaction(handle ->
                    outbox.enqueue(handle, OutboxMessage.post(actor.teamId(), dedupeKey, actor.userId(), args)));
        } catch (RuntimeException e) {
            log.error("a costs reply to {} could not be queued: {}", actor.userId(), e.toString());
        }
    }

    /** Lets the answer under way finish, for a while, and drops the rest. */
    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
