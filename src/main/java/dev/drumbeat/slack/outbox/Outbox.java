package dev.drumbeat.slack.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Queues Slack calls in the caller's transaction, so a change and the message about it are stored
 * together or not at all; {@link OutboxSender} sends them. Queuing a dedupe key twice keeps the first.
 * Thread-safe.
 */
public final class Outbox {
    /** The argument value that stands for the {@code ts} of another queued message once it is sent. */
    public static final String TS_OF = "$ts_of";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    public static Map<String, Object> tsOf(String dedupeKey) {
        return Map.of(TS_OF, dedupeKey);
    }

    /** Queues the message; false when a message with the same dedupe key was already queued. */
    public boolean enqueue(Handle handle, OutboxMessage message) {
        return handle.attach(OutboxQueueDao.class).enqueue(queued(message), clock.instant()) == 1;
    }

    /**
     * Queues a dead message again, as it was, to be sent now, if Slack refused it with one of {@code refusals} (its
     * error names, such as {@code not_in_channel}): a refusal means it was never posted, so sending it again posts it
     * once. A message that died any other way (given up on after a day of failures) may have been posted and stays
     * dead. False when nothing was revived.
     */
    public boolean revive(Handle handle, String dedupeKey, Set<String> refusals) {
        return handle.attach(OutboxQueueDao.class).revive(dedupeKey, refusals.toArray(String[]::new), clock.instant())
                == 1;
    }

    /** Whether a message was ever queued under the key, so a later edit of it has something to edit. */
    public boolean has(Handle handle, String dedupeKey) {
        return handle.attach(OutboxQueueDao.class).has(dedupeKey);
    }

    /** Queues many messages in one round trip; each dedupe key already queued keeps its first message. */
    public void enqueueAll(Handle handle, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        handle.attach(OutboxQueueDao.class)
                .enqueueAll(messages.stream().map(Outbox::queued).toList(), clock.instant());
    }

    private static OutboxQueueDao.Queued queued(OutboxMessage message) {
        return new OutboxQueueDao.Queued(
                message.teamId(),
                message.dedupeKey(),
                message.method(),
                message.channel().orElse(null),
                json(message.args()));
    }

    private static String json(Map<String, Object> args) {
        try {
            return JSON.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox arguments must be JSON", e);
        }
    }
}
