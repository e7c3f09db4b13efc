package dev.drumbeat.catalog.initiative;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.ServiceMatcher;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.SlackBlocks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Initiatives as leadership plans them: admins add them, an initiative's owner or an admin changes them, each change
 * audited with the services it relies on. Thread-safe.
 */
public final class InitiativeService {
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public InitiativeService(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Initiative> list(String teamId) {
        return jdbi.withExtension(InitiativeDao.class, dao -> dao.list(teamId));
    }

    public Optional<Initiative> find(String teamId, String key) {
        return jdbi.withExtension(InitiativeDao.class, dao -> dao.find(teamId, key));
    }

    ServiceMatcher.Match resolve(String teamId, String typed) {
        return ServiceMatcher.match(typed, jdbi.withExtension(InitiativeDao.class, dao -> dao.candidates(teamId)));
    }

    /** Adds an initiative (admins only). */
    public Initiative create(Actor actor, Initiative draft) {
        if (!actor.isAdmin()) {
            throw new UserError("Only a Drumbeat admin can add initiatives. Ask an admin.");
        }
        return jdbi.inTransaction(handle -> {
            InitiativeDao dao = handle.attach(InitiativeDao.class);
            if (dao.lock(actor.teamId(), draft.key()).isPresent()) {
                throw new UserError(
                        "An initiative with the key `" + draft.key() + "` already exists. Pick another key.");
            }
            Instant now = clock.instant();
            long id = dao.insert(
                    actor.teamId(),
                    draft.key(),
                    draft.name(),
                    draft.ownerId().orElse(null),
                    draft.budget(),
                    draft.monthlySlipCost(),
                    draft.dueDate().orElse(null),
                    draft.status(),
                    draft.isProtected(),
                    now);
            return saved(handle, actor, id, null, draft);
        });
    }

    /** Changes an initiative (its owner or an admin). */
    public Initiative update(Actor actor, Initiative draft) {
        return jdbi.inTransaction(handle -> {
            InitiativeDao dao = handle.attach(InitiativeDao.class);
            Initiative before = dao.lock(actor.teamId(), draft.key())
                    .orElseThrow(() -> new UserError("There is no initiative `" + draft.key()
                            + "` any more. `/drumbeat initiatives` lists them."));
            requireEditable(actor, before);
            long id = dao.update(
                    actor.teamId(),
                    draft.key(),
                    draft.name(),
                    draft.ownerId().orElse(null),
                    draft.budget(),
                    draft.monthlySlipCost(),
                    draft.dueDate().orElse(null),
                    draft.status(),
                    draft.isProtected(),
                    clock.instant());
            dao.unlinkAll(actor.teamId(), id);
            return saved(handle, actor, id, before, draft);
        });
    }

    /** Throws unless the actor may change this initiative: an admin, or its owner. */
    static void requireEditable(Actor actor, Initiative initiative) {
        if (!actor.isAdmin() && !initiative.isOwnedBy(actor.userId())) {
            throw new UserError("Only the initiative's owner or a Drumbeat admin can change *"
                    + SlackBlocks.escape(initiative.name()) + "*.");
        }
    }

    private Initiative saved(Handle handle, Actor actor, long id, Initiative before, Initiative draft) {
        InitiativeDao dao = handle.attach(InitiativeDao.class);
        if (!draft.reliedOn().isEmpty()) {
            dao.link(actor.teamId(), id, draft.reliedOn());
        }
        Initiative after = dao.find(actor.teamId(), draft.key()).orElseThrow();
        audit.record(
                handle, AuditEntry.change(actor.teamId(), actor.auditName(), "initiative", draft.key(), before, after));
        return after;
    }
}
