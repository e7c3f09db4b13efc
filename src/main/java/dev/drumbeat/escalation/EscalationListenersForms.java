package dev.drumbeat.escalation;

import com.slack.api.model.view.View;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.Interactions;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.Submission;
import java.time.Instant;
import java.util.Optional;

/**
 * The Snooze a week and Assign owner modals' submissions. The modal's metadata is the escalation id; every
 * refusal, the rules' included, comes back as an error under the modal's one field.
 */
final class EscalationListenersForms {
    private final EscalationServiceActions actions;
    private final EscalationServiceOwnership ownership;

    EscalationListenersForms(EscalationServiceActions actions, EscalationServiceOwnership ownership) {
        this.actions = actions;
        this.ownership = ownership;
    }

    void register(Interactions interactions) {
        interactions.viewSubmission(SnoozeForm.CALLBACK_ID, SnoozeForm.REASON, this::submitSnooze);
        interactions.viewSubmission(
                EscalationViewsModals.ASSIGN_CALLBACK_ID, EscalationViewsModals.OWNER, this::submitAssign);
    }

    View submitSnooze(Actor actor, Submission submission) {
        String reason = SnoozeForm.reason(submission.values()).orElse("");
        Instant until = actions.snooze(actor, escalationId(submission), reason);
        return EscalationViewsModals.done(
                "Snoozed", "Snoozed until " + EscalationViews.day(until) + ". Its messages say so, with your reason.");
    }

    View submitAssign(Actor actor, Submission submission) {
        long id = escalationId(submission);
        Optional<String> owner = EscalationViewsModals.pickedOwner(submission.values());
        String newOwner = owner.orElseThrow(() -> new UserError("Pick the person who will own it."));
        String service = ownership.assignOwner(actor, id, newOwner);
        return EscalationViewsModals.done(
                "Owner assigned", Mentions.mention(newOwner) + " now owns *" + SlackBlocks.escape(service) + "*.");
    }

    private static long escalationId(Submission submission) {
        return EscalationListeners.id(submission.privateMetadata())
                .orElseThrow(() ->
                        new UserError("This form lost track of its escalation. Close it and press the button again."));
    }
}
