package dev.drumbeat.slack.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drumbeat.slack.outbox.OutboxSenderReferences.Resolution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due rows in one short transaction: locks the candidates ({@code for update skip locked}, so senders
 * never share a row), keeps back those waiting on a {@code $ts_of} message or on a rate limit (they stay
 * pending, unclaimed), marks the rest {@code sending} and commits. Remembers what it claimed until
 * {@link #release released}. Rows found {@code sending} past the lease belong to a sender that stopped: they go
 * back to pending, and a post whose call had begun is marked unconfirmed, to be looked for in Slack before it is
 * sent again. During a Slack outage ({@link OutboxSenderOutage}) it claims one probe at a time, or nothing.
 * Thread-safe.
 */
final class OutboxSenderClaims {
    private static final Logger log = LoggerFactory.getLogger(OutboxSenderClaims.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;
    private final RateLimits limits;
    private final Clock clock;
    private final Duration lease;
    private final String instanceId;
    private final OutboxSenderOutage outage;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    OutboxSenderClaims(
            Jdbi jdbi, RateLimits limits, Clock clock, Duration lease, String instanceId, OutboxSenderOutage outage) {
        this.jdbi = jdbi;
        this.limits = limits;
        this.clock = clock;
        this.lease = lease;
        this.instanceId = instanceId;
        this.outage = outage;
    }

    /**
     * Rows claimed longer than the lease ago by a sender that is gone go back to pending; a post whose call had begun
     * is marked unconfirmed. This sender's own calls in flight are left alone.
     */
    void expireLeases() {
        Instant cutoff = clock.instant().minus(lease);
        long[] mine = inFlight.stream().mapToLong(Long::longValue).toArray();
        for (OutboxDao.Expired row : jdbi.withExtension(OutboxDao.class, dao -> dao.expireLeases(cutoff, mine))) {
            if (row.unconfirmedSince() != null && row.method().equals(RateLimits.POST_MESSAGE)) {
                log.warn(
                        "Slack outbox message {} (to {}) was being sent by a sender that stopped; it will be looked"
                                + " for in Slack and sent if it is not there",
                        row.dedupeKey(),
                        row.channel());
            } else {
                log.info(
                        "Slack outbox message {} ({} to {}) was claimed by a sender that stopped; it is pending again",
                        row.dedupeKey(),
                        row.method(),
                        row.channel());
            }
        }
    }

    List<OutboxSenderClaim> claim(int limit) {
        OutboxSenderOutage.Admission admission = outage.admit();
        if (admission == OutboxSenderOutage.Admission.NONE) {
            return List.of();
        }
        boolean probe = admission == OutboxSenderOutage.Admission.PROBE;
        RateLimits.Held held = limits.held();
        List<OutboxSenderClaim> acquired = new ArrayList<>();
        try {
            List<OutboxSenderClaim> claimed = jdbi.inTransaction(
                    handle -> claim(handle.attach(OutboxDao.class), probe ? 1 : limit, probe, held, acquired));
            if (probe) {
                outage.probing(claimed.isEmpty() ? null : claimed.get(0).row().id());
            }
            claimed.forEach(claim -> inFlight.add(claim.row().id()));
            return claimed;
        } catch (RuntimeException e) {
            acquired.forEach(claim -> limits.cancel(claim.method(), claim.channel()));
            throw e;
        }
    }

    /**
     * Records, in its own commit, that the Slack call for a claimed row is about to begin; false when the row is no
     * longer this sender's, because it stalled past the lease and another sender took it over.
     */
    boolean callStarting(OutboxSenderClaim claim) {
        return jdbi.withExtension(
                        OutboxDao.class, dao -> dao.callStarted(claim.row().id(), instanceId, clock.instant()))
                == 1;
    }

    /** The call for a claimed row came back and its outcome is recorded, or could not be. */
    void release(OutboxSenderClaim claim) {
        inFlight.remove(claim.row().id());
    }

    private List<OutboxSenderClaim> claim(
            OutboxDao dao, int limit, boolean probe, RateLimits.Held held, List<OutboxSenderClaim> acquired) {
        Instant now = clock.instant();
        String[] heldMethods = held.methods().toArray(String[]::new);
        String[] heldChannels = held.channels().toArray(String[]::new);
        List<OutboxSenderRow> rows = probe
                ? dao.lockProbe(heldMethods, heldChannels)
                : dao.lockClaimable(now, limit, heldMethods, heldChannels);
        Map<OutboxSenderRow, ObjectNode> args = new LinkedHashMap<>();
        rows.forEach(row -> args.put(row, parse(row)));
        Map<String, OutboxDao.Reference> references = references(dao, args.values());
        args.forEach((row, rowArgs) -> decide(dao, row, resolve(rowArgs, references), now, acquired));
        if (!acquired.isEmpty()) {
            dao.claim(acquired.stream().mapToLong(claim -> claim.row().id()).toArray(), instanceId, now);
        }
        return List.copyOf(acquired);
    }

    /** Dead when it never can go, postponed while its reference waits, taken when the rate limits allow. */
    private void decide(
            OutboxDao dao, OutboxSenderRow row, Resolution resolution, Instant now, List<OutboxSenderClaim> acquired) {
        if (resolution instanceof Resolution.Never never) {
            dao.refuse(row.id(), never.reason());
            log.warn(
                    "Slack outbox message {} ({} to {}) is dead: {}",
                    row.dedupeKey(),
                    row.method(),
                    row.channel(),
                    never.reason());
        } else if (resolution instanceof Resolution.Wait wait) {
            wait.until().filter(until -> until.isAfter(now)).ifPresent(until -> dao.postpone(row.id(), until));
        } else if (limits.tryAcquire(row.method(), row.channel())) {
            acquired.add(new OutboxSenderClaim(row, ((Resolution.Ready) resolution).args()));
        }
    }

    private static Resolution resolve(ObjectNode args, Map<String, OutboxDao.Reference> references) {
        return args == null
                ? new Resolution.Never("arguments are not a JSON object")
                : OutboxSenderReferences.resolve(args, references);
    }

    private static Map<String, OutboxDao.Reference> references(OutboxDao dao, Iterable<ObjectNode> args) {
        Set<String> keys = new LinkedHashSet<>();
        args.forEach(rowArgs -> keys.addAll(rowArgs == null ? Set.of() : OutboxSenderReferences.keysIn(rowArgs)));
        if (keys.isEmpty()) {
            return Map.of();
        }
        return dao.references(keys.toArray(String[]::new)).stream()
                .collect(Collectors.toMap(OutboxDao.Reference::dedupeKey, Function.identity()));
    }

    /** The row's arguments, or null when they are not a JSON object (Outbox never writes such a row). */
    private static ObjectNode parse(OutboxSenderRow row) {
        try {
            return JSON.readTree(row.args()) instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
