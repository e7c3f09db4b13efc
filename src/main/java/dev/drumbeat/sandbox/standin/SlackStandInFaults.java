package dev.drumbeat.sandbox.standin;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;

/**
 * Failures a test has asked for, so the outbox sender's retries and Retry-After handling can be exercised:
 * one-off failures queue per method and are used in order; a lasting failure holds until recovered.
 * Thread-safe: every method is synchronized.
 */
final class SlackStandInFaults {

    /** What Slack sends when it throttles a method and no Retry-After was asked for explicitly. */
    static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

    /**
     * {@code error} is Slack's error name for an ok:false answer, null to name it after the HTTP status; {@code channel}
     * limits the fault to calls about that channel, null to any call of the method.
     */
    private record Fault(int status, Integer retryAfterSeconds, String error, String channel) {
        boolean fits(String calledChannel) {
            return channel == null || channel.equals(calledChannel);
        }
    }

    private final Map<String, Queue<Fault>> next = new HashMap<>();
    private final Map<String, Fault> always = new HashMap<>();

    synchronized void failNext(String method, int status, Integer retryAfterSeconds) {
        next.computeIfAbsent(method, key -> new ArrayDeque<>()).add(new Fault(status, retryAfterSeconds, null, null));
    }

    synchronized void refuseNext(String method, String channel, String error) {
        next.computeIfAbsent(method, key -> new ArrayDeque<>()).add(new Fault(200, null, error, channel));
    }

    synchronized void failAlways(String method, int status) {
        always.put(method, new Fault(status, status == 429 ? DEFAULT_RETRY_AFTER_SECONDS : null, null, null));
    }

    synchronized void recover(String method) {
        next.remove(method);
        always.remove(method);
    }

    synchronized void clear() {
        next.clear();
        always.clear();
    }

    /** The failure this call of {@code method} about {@code channel} must answer, if any; a one-off failure is used up. */
    synchronized Optional<SlackStandInAnswer> take(String method, String channel) {
        Queue<Fault> queued = next.getOrDefault(method, new ArrayDeque<>());
        Optional<Fault> once = queued.stream().filter(f -> f.fits(channel)).findFirst();
        once.ifPresent(queued::remove);
        return once.or(() -> Optional.ofNullable(always.get(method))).map(SlackStandInFaults::answer);
    }

    private static SlackStandInAnswer answer(Fault fault) {
        if (fault.error() != null) {
            return SlackStandInAnswer.error(fault.status(), fault.error(), null);
        }
        String error = switch (fault.status()) {
            case 429 -> "ratelimited";
            case 503 -> "service_unavailable";
            case 408, 504 -> "request_timeout";
            default -> "internal_error";
        };
        return SlackStandInAnswer.error(fault.status(), error, fault.retryAfterSeconds());
    }
}
