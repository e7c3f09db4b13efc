package dev.drumbeat.escalation;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.drumbeat.core.UserError;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.catalog.OwnerGiven;
import dev.drumbeat.catalog.Service;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Actor;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Failures;
import dev.drumbeat.slack.Modals;
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
    private final EscalationService escalations;
    private final EscalationServiceChanges changes;
    private final EscalationServiceActions actions;
    private final EscalationServiceOwnership ownership;
    private final CatalogService catalog;
    private final PeopleService people;
    private final Money money;

    public EscalationListeners(EscalationService escalations, AuditLog audit, CatalogService catalog, PeopleService people,
                               Money money) {
        this.escalations = escalations;
        this.changes = new EscalationServiceChanges(escalations, audit);
        this.actions = new EscalationServiceActions(changes, escalations);
        this.ownership = new EscalationServiceOwnership(changes, people);
        this.catalog = catalog;
        this.people = people;
        this.money = money;
    }

    public void register(CommandRouter router, App app) {
        router.add(EscalationListCommand.all(escalations)).add(EscalationListCommand.stale(escalations));
        app.blockAction(pattern(EscalationViews.ACKNOWLEDGE), (req, ctx) -> click(req, ctx, this::acknowledge));
        app.blockAction(pattern(EscalationViews.SNOOZE), (req, ctx) -> click(req, ctx, this::openSnooze));
        app.blockAction(pattern(EscalationViews.TAKE), (req, ctx) -> click(req, ctx, this::take));
        app.blockAction(pattern(EscalationViews.ASSIGN), (req, ctx) -> click(req, ctx, this::openAssign));
        app.blockAction(pattern(EscalationViews.OPEN), (req, ctx) -> click(req, ctx, this::openService));
        new EscalationListenersForms(actions, ownership, people).register(app);
    }

    /** Tells escalations that a service got an owner elsewhere; see {@link EscalationServiceOwnership#ownerGiven}. */
    @Override
    public void given(Actor actor, Service service) {
        ownerGiven(actor, service.id(), service.ownerId().orElseThrow());
    }

    public void ownerGiven(Actor actor, long serviceId, String newOwnerId) {
        ownership.ownerGiven(actor, serviceId, newOwnerId);
    }

    /** What a button does; it returns the modal to open, if any. */
    private interface Button {
        Optional<View> press(Actor actor, long id);
    }

    private Optional<View> acknowledge(Actor actor, long id) {
        actions.acknowledge(actor, id);
        return Optional.empty();
    }

    private Optional<View> openSnooze(Actor actor, long id) {
        return Optional.of(SnoozeForm.of(id, actions.requireMaySnooze(actor, id).headline()));
    }

    private Optional<View> take(Actor actor, long id) {
        String service = ownership.takeOwnership(actor, id);
        return Optional.of(EscalationViewsModals.done("Take ownership", "You now own *" + service + "*. Your weekly"
                + " check-in will include it; `/drumbeat status` shows its card."));
    }

    private Optional<View> openAssign(Actor actor, long id) {
        ownership.requireMayAssign(actor);
        EscalationServiceChanges.Escalated escalated = changes.findOpen(actor.teamId(), id);
        if (!escalated.isService()) {
            throw new UserError("Only a service in the catalog can be given an owner here.");
        }
        return Optional.of(EscalationViewsModals.assign(id, escalated.headline()));
    }

    private Optional<View> openService(Actor actor, long id) {
        Optional<EscalationServiceChanges.Escalated> escalated = changes.find(actor.teamId(), id)
                .filter(EscalationServiceChanges.Escalated::isService);
        return Optional.of(escalated.flatMap(e -> catalog.card(actor.teamId(), e.item().key()))
                .map(card -> EscalationViewsModals.card(card, money))
                .orElseThrow(() -> new UserError(
                        "That service is no longer in the catalog. `/drumbeat services` lists them all.")));
    }

    private Response click(BlockActionRequest request, ActionContext ctx, Button button) {
        BlockActionPayload payload = request.getPayload();
        Optional<Long> id = payload.getActions().stream().findFirst().map(BlockActionPayload.Action::getValue)
                .flatMap(EscalationListeners::id);
        if (id.isEmpty()) {
            log.warn("escalation button without an escalation id: {}", payload.getActions());
            return ctx.ack();
        }
        Optional<View> view;
        try {
            Actor actor = people.actorFor(payload.getTeam().getId(), payload.getUser().getId(), payload.getUser().getUsername());
            view = button.press(actor, id.get());
        } catch (UserError e) {
            view = Optional.of(EscalationViewsModals.notice("Escalation", e.getMessage()));
        } catch (RuntimeException e) {
            String reference = Failures.reference();
            log.error("escalation button {} on {} failed (reference {})", payload.getActions().get(0).getActionId(),
                    id.get(), reference, e);
            view = Optional.of(EscalationViewsModals.notice("Escalation", Failures.sentence(reference)));
        }
        view.ifPresent(v -> Modals.open(ctx.client(), payload.getTriggerId(), v));
        return ctx.ack();
    }

    private static Pattern pattern(String action) {
        return Pattern.compile("^" + action + ":\\d+$");
    }

    /** An escalation id as a button value or a modal's metadata carries it. */
    static Optional<Long> id(String value) {
        return Optional.ofNullable(value).filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf);
    }
}
