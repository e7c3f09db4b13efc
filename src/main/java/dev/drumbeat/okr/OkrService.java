package dev.drumbeat.okr;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Role;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Objectives: adding them, and reading a quarter with each key result's progress, risk and vanity worked out by
 * {@link OkrRules} ({@link KeyResultService} changes key results). Quarters are calendar quarters in
 * UTC. Anyone may set an objective they own; its owner, leadership and admins add its key results. Thread-safe.
 */
public final class OkrService {
    /** How long an owner's word on a key result counts: this week's and last week's, not an old one. */
    static final int CONFIDENCE_WEEKS = 2;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final OkrRules rules;
    private final Clock clock;

    public OkrService(Jdbi jdbi, AuditLog audit, OkrRules rules, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
    }

    /** A key result as it stands: progress (empty before its KPI has a reading), at risk, vanity. */
    record KeyResultView(OkrDao.KeyResultRow row, Optional<BigDecimal> progress, boolean atRisk, boolean vanity) {
        Optional<Confidence> confidence() {
            return row.confidence().flatMap(Confidence::parse);
        }
    }

    record ObjectiveView(OkrDao.ObjectiveRow objective, List<KeyResultView> keyResults) {}

    Quarter currentQuarter() {
        return Quarter.of(today());
    }

    /** The quarter's open objectives, oldest first, each with its key results as they stand today. */
    List<ObjectiveView> quarter(String teamId, Quarter quarter) {
        List<OkrDao.ObjectiveRow> objectives =
                jdbi.withExtension(OkrDao.class, dao -> dao.findObjectives(teamId, quarter.toString()));
        return views(teamId, objectives, quarter);
    }

    Optional<ObjectiveView> objective(String teamId, long id) {
        return jdbi.withExtension(OkrDao.class, dao -> dao.findObjective(teamId, id))
                .map(o -> views(teamId, List.of(o), Quarter.parse(o.quarter())).get(0));
    }

    /** Sets an objective the actor owns for this quarter, or for the quarter {@code title} starts with ("2027-Q1 …"). */
    OkrDao.ObjectiveRow addObjective(Actor actor, String title) {
        String[] words = title.strip().split("\\s+", 2);
        boolean quarterGiven = words[0].matches("(?i)\\d{4}-?Q[1-4]");
        Quarter quarter = quarterGiven ? Quarter.parse(words[0]) : currentQuarter();
        String clean = quarterGiven ? (words.length > 1 ? words[1].strip() : "") : title.strip();
        if (quarter.compareTo(currentQuarter()) < 0) {
            throw new UserError(quarter + " is over; set objectives for this quarter or a later one.");
        }
        if (clean.isEmpty() || clean.length() > 200) {
            throw new UserError(
                    "An objective is 1 to 200 characters: `/drumbeat okr add Make payments boringly reliable`"
                            + " (or `okr add 2027-Q1 …` for a later quarter).");
        }
        return jdbi.inTransaction(handle -> {
            OkrDao dao = handle.attach(OkrDao.class);
            long id = dao.insertObjective(actor.teamId(), quarter.toString(), clean, actor.userId(), clock.instant());
            OkrDao.ObjectiveRow row = dao.findObjective(actor.teamId(), id).orElseThrow();
            audit.record(
                    handle,
                    AuditEntry.change(actor.teamId(), actor.auditName(), "objective", String.valueOf(id), null, row));
            return row;
        });
    }

    /** The objective a key result belongs to, as it stands; refuses a key result there is not. */
    ObjectiveView objectiveOf(String teamId, long keyResultId) {
        long objectiveId = jdbi.withExtension(OkrDao.class, dao -> dao.findObjectiveIdOf(teamId, keyResultId))
                .orElseThrow(() ->
                        new UserError("There is no key result KR" + keyResultId + ". `/drumbeat okr` lists them."));
        return objective(teamId, objectiveId).orElseThrow();
    }

    /** Refuses changes to an objective that was closed or rolled over into a later quarter. */
    static void requireOpen(OkrDao.ObjectiveRow objective) {
        if (!"open".equals(objective.status())) {
            throw new UserError("O" + objective.id() + " *" + SlackBlocks.escape(objective.title()) + "* is "
                    + objective.status().replace('_', ' ') + "; add key results to an open objective.");
        }
    }

    static void requireMayChange(Actor actor, OkrDao.ObjectiveRow objective) {
        boolean owner = objective.ownerId().filter(actor.userId()::equals).isPresent();
        if (!owner && actor.role() != Role.LEADERSHIP && actor.role() != Role.ADMIN) {
            throw new UserError("Only the objective's owner, leadership or an admin can change *"
                    + SlackBlocks.escape(objective.title()) + "*.");
        }
    }

    /** The objectives with their key results as they stand today, measured against {@code quarter}. */
    List<ObjectiveView> views(String teamId, List<OkrDao.ObjectiveRow> objectives, Quarter quarter) {
        if (objectives.isEmpty()) {
            return List.of();
        }
        List<OkrDao.KeyResultRow> results = jdbi.withExtension(
                OkrDao.class,
                dao -> dao.findKeyResults(
                        teamId,
                        objectives.stream().map(OkrDao.ObjectiveRow::id).toList(),
                        rules.periods() + 1,
                        today().minusWeeks(CONFIDENCE_WEEKS)));
        LocalDate today = today();
        return objectives.stream()
                .map(o -> new ObjectiveView(
                        o,
                        results.stream()
                                .filter(r -> r.objectiveId() == o.id())
                                .map(r -> view(r, quarter.elapsedShare(r.createdOn(), today)))
                                .toList()))
                .toList();
    }

    private KeyResultView view(OkrDao.KeyResultRow row, BigDecimal elapsed) {
        Optional<BigDecimal> progress = "milestone".equals(row.kind())
                ? Optional.of(Progress.milestone(row.done()))
                : row.target()
                        .flatMap(target -> row.baseline()
                                .flatMap(baseline -> Progress.measured(
                                        baseline, target, row.direction().orElse("up"), row.current())));
        Optional<Confidence> confidence = row.confidence().flatMap(Confidence::parse);
        List<OkrRules.KpiSeries> kpis = row.kpiId().isPresent() && row.target().isPresent()
                ? List.of(new OkrRules.KpiSeries(
                        row.kpiName().orElse(""),
                        row.target().get(),
                        row.direction().orElse("up"),
                        row.recent()))
                : List.of();
        return new KeyResultView(
                row, progress, rules.isAtRisk(progress, confidence, elapsed), rules.isVanity(confidence, kpis));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
