package dev.drumbeat.escalation;

import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.slack.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ladder. A sweep reads every workspace's facts and asks the rules for findings once, then applies each
 * workspace's findings in that workspace's own transaction: opens an escalation for each new finding, climbs
 * open ones by time, keeps their detail fresh, closes those whose condition cleared, and queues every message
 * that changes through the outbox. A workspace's open escalations are locked first, so two sweeps (two
 * instances, or a sweep and a button) take turns, and the partial unique index with {@code on conflict do
 * nothing} keeps one open escalation per item and reason whatever happens. A workspace whose transaction dies
 * half-way keeps nothing of it; the next sweep does its whole job. Thread-safe.
 */
public final class EscalationService {
    private static final Logger log = LoggerFactory.getLogger(EscalationService.class);
    private final Jdbi jdbi;
    private final EscalationMessages messages;
    private final Rules rules;
    private final Clock clock;
    private final AtomicBoolean toldNoLeadership = new AtomicBoolean();

    /** Every workspace's thresholds and findings now, read inside the sweep's transaction. */
    public interface Rules {
        Function<String, Thresholds> thresholds(Handle handle);

        List<Finding> findings(Handle handle, Function<String, Thresholds> thresholds, Instant now);
    }

    /** What one apply changed. */
    public record Applied(int opened, int changed, int closed) {
        public boolean isEmpty() {
            return opened + changed + closed == 0;
        }

        Applied plus(Applied other) {
            return new Applied(opened + other.opened, changed + other.changed, closed + other.closed);
        }
    }

    /** Escalations climb to {@code leadershipChannel} at level 3; without one they stop at level 2. */
    public EscalationService(Jdbi jdbi, Outbox outbox, Optional<String> leadershipChannel, Rules rules, Clock clock) {
        this.jdbi = jdbi;
        this.messages = new EscalationMessages(outbox, leadershipChannel);
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Sweeps every workspace: one read of the facts and the rules for all of them, then the ladder for each
     * workspace in its own transaction, so a failure in one workspace does not hold back the others and a
     * button click in one waits only for its own workspace.
     */
    public Applied sweep() {
        return sweep(Optional.empty());
    }

    /** Sweeps one workspace now, as {@link #sweep()} does. */
    public Applied sweep(String teamId) {
        return sweep(Optional.of(teamId));
    }

    private Applied sweep(Optional<String> onlyTeam) {
        Instant now = now();
        record Read(Function<String, Thresholds> thresholds, List<Finding> findings, List<String> openTeams) {}
        Read read = jdbi.inTransaction(handle -> {
            Function<String, Thresholds> thresholds = rules.thresholds(handle);
            List<String> openTeams = handle.attach(EscalationDao.class).findTeamsWithOpen();
            return new Read(thresholds, rules.findings(handle, thresholds, now), openTeams);
        });
        Map<String, List<Finding>> findingsByTeam =
                read.findings().stream().collect(Collectors.groupingBy(Finding::teamId));
        Set<String> teams = new TreeSet<>(read.openTeams());
        teams.addAll(findingsByTeam.keySet());
        onlyTeam.ifPresent(team -> teams.retainAll(Set.of(team)));
        Applied total = new Applied(0, 0, 0);
        for (String team : teams) {
            try {
                total = total.plus(apply(
                        team,
                        findingsByTeam.getOrDefault(team, List.of()),
                        read.thresholds().apply(team),
                        now));
            } catch (RuntimeException e) {
                log.error("escalation sweep of workspace {} failed; the next sweep tries again", team, e);
            }
        }
        return total;
    }

    /** Applies one workspace's findings, as a sweep would; for callers that have findings in hand. */
    public Applied apply(String teamId, List<Finding> findings, Thresholds thresholds, Instant now) {
        Instant stored = now.truncatedTo(ChronoUnit.MICROS);
        return jdbi.inTransaction(handle -> apply(
                handle, teamId, handle.attach(EscalationDao.class).lockOpen(teamId), findings, thresholds, stored));
    }

    private Applied apply(
            Handle handle,
            String teamId,
            List<EscalationDao.Row> open,
            List<Finding> findings,
            Thresholds thresholds,
            Instant now) {
        List<Finding> own =
                findings.stream().filter(f -> f.teamId().equals(teamId)).toList();
        EscalationServicePlan.Plan plan = EscalationServicePlan.plan(open, own, thresholds, now, topLevel());
        if (plan.isEmpty()) {
            return new Applied(0, 0, 0);
        }
        EscalationDao dao = handle.attach(EscalationDao.class);
        List<EscalationDao.Row> opened = open(dao, teamId, plan.openings(), now);
        dao.change(
                plan.changes().stream()
                        .mapToLong(EscalationServicePlan.Change::id)
                        .toArray(),
                plan.changes().stream()
                        .mapToInt(EscalationServicePlan.Change::level)
                        .toArray(),
                plan.changes().stream()
                        .map(EscalationServicePlan.Change::detail)
                        .toArray(String[]::new),
                now);
        close(dao, teamId, plan.closings(), now);
        List<Long> touched =
                new ArrayList<>(opened.stream().map(EscalationDao.Row::id).toList());
        plan.changes().forEach(c -> touched.add(c.id()));
        plan.closings().forEach(r -> touched.add(r.id()));
        messages.refresh(
                handle,
                teamId,
                dao.findAll(touched.stream().mapToLong(Long::longValue).toArray()),
                now);
        return new Applied(opened.size(), plan.changes().size(), plan.closings().size());
    }

    private static List<EscalationDao.Row> open(
            EscalationDao dao, String teamId, List<EscalationServicePlan.Opening> openings, Instant now) {
        if (openings.isEmpty()) {
            return List.of();
        }
        return dao.open(
                teamId,
                openings.stream().map(o -> o.finding().subject().kind()).toArray(String[]::new),
                openings.stream().mapToLong(o -> o.finding().subject().id()).toArray(),
                openings.stream().map(o -> o.finding().reason().code()).toArray(String[]::new),
                openings.stream().map(o -> o.finding().detail()).toArray(String[]::new),
                openings.stream().mapToInt(EscalationServicePlan.Opening::level).toArray(),
                now);
    }

    private static void close(EscalationDao dao, String teamId, List<EscalationDao.Row> closings, Instant now) {
        if (closings.isEmpty()) {
            return;
        }
        Map<Finding.Subject, EscalationDao.Item> items = EscalationMessages.items(dao, teamId, closings);
        dao.close(
                closings.stream().mapToLong(EscalationDao.Row::id).toArray(),
                closings.stream()
                        .map(r -> EscalationServicePlan.closeReason(r, Optional.ofNullable(items.get(r.subject()))))
                        .toArray(String[]::new),
                now);
    }

    /**
     * A limit for reading every open escalation of a workspace: one per item and reason, so 100,000 covers 10,000
     * services with every reason open. The Home tab and the dashboard count from the same read.
     */
    public static final int EVERY_OPEN = 100_000;

    /** Open escalations with one of the reasons, oldest first, at most {@code limit}; each row carries the total. */
    public List<EscalationDao.Listed> listOpen(String teamId, Set<Reason> reasons, int limit) {
        String[] codes = reasons.stream().map(Reason::code).sorted().toArray(String[]::new);
        return jdbi.withExtension(EscalationDao.class, dao -> dao.listOpen(teamId, codes, limit));
    }

    /** How escalations are posted; the buttons re-render through it. */
    EscalationMessages messages() {
        return messages;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Now, as PostgreSQL stores it (microseconds), so an age computed from a stored time is never a hair short. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private int topLevel() {
        int top = messages.topLevel();
        if (top < EscalationServicePlan.TOP && toldNoLeadership.compareAndSet(false, true)) {
            log.warn(
                    "DRUMBEAT_LEADERSHIP_CHANNEL is not set, so escalations stop at level 2 (team channel and deputy)");
        }
        return top;
    }
}
