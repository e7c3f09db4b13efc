package dev.drumbeat.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInHistory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code drumbeat demo} keeps across a restart, so that it resumes where it stood: where the demo's clock stood,
 * and the sandbox's conversations (what the Slack stand-in holds and what people typed on the page), saved in the
 * database while the demo runs, each time its clock is moved, and when it stops. The messages the bot posted keep
 * their timestamps, so the bot can go on updating them in place. Thread-safe.
 */
public final class SandboxHistory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(SandboxHistory.class);

    /** The conversations as saved: the stand-in's, and the page's own transcript. */
    record Kept(SlackStandInHistory slack, List<SandboxMessage> typed) {}

    private final Jdbi jdbi;
    private final String teamId;
    private final Optional<SandboxStateDao.Saved> saved;
    private final SandboxTranscript transcript = new SandboxTranscript();
    private final AtomicReference<SlackStandIn> slack = new AtomicReference<>();
    private final AtomicReference<Clock> clock = new AtomicReference<>();

    private SandboxHistory(Jdbi jdbi, String teamId, Optional<SandboxStateDao.Saved> saved) {
        this.jdbi = jdbi;
        this.teamId = teamId;
        this.saved = saved;
    }

    /** Reads what an earlier run of the demo saved, if anything. */
    public static SandboxHistory read(Jdbi jdbi, String teamId) {
        return new SandboxHistory(jdbi, teamId, jdbi.withExtension(SandboxStateDao.class, dao -> dao.find(teamId)));
    }

    /** Where the demo's clock stood when an earlier run last saved; empty for a demo never run before. */
    public Optional<Instant> clockStoodAt() {
        return saved.map(SandboxStateDao.Saved::clockAt);
    }

    /**
     * Puts the saved conversations back into the stand-in and the page's transcript, and from now on saves what
     * {@code slack} holds with {@code clock}'s time; returns how many messages were put back.
     */
    public int resume(SlackStandIn slack, Clock clock) {
        this.slack.set(slack);
        this.clock.set(clock);
        if (saved.isEmpty()) {
            return 0;
        }
        Optional<Kept> kept = read(saved.get().history());
        kept.ifPresent(k -> {
            slack.restore(k.slack());
            transcript.restore(k.typed());
        });
        return kept.map(k -> k.slack().messages().size() + k.typed().size()).orElse(0);
    }

    /** Saves the conversations as they stand, and where the clock stands; nothing before {@link #resume}. */
    public void save() {
        SlackStandIn conversations = slack.get();
        if (conversations == null) {
            return;
        }
        String history = write(new Kept(conversations.history(), transcript.all()));
        Instant at = clock.get().instant();
        jdbi.useExtension(SandboxStateDao.class, dao -> dao.save(teamId, at, history));
    }

    /** What people typed on the page, restored from an earlier run when there was one. */
    SandboxTranscript transcript() {
        return transcript;
    }

    /** The saved conversations; empty, and said in the log, when they cannot be read (saved by another version). */
    private static Optional<Kept> read(String json) {
        try {
            return Optional.of(JSON.readValue(json, Kept.class));
        } catch (JsonProcessingException e) {
            log.warn(
                    "the sandbox's saved conversations could not be read, so they start empty: {}",
                    e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private static String write(Kept kept) {
        try {
            return JSON.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the sandbox history cannot be written as JSON", e);
        }
    }
}
