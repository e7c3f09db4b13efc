package dev.drumbeat.slack.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a Slack outage from one message's bad luck and keeps the sender quiet through it. Three failed calls in a
 * row (5xx, time-outs, I/O errors, with no answer from Slack between them) mean Slack is down: from then on only one
 * message at a time is tried, as a probe, 1 s, 2 s, 4 s … and at most {@code probeCap} apart, so an outage of hours
 * neither burns every message's attempts nor has every channel's head knock at once. The first call Slack answers
 * (sent, refused, or rate-limited) ends the outage, and the caller releases what was waiting out its backoff.
 * Runs on the business clock. Thread-safe: every method is synchronized.
 */
final class OutboxSenderOutage {
    static final int FAILURES_TO_DECLARE = 3;
    private static final Logger log = LoggerFactory.getLogger(OutboxSenderOutage.class);

    /** What the sender may claim right now. */
    enum Admission {
        ALL,
        PROBE,
        NONE
    }

    private final Clock clock;
    private final OutboxSenderBackoff probeBackoff;
    private int consecutiveFailures;
    private boolean down;
    private Instant since;
    private int probesFailed;
    private Instant nextProbeAt;
    private Long probeRow;

    OutboxSenderOutage(Clock clock, Duration probeBase, Duration probeCap) {
        this.clock = clock;
        this.probeBackoff = new OutboxSenderBackoff(probeBase, probeCap, () -> 1.0);
    }

    synchronized boolean down() {
        return down;
    }

    /** Everything while Slack answers; during an outage, one probe once it is due and none is out. */
    synchronized Admission admit() {
        if (!down) {
            return Admission.ALL;
        }
        return probeRow == null && !clock.instant().isBefore(nextProbeAt) ? Admission.PROBE : Admission.NONE;
    }

    /** The row claimed as the probe; null when there was none to claim (the next poll tries again). */
    synchronized void probing(Long rowId) {
        probeRow = rowId;
    }

    /** Slack answered a call; true when that ended an outage. */
    synchronized boolean answered() {
        consecutiveFailures = 0;
        if (!down) {
            return false;
        }
        down = false;
        probeRow = null;
        log.info(
                "Slack answers again after {} s; the Slack outbox is sending everything that waited",
                Duration.between(since, clock.instant()).toSeconds());
        return true;
    }

    /** A call failed in a way worth retrying. */
    synchronized void failed(long rowId) {
        Instant now = clock.instant();
        consecutiveFailures++;
        if (down) {
            if (Long.valueOf(rowId).equals(probeRow)) {
                probeRow = null;
                probesFailed++;
                nextProbeAt = now.plus(probeBackoff.ceiling(probesFailed + 1));
            }
            return;
        }
        if (consecutiveFailures >= FAILURES_TO_DECLARE) {
            down = true;
            since = now;
            probesFailed = 0;
            probeRow = null;
            nextProbeAt = now.plus(probeBackoff.ceiling(1));
            log.warn(
                    "Slack failed {} calls in a row; the Slack outbox holds its messages and tries one at a time"
                            + " until Slack answers",
                    consecutiveFailures);
        }
    }
}
