package dev.drumbeat.okr;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.drumbeat.core.UserError;
import dev.drumbeat.core.Actor;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Failures;
import dev.drumbeat.slack.Modals;
import dev.drumbeat.slack.SlackBlocks;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OKRs' Slack surface: `/drumbeat okr`, the key-result modal's submission, and the rollover buttons. */
public final class OkrListeners {
    private static final Logger log = LoggerFactory.getLogger(OkrListeners.class);
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

    public void register(CommandRouter router, App app) {
        router.add(new OkrCommand(okrs, keyResults));
        app.viewSubmission(KeyResultForm.CALLBACK_ID, this::submit);
        app.blockAction(OkrRolloverViews.ROLL_OVER, (req, ctx) -> click(req, ctx, (actor, id) -> {
            OkrDao.ObjectiveRow rolled = rollover.rollOver(actor, id);
            return ":white_check_mark: *" + SlackBlocks.escape(rolled.title()) + "* is O" + rolled.id() + " in "
                    + rolled.quarter() + ", with its open key results. `/drumbeat okr show O" + rolled.id() + "` shows it.";
        }));
        app.blockAction(OkrRolloverViews.CLOSE, (req, ctx) -> click(req, ctx, (actor, id) -> {
            rollover.close(actor, id);
            return ":white_check_mark: O" + id + " is closed.";
        }));
    }

    /** What a rollover button does with the objective's id; returns the sentence to show. */
    private interface Button {
        String press(Actor actor, long objectiveId);
    }

    private Response click(BlockActionRequest request, ActionContext ctx, Button button) {
        BlockActionPayload payload = request.getPayload();
        String value = payload.getActions().isEmpty() ? "" : payload.getActions().get(0).getValue();
        if (value == null || !value.matches("\\d{1,18}")) {
            return ctx.ack();
        }
        String sentence;
        try {
            Actor actor = people.actorFor(payload.getTeam().getId(), payload.getUser().getId(), payload.getUser().getUsername());
            sentence = button.press(actor, Long.parseLong(value));
        } catch (UserError e) {
            sentence = e.getMessage();
        } catch (RuntimeException e) {
            String reference = Failures.reference();
            log.error("objective button on {} failed (reference {})", value, reference, e);
            sentence = Failures.sentence(reference);
        }
        Modals.open(ctx.client(), payload.getTriggerId(), Modals.notice("okr-notice", "Objectives", sentence));
        return ctx.ack();
    }

    Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        KeyResultDraft.Result read = KeyResultDraft.read(payload.getView().getState().getValues());
        if (read.draft().isEmpty()) {
            return ctx.ack(r -> r.responseAction("errors").errors(read.errors()));
        }
        String teamId = payload.getTeam().getId();
        try {
            Actor actor = people.actorFor(teamId, payload.getUser().getId(), payload.getUser().getUsername());
            read.draft().get().ownerId().ifPresent(id -> people.ensureKnown(teamId, id));
            long objectiveId = Long.parseLong(payload.getView().getPrivateMetadata());
            long id = keyResults.addKeyResult(actor, objectiveId, read.draft().get());
            String objective = okrs.objective(teamId, objectiveId).orElseThrow().objective().title();
            return ctx.ack(r -> r.responseAction("update").view(KeyResultForm.added(objective, id)));
        } catch (UserError e) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of("kpi", e.getMessage())));
        } catch (RuntimeException e) {
            String reference = Failures.reference();
            log.error("adding a key result failed (reference {})", reference, e);
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of("title", Failures.sentence(reference))));
        }
    }
}
