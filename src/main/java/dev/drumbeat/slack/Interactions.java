package dev.drumbeat.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.Event;
import com.slack.api.model.view.View;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Actors;
import dev.drumbeat.core.FieldError;
import dev.drumbeat.core.StorableText;
import dev.drumbeat.core.UserError;
import dev.drumbeat.db.DatabaseOutage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one boundary for Slack interactions (buttons, modal submissions, events), as {@link CommandRouter} is for
 * `/drumbeat`. Features declare their handlers here and keep to their logic: for each interaction the actor is
 * resolved once and handed over, a {@link UserError} becomes the person's sentence where they are looking (the
 * feature's notice for a click, an error under a field for a submission, the event's reply), and anything unexpected
 * becomes one logged reference and {@link Failures#sentence}: never an HTTP 500, never a stack trace. An unreachable
 * database ({@link DatabaseOutage}) is {@link Failures#DATABASE_UNAVAILABLE} for a click or a submission, and for an
 * event a 503, so that Slack sends it again; every other interaction is acknowledged. Register before serving;
 * thread-safe after that.
 */
public final class Interactions {
    private static final Logger log = LoggerFactory.getLogger(Interactions.class);
    private final App app;
    private final Actors actors;

    public Interactions(App app, Actors actors) {
        this.app = app;
        this.actors = actors;
    }

    /** What a click does; the answer is opened on the click's trigger, after the work. */
    @FunctionalInterface
    public interface ActionHandler {
        ClickAnswer handle(Actor actor, Click click);
    }

    /** What a modal's submission does; the modal turns into the view returned. Refusals are thrown. */
    @FunctionalInterface
    public interface SubmissionHandler {
        View submit(Actor actor, Submission submission);
    }

    /** What Drumbeat does when someone does something it hears of, such as mentioning it. */
    @FunctionalInterface
    public interface EventHandler<E extends Event> {
        void hear(Actor actor, E event);
    }

    /** Tells the person behind an event a sentence, where the event happened. */
    @FunctionalInterface
    public interface EventReply<E extends Event> {
        void tell(String teamId, E event, String sentence);
    }

    /** What Drumbeat does when Slack tells it about the workspace, with no one acting (a profile changed). */
    @FunctionalInterface
    public interface WorkspaceEventHandler<E extends Event> {
        void hear(String teamId, E event);
    }

    /** Clicks on the element {@code actionId}; a sentence for the clicker opens as {@code notice}. */
    public void blockAction(String actionId, Notice notice, ActionHandler handler) {
        app.blockAction(actionId, (request, ctx) -> click(request.getPayload(), ctx, notice, handler));
    }

    /** Clicks on every element whose action id matches {@code actionIds}. */
    public void blockAction(Pattern actionIds, Notice notice, ActionHandler handler) {
        app.blockAction(actionIds, (request, ctx) -> click(request.getPayload(), ctx, notice, handler));
    }

    /** Clicks that need only the acknowledgement, such as a link button's (Slack warns when nobody answers them). */
    public void acknowledge(String actionId) {
        app.blockAction(actionId, (request, ctx) -> ctx.ack());
    }

    /**
     * Submissions of the modal {@code callbackId}. A {@link FieldError} shows under its fields; any other refusal, and
     * the sentence for a failure, under {@code refusalField}.
     */
    public void viewSubmission(String callbackId, String refusalField, SubmissionHandler handler) {
        viewSubmission(callbackId, submission -> refusalField, handler);
    }

    /** As above, for a modal whose refusals belong under a field that depends on the submission. */
    public void viewSubmission(
            String callbackId, Function<Submission, String> refusalField, SubmissionHandler handler) {
        app.viewSubmission(callbackId, (request, ctx) -> submit(request.getPayload(), ctx, refusalField, handler));
    }

    /** Events someone does; {@code person} names them, or is empty for an event Drumbeat leaves alone. Refusals are dropped. */
    public <E extends Event> void event(Class<E> type, Function<E, Optional<String>> person, EventHandler<E> handler) {
        event(type, person, handler, (teamId, event, sentence) -> {});
    }

    /** As above, with {@code reply} telling the person a refusal, or the sentence for a failure. */
    public <E extends Event> void event(
            Class<E> type, Function<E, Optional<String>> person, EventHandler<E> handler, EventReply<E> reply) {
        app.event(type, (payload, ctx) -> {
            person.apply(payload.getEvent()).ifPresent(userId -> hear(payload, userId, handler, reply));
            return ctx.ack();
        });
    }

    /** Events about the workspace, where no one acts, so there is no one to tell: a failure is only logged. */
    public <E extends Event> void event(Class<E> type, WorkspaceEventHandler<E> handler) {
        app.event(type, (payload, ctx) -> {
            attempt(
                    payload.getEvent().getType() + " event",
                    () -> handler.hear(payload.getTeamId(), payload.getEvent()));
            return ctx.ack();
        });
    }

    private Response click(BlockActionPayload payload, ActionContext ctx, Notice notice, ActionHandler handler) {
        Click click = Click.of(payload);
        ClickAnswer answer = guarded(
                "block action " + click.actionId(),
                () -> handler.handle(
                        actors.actorFor(
                                payload.getTeam().getId(),
                                payload.getUser().getId(),
                                payload.getUser().getUsername()),
                        click),
                refused -> ClickAnswer.say(refused.getMessage()),
                ClickAnswer::say,
                unreachable -> ClickAnswer.say(Failures.DATABASE_UNAVAILABLE));
        answer.modal(notice).ifPresent(view -> Modals.open(ctx.client(), payload.getTriggerId(), view));
        return ctx.ack();
    }

    private Response submit(
            ViewSubmissionPayload payload,
            ViewSubmissionContext ctx,
            Function<Submission, String> refusalField,
            SubmissionHandler handler) {
        Submission submission = Submission.of(payload);
        Map<String, String> unstorable = unstorable(submission);
        if (!unstorable.isEmpty()) {
            return errors(ctx, unstorable);
        }
        return guarded(
                "view submission " + payload.getView().getCallbackId(),
                () -> {
                    View next = handler.submit(
                            actors.actorFor(
                                    payload.getTeam().getId(),
                                    payload.getUser().getId(),
                                    payload.getUser().getUsername()),
                            submission);
                    return ctx.ack(r -> r.responseAction("update").view(next));
                },
                refused -> errors(
                        ctx,
                        refused instanceof FieldError field
                                ? field.errors()
                                : Map.of(refusalField.apply(submission), refused.getMessage())),
                sentence -> errors(ctx, Map.of(refusalField.apply(submission), sentence)),
                unreachable -> errors(ctx, Map.of(refusalField.apply(submission), Failures.DATABASE_UNAVAILABLE)));
    }

    private <E extends Event> void hear(
            EventsApiPayload<E> payload, String userId, EventHandler<E> handler, EventReply<E> reply) {
        E event = payload.getEvent();
        attempt(
                        event.getType() + " event",
                        () -> handler.hear(actors.actorFromEvent(payload.getTeamId(), userId), event))
                .ifPresent(sentence -> reply.tell(payload.getTeamId(), event, sentence));
    }

    /** An error under every field whose typed text holds a character that can't be stored. */
    private static Map<String, String> unstorable(Submission submission) {
        Map<String, String> errors = new LinkedHashMap<>();
        submission
                .values()
                .forEach((blockId, actions) -> actions.values().stream()
                        .filter(value -> StorableText.hasNul(value.getValue()))
                        .findFirst()
                        .ifPresent(value -> errors.put(blockId, "This field " + StorableText.NUL_SENTENCE)));
        return errors;
    }

    private static Response errors(ViewSubmissionContext ctx, Map<String, String> errors) {
        return ctx.ack(r -> r.responseAction("errors").errors(errors));
    }

    /**
     * Does {@code work}; the sentence for the person when it refused or failed. An unreachable database is thrown on,
     * so the event is answered 503 and Slack sends it again later.
     */
    private static Optional<String> attempt(String what, Runnable work) {
        return guarded(
                what,
                () -> {
                    work.run();
                    return Optional.empty();
                },
                refused -> Optional.of(refused.getMessage()),
                Optional::of,
                unreachable -> {
                    throw unreachable;
                });
    }

    /**
     * The one place an interaction's errors are caught: {@code work}'s answer; or, when it refuses, {@code refused}'s;
     * or, when the database could not be reached, {@code unavailable}'s; or, when it fails otherwise, {@code failed}'s
     * answer to the sentence carrying the reference logged with the failure.
     */
    private static <T> T guarded(
            String what,
            Supplier<T> work,
            Function<UserError, T> refused,
            Function<String, T> failed,
            Function<RuntimeException, T> unavailable) {
        try {
            return work.get();
        } catch (UserError e) {
            return refused.apply(e);
        } catch (RuntimeException e) {
            if (DatabaseOutage.explains(e)) {
                log.warn("{} found the database unavailable: {}", what, DatabaseOutage.reason(e));
                return unavailable.apply(e);
            }
            String reference = Failures.reference();
            log.error("{} failed (reference {})", what, reference, e);
            return failed.apply(Failures.sentence(reference));
        }
    }
}
