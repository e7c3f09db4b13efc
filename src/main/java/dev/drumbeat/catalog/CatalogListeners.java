package dev.drumbeat.catalog;

import dev.drumbeat.core.Money;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.drumbeat.core.UserError;
import dev.drumbeat.core.Actor;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.slack.CommandRouter;
import java.util.Map;
import java.util.Optional;

/** The catalog's Slack surface: its subcommands and the service and initiative modals' submissions. */
public final class CatalogListeners {
    private final CatalogService catalog;
    private final InitiativeService initiatives;
    private final PeopleService people;
    private final Money money;
    private final CatalogViews views;
    private final ServiceCharts charts;
    private final OwnerGiven ownerGiven;

    public CatalogListeners(CatalogService catalog, InitiativeService initiatives, PeopleService people, Money money) {
        this(catalog, initiatives, people, money, ServiceCharts.NONE, OwnerGiven.NONE);
    }

    /** With chart images on the service card, and {@code ownerGiven} told when a service gets an owner here. */
    public CatalogListeners(CatalogService catalog, InitiativeService initiatives, PeopleService people, Money money,
                            ServiceCharts charts, OwnerGiven ownerGiven) {
        this.ownerGiven = ownerGiven;
        this.catalog = catalog;
        this.initiatives = initiatives;
        this.people = people;
        this.money = money;
        this.views = new CatalogViews(money);
        this.charts = charts;
    }

    public void register(CommandRouter router, App app) {
        ServiceLookup lookup = new ServiceLookup(catalog);
        router.add(new ServicesCommand(catalog, views))
                .add(new StatusCommand(catalog, lookup, views, charts))
                .add(new OwnerCommand(catalog, lookup, people, ownerGiven))
                .add(new ServiceCommand(catalog, lookup))
                .add(new InitiativesCommand(initiatives, money))
                .add(new InitiativeCommand(initiatives));
        app.viewSubmission(ServiceForm.CALLBACK_ID, this::submit);
        app.viewSubmission(InitiativeForm.CALLBACK_ID, this::submitInitiative);
    }

    Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        String teamId = payload.getTeam().getId();
        String existingKey = Optional.ofNullable(payload.getView().getPrivateMetadata()).orElse("");
        ServiceFormSubmission form = ServiceFormSubmission.read(payload.getView().getState().getValues());
        Optional<ServiceDraft> draft = form.draft(existingKey);
        if (draft.isEmpty()) {
            return ctx.ack(r -> r.responseAction("errors").errors(form.errors()));
        }
        try {
            Actor actor = people.actorFor(teamId, payload.getUser().getId(), payload.getUser().getUsername());
            draft.get().ownerId().ifPresent(id -> people.ensureKnown(teamId, id));
            draft.get().deputyId().ifPresent(id -> people.ensureKnown(teamId, id));
            Service saved = existingKey.isBlank() ? catalog.create(actor, draft.get()) : catalog.update(actor, draft.get());
            if (saved.ownerId().isPresent()) {
                ownerGiven.given(actor, saved);
            }
            return ctx.ack(r -> r.responseAction("update").view(ServiceForm.saved(saved, existingKey.isBlank())));
        } catch (UserError e) {
            String field = existingKey.isBlank() ? "key" : "name";
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(field, e.getMessage())));
        }
    }

    Response submitInitiative(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        String teamId = payload.getTeam().getId();
        String existingKey = Optional.ofNullable(payload.getView().getPrivateMetadata()).orElse("");
        InitiativeFormSubmission form = InitiativeFormSubmission.read(payload.getView().getState().getValues(),
                typed -> catalog.resolve(teamId, typed));
        Optional<Initiative> draft = form.draft(existingKey);
        if (draft.isEmpty()) {
            return ctx.ack(r -> r.responseAction("errors").errors(form.errors()));
        }
        try {
            Actor actor = people.actorFor(teamId, payload.getUser().getId(), payload.getUser().getUsername());
            draft.get().ownerId().ifPresent(id -> people.ensureKnown(teamId, id));
            Initiative saved = existingKey.isBlank() ? initiatives.create(actor, draft.get())
                    : initiatives.update(actor, draft.get());
            return ctx.ack(r -> r.responseAction("update").view(InitiativeForm.saved(saved, existingKey.isBlank())));
        } catch (UserError e) {
            String field = existingKey.isBlank() ? "key" : "name";
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(field, e.getMessage())));
        }
    }
}
