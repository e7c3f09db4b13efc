package dev.drumbeat.okr;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The turn of the quarter: each owner of an objective still open from an earlier quarter is asked, once, by direct
 * message, whether to roll it over into the quarter under way (with its key results, measured afresh from today)
 * or close it. Asking again changes nothing: each question has its own outbox key. Thread-safe.
 */
public final class OkrRollover {
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public OkrRollover(Jdbi jdbi, Outbox outbox, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Asks about every open objective of an earlier quarter that has an owner; returns how many were asked now. */
    public int askOwners() {
        String quarter = Quarter.of(today()).toString();
        return jdbi.inTransaction(handle -> {
            List<OkrDao.Due> due = handle.attach(OkrDao.class).findDueForRollover(quarter);
            int asked = 0;
            for (OkrDao.Due o : due) {
                if (outbox.enqueue(
                        handle,
                        OutboxMessage.post(
                                o.teamId(), questionKey(o.id()), o.ownerId(), OkrRolloverViews.question(o, quarter)))) {
                    asked++;
                }
            }
            return asked;
        });
    }

    /** Rolls an open objective into the quarter under way, key results and all, and closes the old one. */
    OkrDao.ObjectiveRow rollOver(Actor actor, long objectiveId) {
        String quarter = Quarter.of(today()).toString();
        return jdbi.inTransaction(handle -> {
            OkrDao dao = handle.attach(OkrDao.class);
            OkrDao.ObjectiveRow old = openForChange(actor, dao, objectiveId);
            long id = dao.insertObjective(
                    actor.teamId(), quarter, old.title(), old.ownerId().orElse(null), clock.instant());
            dao.markRolledFrom(id, objectiveId);
            dao.copyKeyResults(objectiveId, id, clock.instant());
            dao.markRolledOver(objectiveId);
            audit.record(
                    handle,
                    AuditEntry.change(
                            actor.teamId(),
                            actor.auditName(),
                            "objective",
                            String.valueOf(objectiveId),
                            old,
                            Map.of("status", "rolled_over", "into", id)));
            answerQuestion(handle, actor, old, "rolled over into " + quarter + " as O" + id);
            return dao.findObjective(actor.teamId(), id).orElseThrow();
        });
    }

    /** Closes an open objective of an earlier quarter. */
    void close(Actor actor, long objectiveId) {
        jdbi.useTransaction(handle -> {
            OkrDao dao = handle.attach(OkrDao.class);
            OkrDao.ObjectiveRow old = openForChange(actor, dao, objectiveId);
            dao.markClosed(objectiveId);
            audit.record(
                    handle,
                    AuditEntry.change(
                            actor.teamId(),
                            actor.auditName(),
                            "objective",
                            String.valueOf(objectiveId),
                            old,
                            Map.of("status", "closed")));
            answerQuestion(handle, actor, old, "closed");
        });
    }

    /** The DM that asked about the objective loses its buttons and says what became of it, once it is answered. */
    private void answerQuestion(Handle handle, Actor actor, OkrDao.ObjectiveRow objective, String outcome) {
        String question = questionKey(objective.id());
        if (objective.ownerId().isEmpty() || !outbox.has(handle, question)) {
            return;
        }
        outbox.enqueue(
                handle,
                OutboxMessage.update(
                        actor.teamId(),
                        question + ":answered",
                        objective.ownerId().get(),
                        question,
                        OkrRolloverViews.answered(objective, outcome, actor.userId())));
    }

    private static String questionKey(long objectiveId) {
        return "okr:rollover:" + objectiveId;
    }

    private static OkrDao.ObjectiveRow openForChange(Actor actor, OkrDao dao, long objectiveId) {
        OkrDao.ObjectiveRow objective = dao.lockObjective(actor.teamId(), objectiveId)
                .orElseThrow(() -> new UserError("There is no objective O" + objectiveId + "."));
        OkrService.requireMayChange(actor, objective);
        if (!objective.status().equals("open")) {
            throw new UserError("O" + objectiveId + " *" + SlackBlocks.escape(objective.title()) + "* is already "
                    + objective.status().replace('_', ' ') + ".");
        }
        return objective;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
