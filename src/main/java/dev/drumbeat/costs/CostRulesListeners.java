package dev.drumbeat.costs;

import com.slack.api.model.view.View;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.FieldError;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.ClickAnswer;
import dev.drumbeat.slack.FormState;
import dev.drumbeat.slack.Interactions;
import dev.drumbeat.slack.Notice;
import dev.drumbeat.slack.Submission;
import java.util.Optional;
import java.util.UUID;

/**
 * The allocation rules' Slack surface past the command: the rules modal submitted (a bad line is an error under the
 * rules, naming it; good rules become a draft, previewed in a direct message), and the preview's Apply and Discard and
 * the change's Undo. Previews and re-allocations read the bills, so they are sent by {@link CostsReplies}.
 */
final class CostRulesListeners {
    private static final Notice NOTICE = new Notice("costs-notice", "Allocation rules");
    private final CostRules rules;
    private final CostRuleDrafts drafts;
    private final CostRuleChanges changes;
    private final CostPreview previews;
    private final CostsViews views;
    private final CostsReplies replies;

    CostRulesListeners(
            CostRules rules,
            CostRuleDrafts drafts,
            CostRuleChanges changes,
            CostPreview previews,
            CostsViews views,
            CostsReplies replies) {
        this.rules = rules;
        this.drafts = drafts;
        this.changes = changes;
        this.previews = previews;
        this.views = views;
        this.replies = replies;
    }

    void register(Interactions interactions) {
        interactions.viewSubmission(CostRulesForm.CALLBACK_ID, CostRulesForm.RULES, this::submitted);
        interactions.blockAction(CostsViews.APPLY, NOTICE, withDraft(this::apply));
        interactions.blockAction(CostsViews.UNDO, NOTICE, withDraft(this::undo));
        interactions.blockAction(CostsViews.DISCARD, NOTICE, withDraft(this::discard));
    }

    /** `/drumbeat costs preview`: the rules in force read against the latest bills, sent when worked out. */
    void previewInForce(Actor actor) {
        replies.send(
                actor,
                "costs:preview:" + UUID.randomUUID(),
                () -> views.preview(
                        previews.preview(actor.teamId(), rules.of(actor.teamId())),
                        rules.serviceKeys(actor.teamId()),
                        Optional.empty()));
    }

    private View submitted(Actor actor, Submission submission) {
        String csv =
                new FormState(submission.values()).text(CostRulesForm.RULES).orElse("");
        CostRuleDrafts.Draft draft;
        try {
            draft = drafts.draft(actor, csv);
        } catch (UserError e) {
            throw new FieldError(CostRulesForm.RULES, e.getMessage());
        }
        replies.send(
                actor,
                "costs:draft:" + draft.id(),
                () -> views.preview(
                        previews.preview(actor.teamId(), draft.rules()),
                        rules.serviceKeys(actor.teamId()),
                        Optional.of(draft.id())));
        return CostRulesForm.previewing();
    }

    private ClickAnswer apply(Actor actor, long draftId) {
        CostRuleDrafts.Changed changed = drafts.apply(actor, draftId);
        return reallocate(actor, changed, "applied:" + draftId, "The new rules are in force.");
    }

    private ClickAnswer undo(Actor actor, long draftId) {
        CostRuleDrafts.Changed changed = drafts.apply(actor, draftId);
        return reallocate(actor, changed, "undone:" + draftId, "The rules from before are back in force.");
    }

    private ClickAnswer reallocate(Actor actor, CostRuleDrafts.Changed changed, String key, String said) {
        try {
            replies.send(actor, "costs:" + key, () -> views.changed(changes.reallocate(actor, changed)));
        } catch (UserError busy) {
            return ClickAnswer.say(said + " Drumbeat is too busy to allocate the months already imported again just"
                    + " now; import their bills again later to allocate them by these rules.");
        }
        return ClickAnswer.say(said + " Drumbeat is allocating the months already imported again; what changed"
                + " comes in your messages with Drumbeat, with Undo.");
    }

    private ClickAnswer discard(Actor actor, long draftId) {
        drafts.discard(actor, draftId);
        return ClickAnswer.say("Discarded. The rules in force are as they were.");
    }

    /** What a button does with the draft it names. */
    private interface DraftButton {
        ClickAnswer press(Actor actor, long draftId);
    }

    private static Interactions.ActionHandler withDraft(DraftButton button) {
        return (actor, click) -> click.id()
                .map(id -> button.press(actor, id))
                .orElseGet(() -> ClickAnswer.say(
                        "That button names no rules; open them again with" + " `/drumbeat costs rules`."));
    }
}
