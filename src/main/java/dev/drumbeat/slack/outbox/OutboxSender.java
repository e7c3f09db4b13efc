package dev.drumbeat.slack.outbox;

import com.slack.api.Slack;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains {@code slack_outbox}: claims due rows ({@link OutboxSenderClaims}), calls Slack through Bolt's
 * {@code MethodsClient} within the {@link RateLimits}, and records the outcome ({@link OutboxSenderResults}).
 * Any number of senders, in one process or many, may drain one database: each row is claimed by one of them,
 * and messages to a channel go out one at a time in id order. Delivery is effectively exactly once: a post whose
 * sender crashed mid-call, or whose call went unanswered, is looked for in Slack ({@link OutboxSenderLookup}) before
 * it is sent again. Through a Slack outage one message probes at a time ({@link OutboxSenderOutage}) and messages
 * are kept for hours. {@link #start} runs it in the background ({@link OutboxSenderWorker}); {@link #wake} after queuing
 * saves waiting for the next poll. Thread-safe.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private final OutboxSenderClaims claims;
    private final OutboxSenderResults results;
    private final OutboxSenderCall slack;
    private final OutboxSenderLookup lookup;
    private final OutboxSenderSettings settings;
    private final String instanceId;
    private final RateLimits limits;
    private volatile OutboxSenderWorker worker;

    public OutboxSender(
            Jdbi jdbi, Slack slack, String botToken, Clock clock, RateLimits limits, OutboxSenderSettings settings) {
        this.instanceId = "outbox-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        this.settings = settings;
        this.limits = limits;
        this.slack = new OutboxSenderCall(slack.methods(botToken), botToken);
        this.lookup = new OutboxSenderLookup(this.slack);
        OutboxSenderOutage outage = new OutboxSenderOutage(clock, settings.backoffBase(), settings.probeCap());
        this.claims = new OutboxSenderClaims(jdbi, limits, clock, settings.lease(), instanceId, outage);
        OutboxSenderBackoff backoff = new OutboxSenderBackoff(
                settings.backoffBase(),
                settings.backoffCap(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.results =
                new OutboxSenderResults(jdbi, limits, clock, backoff, settings.giveUpAfter(), instanceId, outage);
    }

    /** Tells {@code observer} each call's method and outcome, for metrics. */
    public OutboxSender observe(BiConsumer<String, String> observer) {
        results.observe(observer);
        return this;
    }

    /** Also tells {@code listener} of each message Slack refused for good; returns this. */
    public OutboxSender onDead(OutboxDeadLetters listener) {
        results.onDead(listener);
        return this;
    }

    /** Starts sending in the background; returns this, so it can go straight into what a caller closes. */
    public synchronized OutboxSender start() {
        if (worker != null) {
            throw new IllegalStateException("the outbox sender is already started");
        }
        worker = new OutboxSenderWorker(claims, this::deliver, settings);
        return this;
    }

    /** Looks for due messages now rather than at the next poll; call after queuing. Cheap, never blocks. */
    public void wake() {
        OutboxSenderWorker running = worker;
        if (running != null) {
            running.wake();
        }
    }

    /**
     * Sends, on the calling thread, what is due and allowed right now (at most one message per channel) and
     * returns how many calls it made. For tests and tools; the background worker does the same continuously.
     */
    public int drainOnce() {
        claims.expireLeases();
        List<OutboxSenderClaim> claimed = claims.claim(settings.batchSize());
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    /** The name this sender claims rows under ({@code slack_outbox.claimed_by}). */
    public String instanceId() {
        return instanceId;
    }

    /** Stops claiming and lets calls in flight finish and be recorded. */
    @Override
    public synchronized void close() {
        if (worker == null) {
            return;
        }
        try {
            worker.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    /** Looks first for a post that may already be in Slack; sends it when it is not. */
    private OutboxSenderOutcome send(OutboxSenderClaim claim) {
        Instant unconfirmedSince = claim.row().unconfirmedSince();
        if (unconfirmedSince != null && claim.method().equals(RateLimits.POST_MESSAGE)) {
            Optional<OutboxSenderOutcome> found = lookup.find(claim, unconfirmedSince);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return slack.call(claim.method(), claim.args(), claim.row().dedupeKey());
    }

    private void deliver(OutboxSenderClaim claim) {
        try {
            if (!claims.callStarting(claim)) {
                log.info(
                        "Slack outbox message {} was taken over by another sender while this one stalled; not sent"
                                + " from here",
                        claim.row().dedupeKey());
                limits.cancel(claim.method(), claim.channel());
                claims.release(claim);
                return;
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Could not mark Slack outbox message {} as being sent; it is left for the lease to return",
                    claim.row().dedupeKey(),
                    e);
            limits.cancel(claim.method(), claim.channel());
            claims.release(claim);
            return;
        }
        OutboxSenderOutcome outcome = send(claim);
        try {
            results.record(claim, outcome);
        } catch (RuntimeException e) {
            log.error(
                    "Could not record the outcome of Slack outbox message {} ({}); it stays claimed until the lease"
                            + " runs out, then is looked for in Slack and sent if it is not there",
                    claim.row().dedupeKey(),
                    outcome.getClass().getSimpleName(),
                    e);
        } finally {
            claims.release(claim);
        }
    }
}
