package dev.drumbeat.okr;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.drumbeat.UserError;
import dev.drumbeat.people.Actor;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.slack.CommandRouter;
import java.util.Map;

/** OKRs' Slack surface: `/drumbeat okr` and the key-result modal's submission. */
public final class OkrListeners {
    private final OkrService okrs;
    private final PeopleService people;

    public OkrListeners(OkrService okrs, PeopleService people) {
        this.okrs = okrs;
        this.people = people;
    }

    public void register(CommandRouter router, App app) {
        router.add(new OkrCommand(okrs));
        app.viewSubmission(KeyResultForm.CALLBACK_ID, this::submit);
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
            long id = okrs.addKeyResult(actor, objectiveId, read.draft().get());
            String objective = okrs.objective(teamId, objectiveId).orElseThrow().objective().title();
            return ctx.ack(r -> r.responseAction("update").view(KeyResultForm.added(objective, id)));
        } catch (UserError e) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of("kpi", e.getMessage())));
        }
    }
}
