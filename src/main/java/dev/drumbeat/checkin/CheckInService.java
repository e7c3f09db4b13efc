package dev.drumbeat.checkin;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.catalog.Service;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Periods;
import dev.drumbeat.core.UserError;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.people.Person;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The check-in rules: who may answer for a service (its owner, its deputy, whoever a prompt asked to
 * cover it, or an admin), and a check-in with its KPI readings, its audit entry and the refresh of the
 * prompt DMs listing it, all in one transaction. Thread-safe; holds no state beyond its collaborators.
 */
public final class CheckInService {
    /** The {@code kpi_readings.source} of values typed into the check-in modal and of `/drumbeat kpi`. */
    public static final String FROM_CHECKIN = "checkin";

    public static final String FROM_SLACK = "slack";
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PromptUpdates prompts;
    private final PeopleService people;
    private final Periods periods;
    private final Clock clock;

    public CheckInService(
            Jdbi jdbi, AuditLog audit, PromptUpdates prompts, PeopleService people, Periods periods, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.prompts = prompts;
        this.people = people;
        this.periods = periods;
        this.clock = clock;
    }

    /** The period under way for this person, in their own time zone. */
    public LocalDate currentPeriod(String teamId, String userId) {
        String tz = people.find(teamId, userId).map(Person::tz).orElse("UTC");
        return periods.periodOf(clock.instant(), Periods.zone(tz));
    }

    /** The week under way for a person, and the services they answer for that have no check-in for it yet. */
    public record Pending(LocalDate period, List<Service> services) {
        public Pending {
            services = List.copyOf(services);
        }
    }

    public Pending pending(String teamId, String userId) {
        LocalDate period = currentPeriod(teamId, userId);
        return new Pending(period, jdbi.withExtension(CheckInDao.class, dao -> dao.pendingFor(teamId, userId, period)));
    }

    /** Services the person answers for in the period: owned, deputised, or covered because a prompt asked them. */
    public List<Service> answeredBy(String teamId, String userId, LocalDate period) {
        return jdbi.withExtension(CheckInDao.class, dao -> dao.answeredBy(teamId, userId, period));
    }

    public List<Kpi> kpisOf(String teamId, String serviceKey) {
        return jdbi.withExtension(
                CheckInDao.class,
                dao -> dao.findService(teamId, serviceKey)
                        .map(service -> dao.kpiDefinitions(service.id()))
                        .orElse(List.of()));
    }

    /** What the check-in modal shows; refuses, with a sentence, someone who may not check in for the service. */
    public CheckInSubject open(Actor actor, CheckInRef ref) {
        return jdbi.withExtension(CheckInDao.class, dao -> {
            Service service = dao.findService(actor.teamId(), ref.serviceKey()).orElseThrow(() -> noSuchService(ref));
            requireMayCheckIn(dao, actor, service, ref.periodStart());
            return subject(dao, service, ref);
        });
    }

    /** The same without the permission check, for reading a submission; {@link #record} checks again. */
    public Optional<CheckInSubject> subject(String teamId, CheckInRef ref) {
        return jdbi.withExtension(
                CheckInDao.class,
                dao -> dao.findService(teamId, ref.serviceKey()).map(service -> subject(dao, service, ref)));
    }

    /**
     * Records the check-in and its readings, or edits the one already recorded for the period. A submission
     * that repeats what is stored (Slack retrying, a double click) changes nothing and is not audited again.
     */
    public CheckInOutcome record(Actor actor, CheckInRef ref, CheckInDraft draft) {
        return record(actor, ref, draft, List.of());
    }

    /** As above, auditing each measured value the draft overrides with the measured value, the typed one and why. */
    CheckInOutcome record(Actor actor, CheckInRef ref, CheckInDraft draft, List<MeasuredOverride> overrides) {
        return jdbi.inTransaction(handle -> {
            CheckInDao dao = handle.attach(CheckInDao.class);
            Service service = dao.lockService(actor.teamId(), ref.serviceKey()).orElseThrow(() -> noSuchService(ref));
            LocalDate period = ref.periodStart();
            requireMayCheckIn(dao, actor, service, period);
            Optional<CheckIn> before = dao.find(service.id(), period);
            Map<String, BigDecimal> readingsBefore = dao.readings(service.id(), period, FROM_CHECKIN);
            if (before.isPresent() && draft.sameAs(before.get(), readingsBefore)) {
                return new CheckInOutcome(service, before.get(), false);
            }
            write(dao, actor, service, period, draft);
            CheckInDraft previous = before.map(b -> new CheckInDraft(b.status(), b.hurdle(), b.note(), readingsBefore))
                    .orElse(null);
            audit.record(
                    handle,
                    AuditEntry.change(
                            actor.teamId(),
                            actor.auditName(),
                            "checkin",
                            service.key() + "@" + period,
                            previous,
                            draft));
            for (MeasuredOverride override : overrides) {
                audit.record(
                        handle,
                        AuditEntry.change(
                                actor.teamId(),
                                actor.auditName(),
                                "kpi_reading",
                                service.key() + "/" + override.kpiKey() + "@" + period,
                                override.before(),
                                override.after()));
            }
            refreshPrompts(handle, dao, service, period);
            return new CheckInOutcome(service, dao.find(service.id(), period).orElseThrow(), true);
        });
    }

    /** Records one reading from `/drumbeat kpi`, replacing an earlier one from Slack for the same period. */
    public KpiRecorded recordReading(
            Actor actor, String serviceKey, String kpiKey, BigDecimal value, LocalDate period) {
        return jdbi.inTransaction(handle -> {
            CheckInDao dao = handle.attach(CheckInDao.class);
            CheckInRef ref = CheckInRef.of(serviceKey, period);
            Service service = dao.lockService(actor.teamId(), serviceKey).orElseThrow(() -> noSuchService(ref));
            requireMayCheckIn(dao, actor, service, period);
            Kpi kpi = dao.kpiDefinitions(service.id()).stream()
                    .filter(k -> k.key().equals(kpiKey))
                    .findFirst()
                    .orElseThrow(() -> new UserError(SlackBlocks.escape(service.name())
                            + " no longer has that KPI. `/drumbeat status " + service.key() + "` lists its KPIs."));
            Optional<BigDecimal> replaced =
                    dao.reading(kpi.id(), period, FROM_SLACK).map(BigDecimal::stripTrailingZeros);
            dao.upsertReading(actor.teamId(), kpi.id(), period, value, FROM_SLACK, actor.userId(), clock.instant());
            audit.record(
                    handle,
                    AuditEntry.change(
                            actor.teamId(),
                            actor.auditName(),
                            "kpi_reading",
                            service.key() + "/" + kpi.key() + "@" + period,
                            replaced.map(v -> Map.of("value", v)).orElse(null),
                            Map.of("value", value, "source", FROM_SLACK)));
            return new KpiRecorded(service.name(), kpi, value, period, replaced);
        });
    }

    private void write(CheckInDao dao, Actor actor, Service service, LocalDate period, CheckInDraft draft) {
        Instant now = clock.instant();
        dao.upsert(
                actor.teamId(),
                service.id(),
                period,
                draft.status().label(),
                draft.hurdle(),
                draft.note(),
                actor.userId(),
                now);
        Map<String, Long> ids = dao.kpiDefinitions(service.id()).stream().collect(Collectors.toMap(Kpi::key, Kpi::id));
        draft.readings()
                .forEach((key, value) -> Optional.ofNullable(ids.get(key))
                        .ifPresent(id -> dao.upsertReading(
                                actor.teamId(), id, period, value, FROM_CHECKIN, actor.userId(), now)));
    }

    private void refreshPrompts(Handle handle, CheckInDao dao, Service service, LocalDate period) {
        for (long promptId : dao.promptsListing(service.teamId(), service.id(), period)) {
            prompts.refresh(handle, promptId);
        }
    }

    private static CheckInSubject subject(CheckInDao dao, Service service, CheckInRef ref) {
        return new CheckInSubject(
                ref, service, dao.kpisOf(service.id(), ref.periodStart()), dao.find(service.id(), ref.periodStart()));
    }

    private static void requireMayCheckIn(CheckInDao dao, Actor actor, Service service, LocalDate period) {
        boolean allowed = actor.isAdmin()
                || service.isOwnedBy(actor.userId())
                || service.deputyId().filter(actor.userId()::equals).isPresent()
                || dao.isPrompted(service.id(), actor.userId(), period);
        if (!allowed) {
            String owner = service.ownerId().map(Mentions::mention).orElse("nobody yet");
            throw new UserError("Only the owner of " + SlackBlocks.escape(service.name()) + " (" + owner
                    + "), its deputy or a Drumbeat admin can check in for it.");
        }
    }

    private static UserError noSuchService(CheckInRef ref) {
        return new UserError("The service `" + SlackBlocks.escape(ref.serviceKey()) + "` is no longer in the catalog."
                + " `/drumbeat services` lists the ones there are.");
    }
}
