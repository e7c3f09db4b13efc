package dev.drumbeat.slack;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the subcommands that may be slow ({@link Subcommand#mayBeSlow}) on a bounded pool of workers, so that Slack
 * has its acknowledgement within its 3 s however long an answer takes. An answer ready within {@code patience} is
 * the acknowledgement, as for any subcommand. A later one is posted to the command's response_url, where it replaces
 * the "working on it" the acknowledgement said. When every worker is busy and the queue is full, the acknowledgement
 * says so at once rather than leaving Slack to time out. Each answer is given exactly once, in the acknowledgement or
 * through the response_url, never both. Thread-safe.
 */
public final class SlowCommands implements AutoCloseable {
    public static final String WORKING = "Working on it… the answer will appear here in a moment.";
    public static final String BUSY = "Drumbeat is busy answering other questions; ask again in a minute.";
    /** How many answers may be posted to response_urls at once. */
    private static final int SENDERS = 4;

    private static final Logger log = LoggerFactory.getLogger(SlowCommands.class);
    private final ThreadPoolExecutor workers;
    private final Duration patience;
    private final ResponseUrls answers;

    /**
     * {@code workers} answer at once and {@code queue} more wait; {@code patience} is how long an acknowledgement
     * waits for the answer (zero: every slow command is answered through its response_url).
     */
    public record Settings(int workers, int queue, Duration patience) {
        public Settings {
            if (workers < 1 || queue < 0 || patience.isNegative()) {
                throw new IllegalArgumentException("at least one worker, a queue and a patience of zero or more");
            }
        }
    }

    public SlowCommands(Settings settings) {
        this(settings, new ResponseUrls(SENDERS, ResponseUrls.RETRIES));
    }

    SlowCommands(Settings settings, ResponseUrls answers) {
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                settings.workers(),
                settings.workers(),
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.queue())),
                runnable -> {
                    Thread thread = new Thread(runnable, "slow-command-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.patience = settings.patience();
        this.answers = answers;
    }

    /**
     * The acknowledgement for a command {@code work} answers: the answer itself when it is ready in time, else
     * "working on it" with the answer to follow through {@code responseUrl}, or "busy". Without a response_url the
     * answer is worked out here, as any other.
     */
    Reply answer(Supplier<Reply> work, String responseUrl) {
        if (responseUrl == null || responseUrl.isBlank()) {
            return work.get();
        }
        Pending pending = new Pending(responseUrl);
        try {
            workers.execute(() -> pending.settle(safely(work)));
        } catch (RejectedExecutionException full) {
            log.warn(
                    "a slow command found every worker busy and {} waiting; told to ask again",
                    workers.getQueue().size());
            return Reply.text(BUSY);
        }
        return pending.awaitOrDefer();
    }

    /** The answer, or the sentence for a failure the router let through, so that every command is answered. */
    private static Reply safely(Supplier<Reply> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            String reference = Failures.reference();
            log.error("a slow command failed (reference {})", reference, e);
            return Reply.text(Failures.sentence(reference));
        }
    }

    /**
     * One command's answer, and who gives it: the acknowledgement, if the answer is there when it stops waiting, or
     * else the worker, through the response_url. Whoever marks it {@code taken} first decides.
     */
    private final class Pending {
        private final String responseUrl;
        private final CompletableFuture<Reply> reply = new CompletableFuture<>();
        private final AtomicBoolean taken = new AtomicBoolean();

        Pending(String responseUrl) {
            this.responseUrl = responseUrl;
        }

        /** On the worker, with the answer: posted when the acknowledgement already went without it. */
        void settle(Reply answer) {
            reply.complete(answer);
            if (!taken.compareAndSet(false, true)) {
                answers.answer(responseUrl, answer);
            }
        }

        Reply awaitOrDefer() {
            try {
                if (!patience.isZero()) {
                    return reply.get(patience.toNanos(), TimeUnit.NANOSECONDS);
                }
            } catch (TimeoutException late) {
                // answered through the response_url, unless the worker finished just now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a slow command's answer is never a failure", e);
            }
            return taken.compareAndSet(false, true) ? Reply.text(WORKING) : reply.join();
        }
    }

    /** Lets the answers under way finish and be posted, for a few seconds, and drops those not started. */
    @Override
    public void close() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        answers.close();
    }
}
