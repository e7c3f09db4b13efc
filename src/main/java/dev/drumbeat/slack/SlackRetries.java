package dev.drumbeat.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each Events API event once, however often Slack delivers it: Slack retries an event it thinks went
 * unanswered (headers {@code X-Slack-Retry-Num}, {@code X-Slack-Retry-Reason}) with the same {@code event_id}.
 * The id is recorded in {@code slack_events_seen} (one insert, first writer wins) before any handler runs, and
 * marked handled after they succeed; a repeat is acknowledged without running handlers. If the handlers fail, the id
 * is forgotten so Slack's retry gets a second chance; if even that fails (the database went away mid-event), a
 * retry more than {@value #TAKE_OVER_SECONDS} s later finds the id never handled and runs the event. Every {@value #PRUNE_EVERY}th new event also deletes ids older than a week, long after
 * Slack's last retry. Registered once, as Bolt middleware, so every event handler is covered. Thread-safe.
 */
public final class SlackRetries implements Middleware {
    static final int PRUNE_EVERY = 1000;
    static final Duration KEEP = Duration.ofDays(7);
    /** Slack retries nearly at once, then after a minute and five: the later ones may take over an unhandled id. */
    static final int TAKE_OVER_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(SlackRetries.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;
    private final Clock clock;
    private final int pruneEvery;
    private final AtomicLong firstSightings = new AtomicLong();

    public SlackRetries(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, PRUNE_EVERY);
    }

    SlackRetries(Jdbi jdbi, Clock clock, int pruneEvery) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.pruneEvery = pruneEvery;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        Optional<Envelope> envelope =
                req.getRequestType() == RequestType.Event ? envelope(req.getRequestBodyAsString()) : Optional.empty();
        if (envelope.isEmpty()) {
            return chain.next(req);
        }
        if (!firstSighting(envelope.get())) {
            log.info(
                    "event {} already handled; acknowledged again without running it (retry {}, {})",
                    envelope.get().eventId(),
                    retryNum(req),
                    retryReason(req));
            return Response.ok();
        }
        return runOnce(req, chain, envelope.get());
    }

    private Response runOnce(Request req, MiddlewareChain chain, Envelope envelope) throws Exception {
        Response response;
        try {
            response = chain.next(req);
        } catch (Exception | Error e) {
            forget(envelope);
            throw e;
        }
        if (response.getStatusCode() != null && response.getStatusCode() >= 500) {
            forget(envelope);
        } else {
            markHandled(envelope);
        }
        return response;
    }

    /** True for the first delivery of this event id; the one round trip each event costs. */
    private boolean firstSighting(Envelope envelope) {
        Instant now = clock.instant();
        boolean first = jdbi.withExtension(
                        SlackEventsDao.class,
                        dao -> dao.see(envelope.eventId(), envelope.teamId(), now, now.minusSeconds(TAKE_OVER_SECONDS)))
                == 1;
        if (first && firstSightings.incrementAndGet() % pruneEvery == 0) {
            prune();
        }
        return first;
    }

    /** Best effort: when the database is gone too, a later retry takes the unhandled id over. */
    private void forget(Envelope envelope) {
        try {
            jdbi.useExtension(SlackEventsDao.class, dao -> dao.forget(envelope.eventId()));
        } catch (RuntimeException e) {
            log.warn(
                    "could not forget failed event {}; Slack's retry in a minute will run it: {}",
                    envelope.eventId(),
                    e.toString());
        }
    }

    /** Best effort: an event handled but not marked may run again on a late retry, which beats losing it. */
    private void markHandled(Envelope envelope) {
        try {
            jdbi.useExtension(SlackEventsDao.class, dao -> dao.handled(envelope.eventId(), clock.instant()));
        } catch (RuntimeException e) {
            log.warn("could not mark event {} handled: {}", envelope.eventId(), e.toString());
        }
    }

    private void prune() {
        int deleted = jdbi.withExtension(
                SlackEventsDao.class,
                dao -> dao.forgetSeenBefore(clock.instant().minus(KEEP)));
        log.debug("forgot {} Slack event ids older than {}", deleted, KEEP);
    }

    /** The event id and team of an {@code event_callback}; empty for anything else. */
    static Optional<Envelope> envelope(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            String eventId = json == null ? "" : json.path("event_id").asText("");
            return eventId.isBlank()
                    ? Optional.empty()
                    : Optional.of(new Envelope(eventId, json.path("team_id").asText("")));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Object retryNum(Request<?> req) {
        return req instanceof EventRequest event ? event.getContext().getRetryNum() : null;
    }

    private static Object retryReason(Request<?> req) {
        return req instanceof EventRequest event ? event.getContext().getRetryReason() : null;
    }

    record Envelope(String eventId, String teamId) {}
}
