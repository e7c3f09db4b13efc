package dev.drumbeat.escalation;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.UserError;
import dev.drumbeat.escalation.rules.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * How a person changes one escalation: lock it (so a sweep or another click waits), refuse if it is gone or
 * closed, make the change with its audit entry, and re-render its messages, all in one transaction.
 * Shared by the buttons' services. Thread-safe.
 */
final class EscalationServiceChanges {
    private final EscalationService escalations;
    private final AuditLog audit;

    EscalationServiceChanges(EscalationService escalations, AuditLog audit) {
        this.escalations = escalations;
        this.audit = audit;
    }

    /** One change to an open escalation, given it locked and the item it is about. */
    interface Work<T> {
        T apply(Handle handle, EscalationDao.Row row, EscalationDao.Item item);
    }

    /** An escalation and the item it is about, as the modals show them. */
    record Escalated(EscalationDao.Row row, EscalationDao.Item item) {
        String headline() {
            return EscalationViews.headline(row, item);
        }

        boolean isService() {
            return row.subject().kind().equals("service") && item.active();
        }
    }

    <T> T change(Actor actor, long id, Work<T> work) {
        return escalations.jdbi().inTransaction(handle -> {
            EscalationDao.Row row = openRow(handle, actor.teamId(), id, true);
            T result = work.apply(handle, row, item(handle, row));
            EscalationDao dao = handle.attach(EscalationDao.class);
            escalations.messages().refresh(handle, actor.teamId(), dao.findAll(new long[] {id}), escalations.now());
            return result;
        });
    }

    /** The id of a service's open escalation for the reason, without locking it. */
    Optional<Long> openFor(String teamId, long serviceId, Reason reason) {
        return escalations
                .jdbi()
                .withExtension(EscalationDao.class, dao -> dao.openFor(teamId, serviceId, reason.code()));
    }

    /** The escalation, open or not, without locking it. */
    Optional<Escalated> find(String teamId, long id) {
        return escalations
                .jdbi()
                .withHandle(handle -> handle.attach(EscalationDao.class)
                        .find(teamId, id)
                        .map(row -> new Escalated(row, item(handle, row))));
    }

    /** The open escalation without locking it, for a check before a modal opens. */
    Escalated findOpen(String teamId, long id) {
        return escalations.jdbi().withHandle(handle -> {
            EscalationDao.Row row = openRow(handle, teamId, id, false);
            return new Escalated(row, item(handle, row));
        });
    }

    void close(Handle handle, Actor actor, EscalationDao.Row row, String reason) {
        handle.attach(EscalationDao.class).close(new long[] {row.id()}, new String[] {reason}, escalations.now());
        record(handle, actor, "escalation", Long.toString(row.id()), "close", null, Map.of("close_reason", reason));
    }

    void record(Handle handle, Actor actor, String entity, String key, String action, Object before, Object after) {
        audit.record(
                handle,
                new AuditEntry(
                        actor.teamId(),
                        actor.auditName(),
                        entity,
                        key,
                        action,
                        Optional.ofNullable(before),
                        Optional.of(after)));
    }

    static EscalationDao.Item item(Handle handle, EscalationDao.Row row) {
        return EscalationMessages.items(handle.attach(EscalationDao.class), row.teamId(), List.of(row))
                .getOrDefault(row.subject(), EscalationMessages.removed(row.subject()));
    }

    private static EscalationDao.Row openRow(Handle handle, String teamId, long id, boolean lock) {
        EscalationDao dao = handle.attach(EscalationDao.class);
        EscalationDao.Row row = (lock ? dao.lock(teamId, id) : dao.find(teamId, id))
                .orElseThrow(
                        () -> new UserError(
                                "Drumbeat has no record of this escalation any more. `/drumbeat escalations` lists the open ones."));
        if (!row.isOpen()) {
            throw new UserError("This escalation is already resolved ("
                    + row.closeReason().orElse("its condition cleared") + "), so there is nothing left to do.");
        }
        return row;
    }
}
