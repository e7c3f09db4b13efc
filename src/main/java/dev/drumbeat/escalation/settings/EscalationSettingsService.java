package dev.drumbeat.escalation.settings;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.UserError;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A workspace's escalation settings: anyone may read them, admins change one at a time. A change locks the row
 * (created with the defaults on the first change), is checked against the current values, and is stored with its
 * audit entry in one transaction; a refused value leaves nothing behind. Thread-safe.
 */
public final class EscalationSettingsService {
    static final String AUDIT_ENTITY = "settings";
    private final Jdbi jdbi;
    private final AuditLog audit;

    public EscalationSettingsService(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** One change: the settings before and after; equal when the value was already set. */
    record Change(EscalationSettingsField field, EscalationSettings before, EscalationSettings after) {
        boolean changed() {
            return !before.equals(after);
        }
    }

    /** What applies to the workspace now: its row, or the defaults. */
    EscalationSettings current(String teamId) {
        return jdbi.withExtension(EscalationSettingsDao.class, dao -> dao.find(teamId))
                .orElse(EscalationSettings.defaults());
    }

    Change change(Actor actor, EscalationSettingsField field, String value) {
        if (!actor.isAdmin()) {
            throw new UserError("Only a Drumbeat admin can change escalation settings. `/drumbeat settings` shows them;"
                    + " ask an admin if one should change.");
        }
        return jdbi.inTransaction(handle -> {
            EscalationSettingsDao dao = handle.attach(EscalationSettingsDao.class);
            dao.ensure(actor.teamId());
            EscalationSettings before = dao.lock(actor.teamId());
            Change change = new Change(field, before, field.apply(before, value));
            if (change.changed()) {
                dao.save(actor.teamId(), change.after());
                audit.record(
                        handle,
                        new AuditEntry(
                                actor.teamId(),
                                actor.auditName(),
                                AUDIT_ENTITY,
                                field.word(),
                                "update",
                                Optional.of(before),
                                Optional.of(change.after())));
            }
            return change;
        });
    }
}
