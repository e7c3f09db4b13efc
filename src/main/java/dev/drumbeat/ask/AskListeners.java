package dev.drumbeat.ask;

import com.slack.api.model.event.AppMentionEvent;
import dev.drumbeat.ask.decision.DecisionService;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.Click;
import dev.drumbeat.slack.ClickAnswer;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Interactions;
import dev.drumbeat.slack.Notice;
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
    private static final Notice NOTICE = new Notice("ask-notice", "Drumbeat");
    private final AskService asks;
    private final AskPosts posts;
    private final DecisionService decisions;
    private final AskViews views;
    private final Money money;
    private final ResponseUrls responseUrls;

    public AskListeners(
            AskService asks, AskPosts posts, DecisionService decisions, Money money, ResponseUrls responseUrls) {
        this.responseUrls = responseUrls;
        this.asks = asks;
        this.posts = posts;
        this.decisions = decisions;
        this.views = new AskViews(money);
        this.money = money;
    }

    public void register(CommandRouter router, Interactions interactions) {
        router.add(new AskCommand(asks, views)).add(new DecisionsCommand(decisions, views));
        interactions.event(AppMentionEvent.class, AskListeners::asker, this::mentioned, this::tellInThread);
        interactions.blockAction(AskViews.SHARE, NOTICE, withId(this::share));
        interactions.blockAction(AskViews.RECORD, NOTICE, withId(this::record));
        interactions.blockAction(AskViews.AS_READ, NOTICE, withId(this::asRead));
        interactions.blockAction(Pattern.compile("^" + AskViews.UNDO + ":\\d+$"), NOTICE, withId(this::undo));
    }

    /** Who mentioned Drumbeat; nobody when a bot did, so bots never talk to each other here. */
    private static Optional<String> asker(AppMentionEvent event) {
        boolean fromBot = event.getBotId() != null && !event.getBotId().isBlank();
        return fromBot ? Optional.empty() : Optional.ofNullable(event.getUser());
    }

    private void mentioned(Actor actor, AppMentionEvent event) {
        posts.answerInThread(
                asks.ask(actor, Optional.ofNullable(event.getText()).orElse(""), event.getChannel()),
                actor,
                event.getChannel(),
                thread(event));
    }

    private void tellInThread(String teamId, AppMentionEvent event, String sentence) {
        posts.tellInThread(teamId, event.getUser(), event.getChannel(), thread(event), sentence);
    }

    private static String thread(AppMentionEvent event) {
        return Optional.ofNullable(event.getThreadTs()).orElse(event.getTs());
    }

    /** What a button does with the clicked id. */
    private interface Button {
        ClickAnswer press(Actor actor, long id, Click click);
    }

    private ClickAnswer share(Actor actor, long askId, Click click) {
        AskDao.StoredAsk ask = stored(actor, askId);
        if (!ask.askedBy().equals(actor.userId())) {
            throw new UserError(
                    "Only the person who asked can share this answer. Ask the question yourself to share it.");
        }
        boolean posted = posts.share(ask, actor, click.channelId().orElseThrow());
        return posted ? ClickAnswer.none() : ClickAnswer.say("That answer is already shared in this conversation.");
    }

    /**
     * "Answer without it" on a question asked back: the answer as read replaces the question, privately or in the
     * thread it was asked in.
     */
    private ClickAnswer asRead(Actor actor, long askId, Click click) {
        AskService.Asked asked = asks.askAsRead(actor, askId, click.channelId().orElse(""));
        boolean inPrivate = click.message().map(Click.Message::ephemeral).orElse(true);
        Map<String, Object> message = inPrivate
                ? Map.of("text", asked.answer().fallback(), "blocks", BlockJson.values(views.privately(asked, actor)))
                : views.inThread(asked.stored());
        responseUrls.replace(click.responseUrl(), message);
        return ClickAnswer.none();
    }

    private ClickAnswer record(Actor actor, long askId, Click click) {
        AskDao.StoredAsk ask = stored(actor, askId);
        DecisionService.Recorded recorded = decisions.record(actor, ask.proposal());
        click.message()
                .filter(message -> !message.ephemeral())
                .ifPresent(message -> posts.markRecorded(ask, recorded.decision(), message.channelId(), message.ts()));
        replacePrivate(click, views.privatelyRecorded(ask, recorded.decision()));
        return ClickAnswer.say(DecisionReplies.recorded(recorded, money));
    }

    /** A private answer whose button did its work is redrawn without it, so it can't be pressed to no purpose. */
    private void replacePrivate(Click click, Map<String, Object> message) {
        if (click.message().filter(Click.Message::ephemeral).isPresent()) {
            responseUrls.replace(click.responseUrl(), message);
        }
    }

    private ClickAnswer undo(Actor actor, long decisionId, Click click) {
        return ClickAnswer.say(DecisionReplies.undone(decisions.undo(actor, decisionId)));
    }

    private AskDao.StoredAsk stored(Actor actor, long askId) {
        return asks.find(actor.teamId(), askId)
                .orElseThrow(() -> new UserError("That answer is no longer kept. Ask the question again."));
    }

    private static Interactions.ActionHandler withId(Button button) {
        return (actor, click) -> click.id()
                .map(id -> button.press(actor, id, click))
                .orElseGet(() -> {
                    log.warn("ask button {} without an id", click.actionId());
                    return ClickAnswer.none();
                });
    }
}
