package dev.drumbeat.ask;

import dev.drumbeat.ask.decision.DecisionService;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import dev.drumbeat.core.UserError;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Actor;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Failures;
import dev.drumbeat.slack.Modals;
import dev.drumbeat.slack.ResponseUrls;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asking's Slack surface: `/drumbeat ask` and `/drumbeat decisions`, `@Drumbeat …` answered in a thread, and the
 * Share, Record decision and Undo buttons. A button that cannot do what was asked opens a small modal saying why.
 */
public final class AskListeners {
    private static final Logger log = LoggerFactory.getLogger(AskListeners.class);
    private final AskService asks;
    private final AskPosts posts;
    private final DecisionService decisions;
    private final PeopleService people;
    private final AskViews views;
    private final Money money;
    private final ResponseUrls responseUrls;

    public AskListeners(AskService asks, AskPosts posts, DecisionService decisions, PeopleService people, Money money,
                        ResponseUrls responseUrls) {
        this.responseUrls = responseUrls;
        this.asks = asks;
        this.posts = posts;
        this.decisions = decisions;
        this.people = people;
        this.views = new AskViews(money);
        this.money = money;
    }

    public void register(CommandRouter router, App app) {
        router.add(new AskCommand(asks, views)).add(new DecisionsCommand(decisions, views));
        app.event(AppMentionEvent.class, this::mentioned);
        app.blockAction(AskViews.SHARE, (req, ctx) -> click(req, ctx, this::share));
        app.blockAction(AskViews.RECORD, (req, ctx) -> click(req, ctx, this::record));
        app.blockAction(Pattern.compile("^" + AskViews.UNDO + ":\\d+$"), (req, ctx) -> click(req, ctx, this::undo));
    }

    private Response mentioned(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent event = payload.getEvent();
        if (event.getUser() == null || (event.getBotId() != null && !event.getBotId().isBlank())) {
            return ctx.ack();
        }
        String thread = Optional.ofNullable(event.getThreadTs()).orElse(event.getTs());
        try {
            Actor actor = people.actorFromEvent(payload.getTeamId(), event.getUser());
            posts.answerInThread(asks.ask(actor, Optional.ofNullable(event.getText()).orElse(""), event.getChannel()),
                    actor, event.getChannel(), thread);
        } catch (UserError e) {
            posts.tellInThread(payload.getTeamId(), event.getUser(), event.getChannel(), thread, e.getMessage());
        } catch (RuntimeException e) {
            String reference = Failures.reference();
            log.error("answering a mention failed (reference {})", reference, e);
            posts.tellInThread(payload.getTeamId(), event.getUser(), event.getChannel(), thread,
                    Failures.sentence(reference));
        }
        return ctx.ack();
    }

    /** What a button does with the clicked id; it returns the sentence for a modal, if any. */
    private interface Button {
        Optional<String> press(Actor actor, long id, BlockActionPayload payload);
    }

    private Optional<String> share(Actor actor, long askId, BlockActionPayload payload) {
        AskDao.StoredAsk ask = stored(actor, askId);
        if (!ask.askedBy().equals(actor.userId())) {
            throw new UserError("Only the person who asked can share this answer. Ask the question yourself to share it.");
        }
        boolean posted = posts.share(ask, actor, payload.getChannel().getId());
        return posted ? Optional.empty() : Optional.of("That answer is already shared in this conversation.");
    }

    private Optional<String> record(Actor actor, long askId, BlockActionPayload payload) {
        AskDao.StoredAsk ask = stored(actor, askId);
        DecisionService.Recorded recorded = decisions.record(actor, ask.proposal());
        if (payload.getContainer() != null && !payload.getContainer().isEphemeral()) {
            posts.markRecorded(ask, recorded.decision(), payload.getContainer().getChannelId(),
                    payload.getContainer().getMessageTs());
        }
        replacePrivate(payload, views.privatelyRecorded(ask, recorded.decision()));
        return Optional.of(DecisionReplies.recorded(recorded, money));
    }

    /** A private answer whose button did its work is redrawn without it, so it can't be pressed to no purpose. */
    private void replacePrivate(BlockActionPayload payload, Map<String, Object> message) {
        if (payload.getContainer() != null && payload.getContainer().isEphemeral()) {
            responseUrls.replace(payload.getResponseUrl(), message);
        }
    }

    private Optional<String> undo(Actor actor, long decisionId, BlockActionPayload payload) {
        return Optional.of(DecisionReplies.undone(decisions.undo(actor, decisionId)));
    }

    private AskDao.StoredAsk stored(Actor actor, long askId) {
        return asks.find(actor.teamId(), askId).orElseThrow(() -> new UserError(
                "That answer is no longer kept. Ask the question again."));
    }

    private Response click(BlockActionRequest request, ActionContext ctx, Button button) {
        BlockActionPayload payload = request.getPayload();
        Optional<Long> id = payload.getActions().stream().findFirst().map(BlockActionPayload.Action::getValue)
                .filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf);
        if (id.isEmpty()) {
            log.warn("ask button without an id: {}", payload.getActions());
            return ctx.ack();
        }
        Optional<String> sentence;
        try {
            Actor actor = people.actorFor(payload.getTeam().getId(), payload.getUser().getId(), payload.getUser().getUsername());
            sentence = button.press(actor, id.get(), payload);
        } catch (UserError e) {
            sentence = Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            String reference = Failures.reference();
            log.error("ask button {} on {} failed (reference {})", payload.getActions().get(0).getActionId(), id.get(),
                    reference, e);
            sentence = Optional.of(Failures.sentence(reference));
        }
        sentence.ifPresent(s -> Modals.open(ctx.client(), payload.getTriggerId(), Modals.notice("ask-notice", "Drumbeat", s)));
        return ctx.ack();
    }
}
