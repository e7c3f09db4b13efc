package dev.drumbeat.slack.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes down what became of a claimed row: sent with its channel and ts; pending again after Retry-After
 * (429, no attempt counted) or after a jittered backoff (5xx, time-out; a post is then unconfirmed, since Slack may
 * have it); dead on a permanent error, or once its calls have failed for {@code giveUpAfter}. Also tells the rate
 * limits the call came back, and the outage watch whether Slack answered; when an answer ends an outage, every
 * message waiting out a failure's backoff is due at once. Thread-safe.
 */
final class OutboxSenderResults {
    private static final Logger log = LoggerFactory.getLogger(OutboxSenderResults.class);
    private final Jdbi jdbi;
    private final RateLimits limits;
    private final Clock clock;
    private final OutboxSenderBackoff backoff;
    private final Duration giveUpAfter;
    private final String instanceId;
    private final OutboxSenderOutage outage;
    private volatile BiConsumer<String, String> observer = (method, outcome) -> {};
    private final List<OutboxDeadLetters> deadLetters = new CopyOnWriteArrayList<>();

    OutboxSenderResults(
            Jdbi jdbi,
            RateLimits limits,
            Clock clock,
            OutboxSenderBackoff backoff,
            Duration giveUpAfter,
            String instanceId,
            OutboxSenderOutage outage) {
        this.jdbi = jdbi;
        this.limits = limits;
        this.clock = clock;
        this.backoff = backoff;
        this.giveUpAfter = giveUpAfter;
        this.instanceId = instanceId;
        this.outage = outage;
    }

    /** Hears each call's method and outcome ({@code sent}, {@code rate_limited}, {@code failed}, {@code rejected}). */
    void observe(BiConsumer<String, String> observer) {
        this.observer = observer;
    }

    /** Adds a listener for each message declared dead after Slack answered; see {@link OutboxDeadLetters}. */
    void onDead(OutboxDeadLetters listener) {
        deadLetters.add(listener);
    }

    void record(OutboxSenderClaim claim, OutboxSenderOutcome outcome) {
        OutboxSenderRow row = claim.row();
        Instant now = clock.instant();
        limits.finished(row.method(), row.channel());
        observer.accept(row.method(), outcomeName(outcome));
        if (outcome instanceof OutboxSenderOutcome.Failed) {
            outage.failed(row.id());
        } else if (outage.answered()) {
            int released = jdbi.withExtension(OutboxDao.class, dao -> dao.releaseBackedOff(now));
            log.info("{} Slack outbox messages that waited out the outage are due now", released);
        }
        if (outcome instanceof OutboxSenderOutcome.Sent sent) {
            update(dao -> dao.sent(row.id(), instanceId, now, sent.channel(), sent.ts()));
        } else if (outcome instanceof OutboxSenderOutcome.RateLimited limited) {
            Instant until = now.plus(limited.retryAfter());
            limits.pause(row.method(), row.channel(), until);
            log.info(
                    "Slack rate-limited {} ({}); next try in {} s",
                    row.dedupeKey(),
                    row.method(),
                    limited.retryAfter().toSeconds());
            update(dao -> dao.retryAt(
                    row.id(),
                    instanceId,
                    until,
                    "ratelimited; Retry-After " + limited.retryAfter().toSeconds() + " s"));
        } else if (outcome instanceof OutboxSenderOutcome.Failed failed) {
            retryOrGiveUp(row, failed.error(), now);
        } else {
            dead(row, ((OutboxSenderOutcome.Rejected) outcome).error());
        }
    }

    private static String outcomeName(OutboxSenderOutcome outcome) {
        if (outcome instanceof OutboxSenderOutcome.Sent) {
            return "sent";
        }
        if (outcome instanceof OutboxSenderOutcome.RateLimited) {
            return "rate_limited";
        }
        return outcome instanceof OutboxSenderOutcome.Failed ? "failed" : "rejected";
    }

    private void retryOrGiveUp(OutboxSenderRow row, String error, Instant now) {
        int attempts = row.attempts() + 1;
        Instant failingSince = row.firstFailedAt() == null ? now : row.firstFailedAt();
        Duration failing = Duration.between(failingSince, now);
        if (failing.compareTo(giveUpAfter) >= 0) {
            dead(row, "gave up after " + attempts + " attempts over " + hours(failing) + ": " + error);
            return;
        }
        Instant at = now.plus(backoff.delayAfter(attempts));
        log.info(
                "Slack call {} ({}) failed, attempt {}: {}; next try at {}",
                row.dedupeKey(),
                row.method(),
                attempts,
                error,
                at);
        boolean maybeDelivered = row.method().equals(RateLimits.POST_MESSAGE);
        update(dao -> dao.failedRetryAt(row.id(), instanceId, now, at, error, maybeDelivered));
    }

    private static String hours(Duration failing) {
        long hours = failing.toHours();
        return hours >= 1 ? hours + (hours == 1 ? " hour" : " hours") : failing.toMinutes() + " min";
    }

    private void dead(OutboxSenderRow row, String error) {
        log.warn("Slack outbox message {} ({} to {}) is dead: {}", row.dedupeKey(), row.method(), row.channel(), error);
        boolean marked = jdbi.withExtension(OutboxDao.class, dao -> dao.dead(row.id(), instanceId, error)) == 1;
        if (!marked) {
            return; // another sender took the row over meanwhile; what became of it is theirs to tell
        }
        for (OutboxDeadLetters listener : deadLetters) {
            try {
                listener.dead(row.teamId(), row.dedupeKey(), row.channel(), error);
            } catch (RuntimeException e) {
                log.error("telling about dead outbox message {} failed", row.dedupeKey(), e);
            }
        }
    }

    private void update(Consumer<OutboxDao> change) {
        jdbi.useExtension(OutboxDao.class, change::accept);
    }
}
