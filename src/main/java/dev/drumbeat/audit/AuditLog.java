package dev.drumbeat.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Writes one audit entry per change, inside the caller's transaction, so a change and its audit
 * entry are stored together or not at all. Thread-safe.
 */
public final class AuditLog {
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Records a change; {@code before} or {@code after} is null for a creation or a removal. */
    public void record(Handle handle, AuditEntry entry) {
        handle.attach(AuditDao.class)
                .insert(
                        entry.teamId(),
                        entry.actor(),
                        clock.instant(),
                        entry.entity(),
                        entry.entityKey(),
                        entry.action(),
                        toJson(entry.before()),
                        toJson(entry.after()));
    }

    private String toJson(Optional<Object> value) {
        try {
            return value.isEmpty() ? null : json.writeValueAsString(value.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit entry", e);
        }
    }
}
