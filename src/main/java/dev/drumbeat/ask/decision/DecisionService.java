package dev.drumbeat.ask.decision;

import dev.drumbeat.ask.advisor.AdvisorActuals;
import dev.drumbeat.ask.advisor.StoredAdvice;
import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Role;
import dev.drumbeat.core.UserError;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Records what leadership decided from an advisor's answer and undoes it. Recording stores the decision with each
 * pick as it was shown, marks the picks deprioritised (so later answers leave them out) and tells their owners
 * through the outbox, all in one transaction; undoing reverses the marks and tells the owners again. Only
 * leadership and admins may do either. Thread-safe.
 */
public final class DecisionService {
    static final int LISTED = 15;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final DecisionNotifier notices;
    private final Clock clock;
    private final AdvisorActuals actuals;

    public DecisionService(Jdbi jdbi, AuditLog audit, DecisionNotifier notices, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
        this.actuals = new AdvisorActuals(jdbi, clock);
    }

    /** A decision with what it deprioritised. */
    public record Recorded(DecisionDao.Decision decision, List<DecisionDao.Item> items) {}

    /** What an answer proposes: the question it answered and the advisor's picks, as stored with it. */
    public record Proposal(long askId, String question, Optional<String> advice) {}

    /** Records the decision an answer proposes; refuses if it stands already or the picks changed since. */
    public Recorded record(Actor actor, Proposal ask) {
        requireDecider(actor, "record a decision");
        StoredAdvice advice = ask.advice()
                .map(StoredAdvice::parse)
                .filter(a -> !a.picks().isEmpty())
                .orElseThrow(() ->
                        new UserError("That answer proposes nothing to deprioritise, so there is nothing to record."));
        return jdbi.inTransaction(handle -> {
            DecisionDao dao = handle.attach(DecisionDao.class);
            Map<String, DecisionDao.Subject> locked = DecisionPicks.lock(dao, actor.teamId(), advice);
            requireNotRecorded(dao, actor.teamId(), ask.askId());
            List<StoredAdvice.Pick> picks =
                    DecisionPicks.requireUnchanged(handle, actor.teamId(), advice, locked, actuals);
            Instant now = clock.instant();
            long id = dao.insert(
                    actor.teamId(), ask.askId(), ask.question(), advice.target(), advice.saving(), actor.userId(), now);
            picks.forEach(p ->
                    dao.insertItem(id, actor.teamId(), p.kind(), p.id(), p.key(), p.name(), p.ownerId(), p.saving()));
            DecisionPicks.deprioritise(dao, actor.teamId(), id, picks, now);
            Recorded recorded = new Recorded(
                    dao.find(actor.teamId(), id).orElseThrow(), dao.findItems(actor.teamId(), List.of(id)));
            audit.record(
                    handle,
                    AuditEntry.change(
                            actor.teamId(),
                            actor.auditName(),
                            "decision",
                            String.valueOf(id),
                            null,
                            Map.of("question", ask.question(), "expectedSaving", advice.saving(), "picks", picks)));
            notices.decided(handle, recorded);
            return recorded;
        });
    }

    /** Refuses when the answer stands recorded; checked once the picks' locks are held, so a racing record is seen. */
    private static void requireNotRecorded(DecisionDao dao, String teamId, long askId) {
        dao.findStanding(teamId, askId).ifPresent(d -> {
            throw new UserError("That answer is already recorded as decision #" + d.id() + " by "
                    + Mentions.mention(d.decidedBy()) + ". `/drumbeat decisions` lists it.");
        });
    }

    /** Undoes a standing decision: its picks are no longer deprioritised, and their owners hear so. */
    public Recorded undo(Actor actor, long decisionId) {
        requireDecider(actor, "undo a decision");
        return jdbi.inTransaction(handle -> {
            DecisionDao dao = handle.attach(DecisionDao.class);
            DecisionDao.Decision decision = dao.lockDecision(actor.teamId(), decisionId)
                    .orElseThrow(() -> new UserError(
                            "There is no decision #" + decisionId + ". `/drumbeat decisions` lists them."));
            if (decision.isUndone()) {
                throw new UserError("Decision #" + decisionId + " was already undone by "
                        + Mentions.mention(decision.undoneBy().orElse("")) + ".");
            }
            Instant now = clock.instant();
            dao.markUndone(actor.teamId(), decisionId, actor.userId(), now);
            dao.restoreServices(actor.teamId(), decisionId, now);
            dao.restoreInitiatives(actor.teamId(), decisionId, now);
            Recorded undone = new Recorded(
                    dao.find(actor.teamId(), decisionId).orElseThrow(),
                    dao.findItems(actor.teamId(), List.of(decisionId)));
            audit.record(
                    handle,
                    new AuditEntry(
                            actor.teamId(),
                            actor.auditName(),
                            "decision",
                            String.valueOf(decisionId),
                            "undo",
                            Optional.empty(),
                            Optional.of(Map.of("undoneAt", now.toString()))));
            notices.undone(handle, undone);
            return undone;
        });
    }

    /** One page of decisions, newest first, each with its items; the pages count from 1. */
    public record Page(List<Recorded> decisions, int number, int total) {
        public int first() {
            return (number - 1) * LISTED + 1;
        }

        public boolean hasOlder() {
            return first() - 1 + decisions.size() < total;
        }
    }

    /** Page {@code number} of the decisions, newest first; a page past the last is empty. */
    public Page page(String teamId, int number) {
        return jdbi.withExtension(DecisionDao.class, dao -> {
            int total = dao.countDecisions(teamId);
            List<DecisionDao.Decision> decisions = dao.findPage(teamId, LISTED, (number - 1) * LISTED);
            if (decisions.isEmpty()) {
                return new Page(List.of(), number, total);
            }
            List<DecisionDao.Item> items = dao.findItems(
                    teamId, decisions.stream().map(DecisionDao.Decision::id).toList());
            return new Page(
                    decisions.stream()
                            .map(d -> new Recorded(
                                    d,
                                    items.stream()
                                            .filter(i -> i.decisionId() == d.id())
                                            .toList()))
                            .toList(),
                    number,
                    total);
        });
    }

    /** Whether the actor may record and undo decisions: leadership and admins. */
    public static boolean mayDecide(Actor actor) {
        return actor.role() == Role.LEADERSHIP || actor.role() == Role.ADMIN;
    }

    private static void requireDecider(Actor actor, String what) {
        if (!mayDecide(actor)) {
            throw new UserError("Only leadership and admins can " + what + ". You are a "
                    + actor.role().label() + "; an admin can change that.");
        }
    }
}
