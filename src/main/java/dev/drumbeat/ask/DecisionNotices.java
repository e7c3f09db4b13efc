package dev.drumbeat.ask;

import dev.drumbeat.ask.decision.DecisionDao;
import dev.drumbeat.ask.decision.DecisionNotifier;
import dev.drumbeat.ask.decision.DecisionService;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Tells owners, by direct message through the outbox, that a decision deprioritised their services or initiatives,
 * and again when it is undone: one message per owner per decision, queued in the decision's transaction. An undo
 * also updates the channel messages that showed the decision as recorded.
 */
public final class DecisionNotices implements DecisionNotifier {
    private final Outbox outbox;
    private final Money money;
    private final AskViews views;

    public DecisionNotices(Outbox outbox, Money money) {
        this.outbox = outbox;
        this.money = money;
        this.views = new AskViews(money);
    }

    @Override
    public void decided(Handle handle, DecisionService.Recorded recorded) {
        DecisionDao.Decision d = recorded.decision();
        byOwner(recorded.items()).forEach((owner, items) -> {
            String text = ":pushpin: " + Mentions.mention(d.decidedBy()) + " recorded decision #" + d.id()
                    + " to deprioritise " + names(items) + ", saving " + money.format(saving(items))
                    + " a month. It came"
                    + " from the question “" + SlackBlocks.escape(SlackBlocks.clip(d.question(), 300)) + "”. Nothing"
                    + " is switched off by Drumbeat; talk to " + Mentions.mention(d.decidedBy()) + " about winding it"
                    + " down, or if this looks wrong. `/drumbeat decisions` shows it.";
            post(handle, d, "decided", owner, text);
        });
    }

    @Override
    public void undone(Handle handle, DecisionService.Recorded recorded) {
        DecisionDao.Decision d = recorded.decision();
        String by = Mentions.mention(d.undoneBy().orElse(d.decidedBy()));
        byOwner(recorded.items())
                .forEach((owner, items) -> post(
                        handle,
                        d,
                        "undone",
                        owner,
                        ":leftwards_arrow_with_hook: " + by + " undid decision #" + d.id() + ": " + names(items)
                                + (items.size() == 1 ? " is" : " are") + " no longer deprioritised."));
        showUndone(handle, d);
    }

    /** Messages that showed the decision as recorded now say it was undone, and offer Record decision again. */
    private void showUndone(Handle handle, DecisionDao.Decision d) {
        Optional<AskDao.StoredAsk> ask =
                d.askId().flatMap(id -> handle.attach(AskDao.class).find(d.teamId(), id));
        if (ask.isEmpty()) {
            return;
        }
        for (DecisionDao.Message m : handle.attach(DecisionDao.class).findMessages(d.teamId(), d.id())) {
            outbox.enqueue(
                    handle,
                    AskPosts.update(
                            d.teamId(),
                            "decision:" + d.id() + ":undone:" + m.channel() + ":" + m.ts(),
                            m.channel(),
                            m.ts(),
                            views.undone(ask.get(), d)));
        }
    }

    private void post(Handle handle, DecisionDao.Decision d, String what, String owner, String text) {
        outbox.enqueue(
                handle,
                OutboxMessage.post(
                        d.teamId(),
                        "decision:" + d.id() + ":" + what + ":" + owner,
                        owner,
                        Map.of("text", text, "blocks", BlockJson.values(List.of(SlackBlocks.markdown(text))))));
    }

    private static Map<String, List<DecisionDao.Item>> byOwner(List<DecisionDao.Item> items) {
        Map<String, List<DecisionDao.Item>> byOwner = new LinkedHashMap<>();
        items.forEach(i -> i.ownerId()
                .ifPresent(
                        o -> byOwner.computeIfAbsent(o, x -> new ArrayList<>()).add(i)));
        return byOwner;
    }

    private static String names(List<DecisionDao.Item> items) {
        List<String> names = items.stream()
                .map(i -> "*" + SlackBlocks.escape(i.name()) + "*")
                .toList();
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private BigDecimal saving(List<DecisionDao.Item> items) {
        return items.stream().map(DecisionDao.Item::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
