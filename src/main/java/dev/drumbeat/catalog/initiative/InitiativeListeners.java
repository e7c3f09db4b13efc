package dev.drumbeat.catalog.initiative;

import com.slack.api.model.view.View;
import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.FieldError;
import dev.drumbeat.core.Money;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Interactions;
import dev.drumbeat.slack.Submission;

/** Initiatives' Slack surface: `/drumbeat initiatives`, `/drumbeat initiative` and the initiative modal's submissions. */
public final class InitiativeListeners {
    private final InitiativeService initiatives;
    private final CatalogService catalog;
    private final PeopleService people;
    private final Money money;

    public InitiativeListeners(
            InitiativeService initiatives, CatalogService catalog, PeopleService people, Money money) {
        this.initiatives = initiatives;
        this.catalog = catalog;
        this.people = people;
        this.money = money;
    }

    public void register(CommandRouter router, Interactions interactions) {
        router.add(new InitiativesCommand(initiatives, money)).add(new InitiativeCommand(initiatives));
        interactions.viewSubmission(InitiativeForm.CALLBACK_ID, InitiativeListeners::refusalField, this::submit);
    }

    /** Refusals show under the key when adding, and under the name when editing, where the key is not a field. */
    private static String refusalField(Submission submission) {
        return submission.privateMetadata().isBlank() ? "key" : "name";
    }

    View submit(Actor actor, Submission submission) {
        String existingKey = submission.privateMetadata();
        InitiativeFormSubmission form =
                InitiativeFormSubmission.read(submission.values(), typed -> catalog.resolve(actor.teamId(), typed));
        Initiative draft = form.draft(existingKey).orElseThrow(() -> new FieldError(form.errors()));
        draft.ownerId().ifPresent(id -> people.ensureKnown(actor.teamId(), id));
        Initiative saved = existingKey.isBlank() ? initiatives.create(actor, draft) : initiatives.update(actor, draft);
        return InitiativeForm.saved(saved, existingKey.isBlank());
    }
}
