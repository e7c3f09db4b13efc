package dev.drumbeat.escalation;

import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Role;
import dev.drumbeat.core.UserError;
import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.slack.SlackBlocks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Acknowledge and Snooze a week. The owner, the deputies (the service's and the owner's away cover),
 * leadership and admins may use them; a refusal is a {@link UserError} and changes nothing. Thread-safe.
 */
final class EscalationServiceActions {
    static final Duration SNOOZE = Duration.ofDays(7);
    static final int MAX_REASON = 500;
    private final EscalationServiceChanges changes;
    private final EscalationService escalations;

    EscalationServiceActions(EscalationServiceChanges changes, EscalationService escalations) {
        this.changes = changes;
        this.escalations = escalations;
    }

    /** Records who acknowledged and when, for everyone to see; the climb goes on. Acknowledging twice keeps the first. */
    void acknowledge(Actor actor, long id) {
        changes.change(actor, id, (handle, row, item) -> {
            requireAnswersFor(actor, item, "acknowledge");
            if (!row.isAcknowledged()) {
                handle.attach(EscalationDao.class).acknowledge(id, actor.userId(), escalations.now());
                changes.record(
                        handle,
                        actor,
                        "escalation",
                        Long.toString(id),
                        "acknowledge",
                        null,
                        Map.of("acknowledged_by", actor.userId()));
            }
            return null;
        });
    }

    /** Throws unless the actor may snooze this escalation, so the button refuses before asking for a reason. */
    EscalationServiceChanges.Escalated requireMaySnooze(Actor actor, long id) {
        EscalationServiceChanges.Escalated escalated = changes.findOpen(actor.teamId(), id);
        requireAnswersFor(actor, escalated.item(), "snooze");
        return escalated;
    }

    /** Holds the escalation where it is for a week; returns until when. */
    Instant snooze(Actor actor, long id, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new UserError("Say why it can wait a week; leadership reads this.");
        }
        if (why.length() > MAX_REASON) {
            throw new UserError("Keep the reason under " + MAX_REASON + " characters.");
        }
        Instant until = escalations.now().plus(SNOOZE);
        changes.change(actor, id, (handle, row, item) -> {
            requireAnswersFor(actor, item, "snooze");
            handle.attach(EscalationDao.class).snooze(id, actor.userId(), until, why);
            changes.record(
                    handle,
                    actor,
                    "escalation",
                    Long.toString(id),
                    "snooze",
                    null,
                    Map.of("snoozed_until", until.toString(), "reason", why));
            return null;
        });
        return until;
    }

    private static void requireAnswersFor(Actor actor, EscalationDao.Item item, String verb) {
        boolean answers = actor.isAdmin()
                || actor.role() == Role.LEADERSHIP
                || List.of(item.ownerId(), item.deputyId(), item.awayDeputyId()).stream()
                        .anyMatch(
                                person -> person.filter(actor.userId()::equals).isPresent());
        if (!answers && item.subject().kind().equals(Finding.Subject.BILLS)) {
            throw new UserError("Only leadership or a Drumbeat admin can " + verb + " this escalation: nobody else"
                    + " answers for spend no rule allocates.");
        }
        if (!answers) {
            String owner = item.ownerId()
                    .filter(o -> item.ownerActive())
                    .map(Mentions::mention)
                    .orElse("its owner");
            throw new UserError("Only " + owner + ", a deputy of " + SlackBlocks.escape(item.name())
                    + ", leadership or a Drumbeat admin can " + verb + " this escalation.");
        }
    }
}
