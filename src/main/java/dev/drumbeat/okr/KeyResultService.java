package dev.drumbeat.okr;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Periods;
import dev.drumbeat.core.Role;
import dev.drumbeat.core.UserError;
import dev.drumbeat.people.PeopleDao;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Key results: adding them to an objective, pointing a measured one at the KPI that measures it, an owner's weekly
 * confidence, and a milestone done with its evidence. Each change is audited. Thread-safe.
 */
public final class KeyResultService {
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final OkrService okrs;
    private final Periods periods;
    private final Clock clock;

    public KeyResultService(Jdbi jdbi, AuditLog audit, OkrService okrs, Periods periods, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.okrs = okrs;
        this.periods = periods;
        this.clock = clock;
    }

    /** Adds a key result to an objective (its owner, leadership or an admin); a measured one must name a real KPI. */
    long addKeyResult(Actor actor, long objectiveId, KeyResultDraft draft) {
        return jdbi.inTransaction(handle -> {
            OkrDao dao = handle.attach(OkrDao.class);
            OkrDao.ObjectiveRow objective = dao.lockObjective(actor.teamId(), objectiveId)
                    .orElseThrow(() ->
                            new UserError("There is no objective O" + objectiveId + ". `/drumbeat okr` lists them."));
            OkrService.requireMayChange(actor, objective);
            OkrService.requireOpen(objective);
            Optional<Long> kpi = draft.serviceKey().isEmpty()
                    ? Optional.empty()
                    : Optional.of(kpiId(
                            dao,
                            actor.teamId(),
                            draft.serviceKey().get(),
                            draft.kpiKey().orElse("")));
            BigDecimal baseline =
                    draft.baseline().or(() -> kpi.flatMap(dao::findLatestValue)).orElse(null);
            long id = dao.insertKeyResult(
                    actor.teamId(),
                    objectiveId,
                    draft.title(),
                    draft.kind(),
                    draft.ownerId().orElse(objective.ownerId().orElse(null)),
                    kpi.orElse(null),
                    baseline,
                    draft.target().orElse(null),
                    clock.instant());
            audit.record(
                    handle,
                    AuditEntry.change(
                            actor.teamId(), actor.auditName(), "key_result", String.valueOf(id), null, draft));
            return id;
        });
    }

    /**
     * Records what a key result's owner says of it for the check-in period under way in their zone (a second word the same period
     * replaces the first). Only its owner, or leadership and admins speaking for it, may.
     */
    String recordConfidence(Actor actor, long keyResultId, Confidence confidence) {
        OkrService.ObjectiveView objective = okrs.objectiveOf(actor.teamId(), keyResultId);
        OkrService.KeyResultView result = objective.keyResults().stream()
                .filter(kr -> kr.row().id() == keyResultId)
                .findFirst()
                .orElseThrow();
        boolean owner = result.row().ownerId().filter(actor.userId()::equals).isPresent();
        if (!owner && actor.role() != Role.LEADERSHIP && actor.role() != Role.ADMIN) {
            throw new UserError("Only the owner of KR" + keyResultId + " says how confident they are in it.");
        }
        jdbi.useTransaction(handle -> {
            String tz = handle.attach(PeopleDao.class)
                    .findTz(actor.teamId(), actor.userId())
                    .orElse("UTC");
            handle.attach(OkrDao.class)
                    .recordConfidence(
                            keyResultId,
                            periods.periodOf(clock.instant(), Periods.zone(tz)),
                            confidence.value(),
                            actor.userId(),
                            clock.instant());
            audit.record(
                    handle,
                    AuditEntry.change(
                            actor.teamId(),
                            actor.auditName(),
                            "key_result",
                            String.valueOf(keyResultId),
                            null,
                            Map.of("confidence", confidence.value())));
        });
        return result.row().title();
    }

    /** Marks a milestone done, with the evidence that it is (its owner, the objective's owner, leadership or admins). */
    String markDone(Actor actor, long keyResultId, String evidence) {
        OkrService.ObjectiveView objective = okrs.objectiveOf(actor.teamId(), keyResultId);
        OkrService.KeyResultView result = objective.keyResults().stream()
                .filter(kr -> kr.row().id() == keyResultId)
                .findFirst()
                .orElseThrow();
        if (result.row().ownerId().filter(actor.userId()::equals).isEmpty()) {
            OkrService.requireMayChange(actor, objective.objective());
        }
        if (!"milestone".equals(result.row().kind())) {
            throw new UserError(
                    "KR" + keyResultId + " is measured by its KPI, so it is done when the KPI reaches target.");
        }
        if (evidence.isBlank() || evidence.length() > 500) {
            throw new UserError("Say what shows it is done, in up to 500 characters: `/drumbeat okr done KR"
                    + keyResultId + " old gateway switched off on 3 Dec`.");
        }
        jdbi.useTransaction(handle -> {
            handle.attach(OkrDao.class).markDone(actor.teamId(), keyResultId, evidence.strip());
            audit.record(
                    handle,
                    AuditEntry.change(
                            actor.teamId(),
                            actor.auditName(),
                            "key_result",
                            String.valueOf(keyResultId),
                            null,
                            Map.of("done", true, "evidence", evidence.strip())));
        });
        return result.row().title();
    }

    private static long kpiId(OkrDao dao, String teamId, String serviceKey, String kpiKey) {
        return dao.findKpi(teamId, serviceKey, kpiKey)
                .orElseThrow(() -> new UserError("No KPI “" + SlackBlocks.escape(kpiKey) + "” on “"
                        + SlackBlocks.escape(serviceKey) + "”. `/drumbeat status " + SlackBlocks.escape(serviceKey)
                        + "` lists its KPIs by name."));
    }

    /** Links a key result to a service's KPI; its baseline, if unset, becomes the KPI's latest value. */
    String link(Actor actor, long keyResultId, String serviceKey, String kpiKey) {
        return jdbi.inTransaction(handle -> {
            OkrDao dao = handle.attach(OkrDao.class);
            OkrService.ObjectiveView objective = okrs.objectiveOf(actor.teamId(), keyResultId);
            boolean ownsResult = objective.keyResults().stream()
                    .anyMatch(kr -> kr.row().id() == keyResultId
                            && kr.row().ownerId().filter(actor.userId()::equals).isPresent());
            if (!ownsResult) {
                OkrService.requireMayChange(actor, objective.objective());
            }
            boolean milestone = objective.keyResults().stream()
                    .anyMatch(kr -> kr.row().id() == keyResultId
                            && "milestone".equals(kr.row().kind()));
            if (milestone) {
                throw new UserError("KR" + keyResultId + " is a milestone: it is done or not, so no KPI measures it.");
            }
            long kpiId = kpiId(dao, actor.teamId(), serviceKey, kpiKey);
            dao.link(
                    actor.teamId(),
                    keyResultId,
                    kpiId,
                    dao.findLatestValue(kpiId).orElse(null));
            audit.record(
                    handle,
                    AuditEntry.change(
                            actor.teamId(),
                            actor.auditName(),
                            "key_result",
                            String.valueOf(keyResultId),
                            null,
                            Map.of("kpi", serviceKey + "/" + kpiKey)));
            return objective.objective().title();
        });
    }
}
