package dev.drumbeat.checkin.readings;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Periods;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * KPI readings pushed by machines. One reading per KPI, period and source: posting the same reading again
 * changes nothing, a new value replaces the old one, and every change is audited, in one transaction.
 * Safe under concurrent posts of the same reading (the table's unique key decides). Thread-safe.
 */
public final class ReadingsService {
    static final int HISTORY = 12;
    /** How far back a reading may go without {@code "backfill": true}. */
    static final int WEEKS_WITHOUT_BACKFILL = 52;
    /** How far back even a backfill may go. */
    static final int BACKFILL_YEARS = 10;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Periods periods;
    private final Clock clock;

    public ReadingsService(Jdbi jdbi, AuditLog audit, Periods periods, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.periods = periods;
        this.clock = clock;
    }

    /** What happened to a posted reading. */
    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    record Stored(
            ReadingsDao.Target service, ReadingsDao.TargetKpi kpi, ReadingsDao.Reading reading, Outcome outcome) {}

    record History(ReadingsDao.Target service, ReadingsDao.TargetKpi kpi, List<ReadingsDao.Reading> readings) {}

    /** Stores a reading for the service's KPI; a {@link ReadingsRefusal} for an unknown KPI or a period it can't be for. */
    Stored record(Actor actor, Optional<Long> tokenId, String serviceKey, String kpiKey, ReadingsRequest request) {
        ReadingsDao.Target service = target(actor.teamId(), serviceKey, kpiKey);
        ReadingsDao.TargetKpi kpi = service.kpi().orElseThrow();
        LocalDate period = period(service, request.period(), request.backfill());
        Instant recordedAt = request.recordedAt().orElse(clock.instant());
        return jdbi.inTransaction(handle -> {
            ReadingsDao dao = handle.attach(ReadingsDao.class);
            Optional<ReadingsDao.Reading> created = dao.insertIfAbsent(
                    actor.teamId(),
                    kpi.id(),
                    period,
                    request.value(),
                    request.source(),
                    actor.userId(),
                    tokenId.orElse(null),
                    recordedAt);
            if (created.isPresent()) {
                audit.record(handle, entry(actor, service, kpi, "create", null, created.get()));
                return new Stored(service, kpi, created.get(), Outcome.CREATED);
            }
            ReadingsDao.Reading before =
                    dao.lock(kpi.id(), period, request.source()).orElseThrow();
            if (before.value().compareTo(request.value()) == 0) {
                return new Stored(service, kpi, before, Outcome.UNCHANGED);
            }
            ReadingsDao.Reading after =
                    dao.replace(before.id(), request.value(), actor.userId(), tokenId.orElse(null), recordedAt);
            audit.record(handle, entry(actor, service, kpi, "update", before, after));
            return new Stored(service, kpi, after, Outcome.UPDATED);
        });
    }

    /** The KPI's latest readings, newest period first. */
    History latest(Actor actor, String serviceKey, String kpiKey) {
        ReadingsDao.Target service = target(actor.teamId(), serviceKey, kpiKey);
        ReadingsDao.TargetKpi kpi = service.kpi().orElseThrow();
        return new History(service, kpi, jdbi.withExtension(ReadingsDao.class, dao -> dao.latest(kpi.id(), HISTORY)));
    }

    private ReadingsDao.Target target(String teamId, String serviceKey, String kpiKey) {
        return jdbi.withExtension(ReadingsDao.class, dao -> {
            ReadingsDao.Target found = dao.findTarget(teamId, serviceKey, kpiKey)
                    .orElseThrow(() -> new ReadingsRefusal(
                            ReadingsRefusal.NOT_FOUND,
                            "There is no service with the key “" + serviceKey + "”. Service keys are"
                                    + " lowercase with dashes, such as payments-api; /drumbeat services lists them."));
            if (found.kpi().isEmpty()) {
                throw new ReadingsRefusal(
                        ReadingsRefusal.NOT_FOUND, noSuchKpi(found, kpiKey, dao.kpiKeys(found.serviceId())));
            }
            return found;
        });
    }

    private static String noSuchKpi(ReadingsDao.Target service, String kpiKey, List<String> keys) {
        String known = keys.isEmpty()
                ? "It has no KPIs yet; an admin adds them to the catalog."
                : "Its KPI keys are: " + String.join(", ", keys) + ".";
        return "The service " + service.serviceKey() + " has no KPI with the key “" + kpiKey + "”. " + known;
    }

    /**
     * The period asked for, or the current one in the owner's time zone; a 422 unless it is a period start that has
     * begun and, without {@code backfill}, is no older than a year nor than the service. Even a backfill goes back at
     * most {@link #BACKFILL_YEARS} years.
     */
    private LocalDate period(ReadingsDao.Target service, Optional<LocalDate> requested, boolean backfill) {
        ZoneId zone = Periods.zone(service.ownerTz());
        LocalDate current = periods.periodOf(clock.instant(), zone);
        LocalDate period = requested.orElse(current);
        if (period.getDayOfWeek() != periods.day()) {
            LocalDate start = period.with(TemporalAdjusters.previousOrSame(periods.day()));
            throw new ReadingsRefusal(
                    ReadingsRefusal.UNPROCESSABLE,
                    period + " is a " + dayName(period) + ", but periods start on " + dayName(start)
                            + "s. Send the date its period starts: " + start + ".");
        }
        if (period.isAfter(current)) {
            throw new ReadingsRefusal(
                    ReadingsRefusal.UNPROCESSABLE,
                    "The period " + period + " hasn't started yet. The current" + " period of " + service.serviceKey()
                            + " started " + current + " (in its owner's time zone, " + zone.getId() + ").");
        }
        requireRecentEnough(service, period, current, zone, backfill);
        return period;
    }

    private void requireRecentEnough(
            ReadingsDao.Target service, LocalDate period, LocalDate current, ZoneId zone, boolean backfill) {
        LocalDate oldestBackfill = current.minusYears(BACKFILL_YEARS);
        if (period.isBefore(oldestBackfill)) {
            throw new ReadingsRefusal(
                    ReadingsRefusal.UNPROCESSABLE,
                    "The period " + period + " is more than " + BACKFILL_YEARS + " years back; readings go back to "
                            + oldestBackfill.with(TemporalAdjusters.nextOrSame(periods.day())) + " at the most.");
        }
        if (backfill) {
            return;
        }
        LocalDate yearBack = current.minusWeeks(WEEKS_WITHOUT_BACKFILL);
        if (period.isBefore(yearBack)) {
            throw new ReadingsRefusal(
                    ReadingsRefusal.UNPROCESSABLE,
                    "The period " + period + " is more than a year back (the oldest without a backfill is " + yearBack
                            + "). To load history on purpose, add \"backfill\": true.");
        }
        LocalDate created = periods.periodOf(service.createdAt(), zone);
        if (period.isBefore(created) && created.isBefore(current.plusDays(1))) {
            throw new ReadingsRefusal(
                    ReadingsRefusal.UNPROCESSABLE,
                    "The period " + period + " is before " + service.serviceKey()
                            + " was added to the catalog (its first" + " period started " + created
                            + "). To load its history on purpose, add \"backfill\": true.");
        }
    }

    private static String dayName(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** An audit entry keyed service/kpi/period/source; {@code before} is null for a creation. */
    private static AuditEntry entry(
            Actor actor,
            ReadingsDao.Target service,
            ReadingsDao.TargetKpi kpi,
            String action,
            ReadingsDao.Reading before,
            ReadingsDao.Reading after) {
        String key = service.serviceKey() + "/" + kpi.key() + "/" + after.periodStart() + "/" + after.source();
        return new AuditEntry(
                actor.teamId(),
                actor.auditName(),
                "kpi_reading",
                key,
                action,
                Optional.ofNullable(before),
                Optional.of(after));
    }
}
