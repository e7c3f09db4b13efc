package dev.drumbeat.sandbox.standin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Trigger ids as Slack hands them out with an interaction: bound to one person, valid for three seconds,
 * usable once. Thread-safe: every method is synchronized.
 */
final class SlackStandInTriggers {

    static final Duration LIFETIME = Duration.ofSeconds(3);
    private static final Pattern FORMAT = Pattern.compile("\\d+\\.\\d+\\.[0-9a-f]+");

    /** The outcome of using a trigger id: the person it belongs to, or the error Slack answers. */
    record Exchange(String userId, String error) {}

    private record Trigger(String userId, Instant issuedAt) {}

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Trigger> issued = new HashMap<>();
    private final Set<String> exchanged = new HashSet<>();
    private long sequence;

    SlackStandInTriggers(Clock clock) {
        this.clock = clock;
    }

    synchronized String register(String userId) {
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        Instant now = clock.instant();
        String id =
                now.getEpochSecond() + "." + (++sequence) + "." + HexFormat.of().formatHex(secret);
        issued.put(id, new Trigger(userId, now));
        return id;
    }

    /** Forgets every trigger id handed out. */
    synchronized void clear() {
        issued.clear();
        exchanged.clear();
    }

    synchronized Exchange exchange(String triggerId) {
        Trigger trigger = FORMAT.matcher(triggerId).matches() ? issued.get(triggerId) : null;
        if (trigger == null) {
            return new Exchange(null, "invalid_trigger_id");
        }
        if (exchanged.contains(triggerId)) {
            return new Exchange(null, "exchanged_trigger_id");
        }
        if (clock.instant().isAfter(trigger.issuedAt().plus(LIFETIME))) {
            return new Exchange(null, "expired_trigger_id");
        }
        exchanged.add(triggerId);
        return new Exchange(trigger.userId(), null);
    }
}
