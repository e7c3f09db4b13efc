package dev.drumbeat.checkin;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.drumbeat.core.UserError;
import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.catalog.ServiceLookup;
import dev.drumbeat.core.Actor;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.FormState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Check-ins' Slack surface: `/drumbeat checkin` and `/drumbeat kpi`, the Check in buttons (action id
 * {@code checkin-open}, or {@code checkin-open:<serviceKey>} where several share a message; value a
 * {@link CheckInRef}) and the modal's submission, whose every refusal is a field error.
 */
public final class CheckInListeners {
    private static final Logger log = LoggerFactory.getLogger(CheckInListeners.class);
    private static final Pattern OPEN_ACTIONS = Pattern.compile("^" + CheckInViews.OPEN_ACTION + "(:.*)?$");
    private final CheckInService checkIns;
    private final CatalogService catalog;
    private final PeopleService people;
    private final KeyResultConfidence confidence;

    public CheckInListeners(CheckInService checkIns, CatalogService catalog, PeopleService people,
                            KeyResultConfidence confidence) {
        this.checkIns = checkIns;
        this.catalog = catalog;
        this.people = people;
        this.confidence = confidence;
    }

    public void register(CommandRouter router, App app) {
        ServiceLookup lookup = new ServiceLookup(catalog);
        router.add(new CheckInCommand(checkIns, lookup, confidence)).add(new KpiCommand(checkIns, catalog, lookup));
        app.blockAction(OPEN_ACTIONS, this::openFromButton);
        app.viewSubmission(CheckInForm.CALLBACK_ID, this::submit);
    }

    /** Opens the modal on the button's trigger at once (it lives 3 s); a refusal opens a modal that says why. */
    Response openFromButton(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Optional<CheckInRef> ref = payload.getActions().stream().findFirst()
                .map(BlockActionPayload.Action::getValue).flatMap(CheckInRef::parse);
        if (ref.isEmpty()) {
            log.warn("Check in button without a check-in reference: {}", payload.getActions());
            return ctx.ack();
        }
        View view;
        try {
            Actor actor = people.actorFor(payload.getTeam().getId(), payload.getUser().getId(), payload.getUser().getUsername());
            view = CheckInForm.of(checkIns.open(actor, ref.get()),
                    confidence.asked(actor.teamId(), ref.get().serviceKey(), actor.userId(), ref.get().periodStart()));
        } catch (UserError e) {
            view = CheckInForm.notice(e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("opening the check-in for {} failed (reference {})", ref.get().encode(), reference, e);
            view = CheckInForm.notice("Something went wrong on Drumbeat's side. Please press Check in again;"
                    + " if it keeps happening, tell an admin the reference " + reference + ".");
        }
        open(ctx, payload.getTriggerId(), view);
        return ctx.ack();
    }

    Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        Optional<CheckInRef> ref = CheckInRef.parse(payload.getView().getPrivateMetadata());
        Optional<CheckInSubject> subject;
        try {
            subject = ref.flatMap(r -> checkIns.subject(payload.getTeam().getId(), r));
        } catch (RuntimeException e) {
            log.error("reading the check-in subject failed", e);
            return refuse(ctx, "Something went wrong on Drumbeat's side and nothing was recorded. Please submit again.");
        }
        if (subject.isEmpty()) {
            return refuse(ctx, "This service is no longer in the catalog, so there is nothing to check in."
                    + " Close the form; `/drumbeat services` lists the services there are.");
        }
        CheckInFormSubmission form = CheckInFormSubmission.read(payload.getView().getState().getValues());
        Optional<CheckInDraft> draft = form.draft(subject.get().kpis());
        if (draft.isEmpty()) {
            return ctx.ack(r -> r.responseAction("errors").errors(form.errors()));
        }
        try {
            Actor actor = people.actorFor(payload.getTeam().getId(), payload.getUser().getId(), payload.getUser().getUsername());
            CheckInOutcome outcome = checkIns.record(actor, ref.get(), draft.get());
            confidence.record(actor.teamId(), actor.userId(), ref.get().periodStart(),
                    confidences(payload.getView().getState().getValues()));
            return ctx.ack(r -> r.responseAction("update").view(CheckInForm.saved(outcome)));
        } catch (UserError e) {
            return refuse(ctx, e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("check-in of {} failed (reference {})", ref.get().encode(), reference, e);
            return refuse(ctx, "Something went wrong on Drumbeat's side and nothing was recorded. Please submit again;"
                    + " if it keeps happening, tell an admin the reference " + reference + ".");
        }
    }

    /** The key-result confidences chosen in the modal, by key result id. */
    private static Map<Long, String> confidences(Map<String, Map<String, ViewState.Value>> values) {
        Map<Long, String> chosen = new HashMap<>();
        FormState form = new FormState(values);
        values.keySet().stream().filter(id -> id.matches(CheckInForm.CONFIDENCE + "\\d{1,18}")).forEach(id ->
                form.text(id).filter(KeyResultConfidence.CHOICES::contains).ifPresent(choice ->
                        chosen.put(Long.parseLong(id.substring(CheckInForm.CONFIDENCE.length())), choice)));
        return chosen;
    }

    /** A refusal shown under the status field, the one input every check-in has. */
    private static Response refuse(ViewSubmissionContext ctx, String sentence) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of(CheckInForm.STATUS, sentence)));
    }

    private static void open(ActionContext ctx, String triggerId, View view) {
        try {
            ViewsOpenResponse response = ctx.client().viewsOpen(r -> r.triggerId(triggerId).view(view));
            if (!response.isOk()) {
                log.warn("views.open for a check-in answered {} {}", response.getError(), response.getResponseMetadata());
            }
        } catch (Exception e) {
            log.warn("views.open for a check-in failed: {}", e.toString());
        }
    }
}
