package dev.drumbeat.costs;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.UserError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Changing a workspace's allocation rules in steps an admin can take back: rules written in Slack are checked and kept
 * as a draft until they are applied or discarded, and every change keeps the rules it replaced as a draft of their
 * own, so Undo is applying that one. Each draft is applied or discarded once. Only admins change rules. Thread-safe.
 */
final class CostRuleDrafts {
    static final String NOT_ADMIN =
            "Only a Drumbeat admin can see and change how the bills are allocated to services. Ask an admin.";
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    CostRuleDrafts(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** A change made: how many rules there were and are, and the draft holding the ones replaced. */
    record Changed(int before, int after, long undoDraft) {}

    /** A draft of the rules, checked first (a bad line throws, naming it); the rules it holds and its id. */
    record Draft(long id, List<CostRule> rules) {}

    Draft draft(Actor actor, String csv) {
        requireAdmin(actor);
        List<CostRule> rules = new CostRules(jdbi, audit).check(actor.teamId(), bytes(csv));
        long id = jdbi.withExtension(
                CostRuleDraftsDao.class, dao -> dao.insert(actor.teamId(), csv, actor.auditName(), clock.instant()));
        return new Draft(id, rules);
    }

    /** Puts the draft's rules in force in place of the workspace's. */
    Changed apply(Actor actor, long draftId) {
        requireAdmin(actor);
        return jdbi.inTransaction(handle -> {
            String csv = handle.attach(CostRuleDraftsDao.class)
                    .settle(actor.teamId(), draftId, "applied")
                    .orElseThrow(() -> settled(handle, actor, draftId));
            return replace(handle, actor, bytes(csv));
        });
    }

    /** Puts the CSV's rules in force at once, as a script over HTTP does. */
    Changed replace(Actor actor, byte[] csv) {
        requireAdmin(actor);
        return jdbi.inTransaction(handle -> replace(handle, actor, csv));
    }

    void discard(Actor actor, long draftId) {
        requireAdmin(actor);
        jdbi.useTransaction(handle -> handle.attach(CostRuleDraftsDao.class)
                .settle(actor.teamId(), draftId, "discarded")
                .orElseThrow(() -> settled(handle, actor, draftId)));
    }

    private Changed replace(Handle handle, Actor actor, byte[] csv) {
        String before = CostRules.csv(handle, actor.teamId());
        int counted = CostRules.of(handle, actor.teamId()).size();
        long undo = handle.attach(CostRuleDraftsDao.class)
                .insert(actor.teamId(), before, actor.auditName(), clock.instant());
        int after = CostRules.replace(handle, audit, actor.teamId(), actor.auditName(), csv);
        // with the rules, so the months already imported are allocated by them even if Drumbeat stops before it
        handle.attach(CostReallocationsDueDao.class).mark(actor.teamId(), actor.userId(), clock.instant());
        return new Changed(counted, after, undo);
    }

    /** Why a draft can't be applied or discarded: it already was, or it is not this workspace's. */
    private static UserError settled(Handle handle, Actor actor, long draftId) {
        return handle.attach(CostRuleDraftsDao.class)
                .state(actor.teamId(), draftId)
                .map(state -> new UserError("Those rules were " + state + " already; nothing was changed."
                        + " `/drumbeat costs rules` shows the rules in force."))
                .orElseGet(() -> new UserError(
                        "Drumbeat no longer has those rules; write them again with" + " `/drumbeat costs rules`."));
    }

    static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new UserError(NOT_ADMIN);
        }
    }

    private static byte[] bytes(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }
}
