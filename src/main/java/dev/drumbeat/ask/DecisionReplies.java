package dev.drumbeat.ask;

import dev.drumbeat.ask.decision.DecisionDao;
import dev.drumbeat.ask.decision.DecisionService;
import dev.drumbeat.core.Money;
import java.util.Optional;

/** The sentences that confirm a decision recorded or undone, the same from a button and from a command. */
public final class DecisionReplies {
    private DecisionReplies() {}

    public static String recorded(DecisionService.Recorded recorded, Money money) {
        DecisionDao.Decision d = recorded.decision();
        return ":pushpin: Recorded decision #" + d.id() + ": "
                + AdviceViews.count(recorded.items().size(), "item")
                + " deprioritised, saving " + money.format(d.expectedSaving()) + " a month. " + ownersTold(recorded)
                + "Answers from now on leave " + (recorded.items().size() == 1 ? "it" : "them")
                + " out. `/drumbeat decisions undo " + d.id()
                + "` takes it back.";
    }

    public static String undone(DecisionService.Recorded undone) {
        DecisionDao.Decision d = undone.decision();
        return ":leftwards_arrow_with_hook: Undid decision #" + d.id() + ": "
                + AdviceViews.count(undone.items().size(), "item") + " no longer deprioritised. " + ownersTold(undone);
    }

    private static String ownersTold(DecisionService.Recorded recorded) {
        long owners = recorded.items().stream()
                .map(DecisionDao.Item::ownerId)
                .flatMap(Optional::stream)
                .distinct()
                .count();
        return owners == 0
                ? "Nobody owns them, so nobody was told. "
                : (owners == 1 ? "Their owner was" : "Their " + owners + " owners were") + " told by direct message. ";
    }
}
