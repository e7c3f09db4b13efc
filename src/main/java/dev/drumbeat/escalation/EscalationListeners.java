package dev.drumbeat.escalation;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.catalog.OwnerGiven;
import dev.drumbeat.catalog.Service;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.UserError;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.slack.ClickAnswer;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Interactions;
import dev.drumbeat.slack.Notice;
import dev.drumbeat.slack.SlackBlocks;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalations' Slack surface: `/drumbeat escalations` and `/drumbeat stale`, the buttons on an escalation
 * message (action ids {@code esc-…:<id>}, value the id) and, through {@link EscalationListenersForms}, the
 * Snooze and Assign owner modals. A button that cannot do what was asked opens a small modal that says why,
 * on the click's trigger (it lives 3 s, so the modal opens before anything slow).
 */
public final class EscalationListeners implements OwnerGiven {
    private static final Logger log = LoggerFactory.getLogger(EscalationListeners.class);
    private static final Notice NOTICE = new Notice(EscalationViewsModals.NOTICE_CALLBACK_ID, "Escalation");
    private final EscalationService escalations;
    private final EscalationServiceChanges changes;
    private final EscalationServiceActions actions;
    private final EscalationServiceOwnership ownership;
    private final CatalogService catalog;
    private final Money money;

    public EscalationListeners(
            EscalationService escalations, AuditLog audit, CatalogService catalog, PeopleService people, Money money) {
        this.escalations = escalations;
        this.changes = new EscalationServiceChanges(escalations, audit);
        this.actions = new EscalationServiceActions(changes, escalations);
        this.ownership = new EscalationServiceOwnership(changes, people);
        this.catalog = catalog;
        this.money = money;
    }

    public void register(CommandRouter router, Interactions interactions) {
        router.add(EscalationListCommand.all(escalations)).add(EscalationListCommand.stale(escalations));
        interactions.blockAction(pattern(EscalationViews.ACKNOWLEDGE), NOTICE, withId(this::acknowledge));
        interactions.blockAction(pattern(EscalationViews.SNOOZE), NOTICE, withId(this::openSnooze));
        interactions.blockAction(pattern(EscalationViews.TAKE), NOTICE, withId(this::take));
        interactions.blockAction(pattern(EscalationViews.ASSIGN), NOTICE, withId(this::openAssign));
        interactions.blockAction(pattern(EscalationViews.OPEN), NOTICE, withId(this::openService));
        new EscalationListenersForms(actions, ownership).register(interactions);
    }

    /** Tells escalations that a service got an owner elsewhere; see {@link EscalationServiceOwnership#ownerGiven}. */
    @Override
    public void given(Actor actor, Service service) {
        ownerGiven(actor, service.id(), service.ownerId().orElseThrow());
    }

    public void ownerGiven(Actor actor, long serviceId, String newOwnerId) {
        ownership.ownerGiven(actor, serviceId, newOwnerId);
    }

    /** What a button does with the escalation's id; it answers with the modal to open, if any. */
    private interface Button {
        ClickAnswer press(Actor actor, long id);
    }

    private ClickAnswer acknowledge(Actor actor, long id) {
        actions.acknowledge(actor, id);
        return ClickAnswer.none();
    }

    private ClickAnswer openSnooze(Actor actor, long id) {
        return ClickAnswer.open(
                SnoozeForm.of(id, actions.requireMaySnooze(actor, id).headline()));
    }

    private ClickAnswer take(Actor actor, long id) {
        String service = ownership.takeOwnership(actor, id);
        return ClickAnswer.open(EscalationViewsModals.done(
                "Take ownership",
                "You now own *" + SlackBlocks.escape(service) + "*. Your weekly"
                        + " check-in will include it; `/drumbeat status` shows its card."));
    }

    private ClickAnswer openAssign(Actor actor, long id) {
        ownership.requireMayAssign(actor);
        EscalationServiceChanges.Escalated escalated = changes.findOpen(actor.teamId(), id);
        if (!escalated.isService()) {
            throw new UserError("Only a service in the catalog can be given an owner here.");
        }
        return ClickAnswer.open(EscalationViewsModals.assign(id, escalated.headline()));
    }

    private ClickAnswer openService(Actor actor, long id) {
        Optional<EscalationServiceChanges.Escalated> escalated =
                changes.find(actor.teamId(), id).filter(EscalationServiceChanges.Escalated::isService);
        return ClickAnswer.open(escalated
                .flatMap(e -> catalog.card(actor.teamId(), e.item().key()))
                .map(card -> EscalationViewsModals.card(card, money))
                .orElseThrow(() -> new UserError(
                        "That service is no longer in the catalog. `/drumbeat services` lists them all.")));
    }

    private static Interactions.ActionHandler withId(Button button) {
        return (actor, click) -> click.id().map(id -> button.press(actor, id)).orElseGet(() -> {
            log.warn("escalation button {} without an escalation id", click.actionId());
            return ClickAnswer.none();
        });
    }

    private static Pattern pattern(String action) {
        return Pattern.compile("^" + action + ":\\d+$");
    }

    /** An escalation id as a button value or a modal's metadata carries it. */
    static Optional<Long> id(String value) {
        return Optional.ofNullable(value).filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf);
    }
}
