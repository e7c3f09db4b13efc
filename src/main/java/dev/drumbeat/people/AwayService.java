package dev.drumbeat.people;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Periods;
import dev.drumbeat.core.UserError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Marks people away until a day (in their own time zone) with an optional deputy, and back again; each
 * change is audited with the state before and after. Who is then asked is {@link AwayCover}'s rule.
 * Thread-safe.
 */
public final class AwayService {
    private final Jdbi jdbi;
    private final PeopleService people;
    private final AuditLog audit;
    private final Periods periods;
    private final Clock clock;

    public AwayService(Jdbi jdbi, PeopleService people, AuditLog audit, Periods periods, Clock clock) {
        this.jdbi = jdbi;
        this.people = people;
        this.audit = audit;
        this.periods = periods;
        this.clock = clock;
    }

    /** The person's away state; {@link AwayState#PRESENT} for someone unknown. */
    public AwayState find(String teamId, String userId) {
        return jdbi.withExtension(AwayDao.class, dao -> dao.find(teamId, userId))
                .orElse(AwayState.PRESENT);
    }

    /** Marks the actor away through the day {@code dateText} names; a {@link UserError} for a bad date or deputy. */
    public Marked markAway(Actor actor, String dateText, Optional<String> deputyReference) {
        LocalDate today = today(actor);
        LocalDate until = AwayDates.resolve(dateText, today);
        Optional<String> deputy = deputyReference.map(reference -> deputy(actor, reference));
        AwayState after = AwayState.until(until, deputy);
        AwayDao.Coverage coverage = jdbi.inTransaction(handle -> {
            AwayDao dao = handle.attach(AwayDao.class);
            AwayState before = dao.lock(actor.teamId(), actor.userId()).orElse(AwayState.PRESENT);
            dao.set(actor.teamId(), actor.userId(), until, deputy.orElse(null));
            audit.record(
                    handle,
                    new AuditEntry(
                            actor.teamId(),
                            actor.auditName(),
                            "person",
                            actor.userId(),
                            "away",
                            Optional.of(before),
                            Optional.of(after)));
            return dao.coverage(actor.teamId(), actor.userId());
        });
        return new Marked(today, after, coverage, until.with(TemporalAdjusters.next(periods.day())));
    }

    /**
     * Marks the actor present again; says whether they were away and when they will next be asked. An away
     * state that has already run out is left as it is: it no longer covers anything.
     */
    public Returned markBack(Actor actor) {
        LocalDate today = today(actor);
        boolean wasAway = jdbi.inTransaction(handle -> {
            AwayDao dao = handle.attach(AwayDao.class);
            AwayState before = dao.lock(actor.teamId(), actor.userId()).orElse(AwayState.PRESENT);
            if (!before.isAwayOn(today)) {
                return false;
            }
            dao.set(actor.teamId(), actor.userId(), null, null);
            audit.record(
                    handle,
                    new AuditEntry(
                            actor.teamId(),
                            actor.auditName(),
                            "person",
                            actor.userId(),
                            "back",
                            Optional.of(before),
                            Optional.of(AwayState.PRESENT)));
            return true;
        });
        return new Returned(wasAway, today, nextPromptDay(zone(actor)));
    }

    /** The actor's state as it stands, with today's date where they are. */
    public Current current(Actor actor) {
        return new Current(today(actor), find(actor.teamId(), actor.userId()));
    }

    private String deputy(Actor actor, String reference) {
        PeopleService.Lookup found = people.lookup(actor.teamId(), reference);
        if (found instanceof PeopleService.Lookup.Ambiguous) {
            throw new UserError("Several people are called “" + PeopleService.asTyped(reference)
                    + "”. Mention the deputy you mean with @.");
        }
        if (!(found instanceof PeopleService.Lookup.Found f)) {
            throw new UserError("I don't know " + PeopleService.asTyped(reference)
                    + " yet. Mention your deputy with @ so Slack tells me who they are.");
        }
        if (f.person().userId().equals(actor.userId())) {
            throw new UserError("You can't be your own deputy while you're away. Name someone else, or leave the deputy"
                    + " out and each service's own deputy covers it.");
        }
        if (f.person().deactivated()) {
            throw new UserError(Mentions.mention(f.person().userId())
                    + " is deactivated in Slack. Pick someone active as your deputy.");
        }
        return f.person().userId();
    }

    private LocalDate nextPromptDay(ZoneId zone) {
        Instant now = clock.instant();
        LocalDate period = periods.periodOf(now, zone);
        boolean stillToCome = now.isBefore(periods.promptAt(period, zone));
        return stillToCome ? period : period.plusWeeks(1);
    }

    private LocalDate today(Actor actor) {
        return clock.instant().atZone(zone(actor)).toLocalDate();
    }

    private ZoneId zone(Actor actor) {
        return Periods.zone(
                people.find(actor.teamId(), actor.userId()).map(Person::tz).orElse("UTC"));
    }

    /** The outcome of {@link #markAway}: the state stored, what it covers, and the first check-in day after it. */
    public record Marked(LocalDate today, AwayState state, AwayDao.Coverage coverage, LocalDate askAgainFrom) {}

    /** The outcome of {@link #markBack}. */
    public record Returned(boolean wasAway, LocalDate today, LocalDate nextPromptDay) {}

    /** Someone's away state with their today, for showing it. */
    public record Current(LocalDate today, AwayState state) {}
}
