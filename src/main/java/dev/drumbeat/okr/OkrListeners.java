package dev.drumbeat.okr;

import com.slack.api.model.view.View;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.FieldError;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.slack.ClickAnswer;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Interactions;
import dev.drumbeat.slack.Notice;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.Submission;

/** OKRs' Slack surface: `/drumbeat okr`, the key-result modal's submission, and the rollover buttons. */
public final class OkrListeners {
    private static final Notice NOTICE = new Notice("okr-notice", "Objectives");
    private final OkrService okrs;
    private final KeyResultService keyResults;
    private final OkrRollover rollover;
    private final PeopleService people;

    public OkrListeners(OkrService okrs, KeyResultService keyResults, OkrRollover rollover, PeopleService people) {
        this.okrs = okrs;
        this.keyResults = keyResults;
        this.rollover = rollover;
        this.people = people;
    }

    public void register(CommandRouter router, Interactions interactions) {
        router.add(new OkrCommand(okrs, keyResults));
        interactions.viewSubmission(KeyResultForm.CALLBACK_ID, "kpi", this::submit);
        interactions.blockAction(OkrRolloverViews.ROLL_OVER, NOTICE, withId((actor, id) -> {
            OkrDao.ObjectiveRow rolled = rollover.rollOver(actor, id);
            return ":white_check_mark: *" + SlackBlocks.escape(rolled.title()) + "* is O" + rolled.id() + " in "
                    + rolled.quarter() + ", with its open key results. `/drumbeat okr show O" + rolled.id()
                    + "` shows it.";
        }));
        interactions.blockAction(OkrRolloverViews.CLOSE, NOTICE, withId((actor, id) -> {
            rollover.close(actor, id);
            return ":white_check_mark: O" + id + " is closed.";
        }));
    }

    /** What a rollover button does with the objective's id; returns the sentence to show. */
    private interface Button {
        String press(Actor actor, long objectiveId);
    }

    private static Interactions.ActionHandler withId(Button button) {
        return (actor, click) ->
                click.id().map(id -> ClickAnswer.say(button.press(actor, id))).orElseGet(ClickAnswer::none);
    }

    View submit(Actor actor, Submission submission) {
        KeyResultDraft.Result read = KeyResultDraft.read(submission.values());
        KeyResultDraft draft = read.draft().orElseThrow(() -> new FieldError(read.errors()));
        draft.ownerId().ifPresent(id -> people.ensureKnown(actor.teamId(), id));
        long objectiveId = Long.parseLong(submission.privateMetadata());
        long id = keyResults.addKeyResult(actor, objectiveId, draft);
        String objective = okrs.objective(actor.teamId(), objectiveId)
                .orElseThrow()
                .objective()
                .title();
        return KeyResultForm.added(objective, id);
    }
}
