package dev.drumbeat.escalation;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.drumbeat.core.UserError;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.people.PeopleService;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Snooze a week and Assign owner modals' submissions. The modal's metadata is the escalation id; every
 * refusal, the rules' included, comes back as an error under the modal's one field.
 */
final class EscalationListenersForms {
    private static final Logger log = LoggerFactory.getLogger(EscalationListenersForms.class);
    private final EscalationServiceActions actions;
    private final EscalationServiceOwnership ownership;
    private final PeopleService people;

    EscalationListenersForms(EscalationServiceActions actions, EscalationServiceOwnership ownership, PeopleService people) {
        this.actions = actions;
        this.ownership = ownership;
        this.people = people;
    }

    void register(App app) {
        app.viewSubmission(SnoozeForm.CALLBACK_ID, this::submitSnooze);
        app.viewSubmission(EscalationViewsModals.ASSIGN_CALLBACK_ID, this::submitAssign);
    }

    Response submitSnooze(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        String reason = SnoozeForm.reason(request.getPayload().getView().getState().getValues()).orElse("");
        return submit(request, ctx, SnoozeForm.REASON, (actor, id) -> {
            Instant until = actions.snooze(actor, id, reason);
            return EscalationViewsModals.done("Snoozed", "Snoozed until " + EscalationViews.day(until)
                    + ". Its messages say so, with your reason.");
        });
    }

    Response submitAssign(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        Optional<String> owner = EscalationViewsModals.pickedOwner(request.getPayload().getView().getState().getValues());
        return submit(request, ctx, EscalationViewsModals.OWNER, (actor, id) -> {
            String newOwner = owner.orElseThrow(() -> new UserError("Pick the person who will own it."));
            String service = ownership.assignOwner(actor, id, newOwner);
            return EscalationViewsModals.done("Owner assigned", Mentions.mention(newOwner) + " now owns *" + service + "*.");
        });
    }

    private interface Submission {
        View submit(Actor actor, long id);
    }

    private Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx, String field, Submission submission) {
        ViewSubmissionPayload payload = request.getPayload();
        Optional<Long> id = EscalationListeners.id(payload.getView().getPrivateMetadata());
        if (id.isEmpty()) {
            return refuse(ctx, field, "This form lost track of its escalation. Close it and press the button again.");
        }
        try {
            Actor actor = people.actorFor(payload.getTeam().getId(), payload.getUser().getId(), payload.getUser().getUsername());
            View done = submission.submit(actor, id.get());
            return ctx.ack(r -> r.responseAction("update").view(done));
        } catch (UserError e) {
            return refuse(ctx, field, e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("escalation {} form failed (reference {})", id.get(), reference, e);
            return refuse(ctx, field, "Something went wrong on Drumbeat's side and nothing was changed. Please submit again;"
                    + " if it keeps happening, tell an admin the reference " + reference + ".");
        }
    }

    private static Response refuse(ViewSubmissionContext ctx, String field, String sentence) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of(field, sentence)));
    }
}
