package dev.drumbeat.ask;

import dev.drumbeat.catalog.Money;

/** The sentences that confirm a decision recorded or undone, the same from a button and from a command. */
final class DecisionReplies {
    private DecisionReplies() {
    }

    static String recorded(DecisionService.Recorded recorded, Money money) {
        DecisionDao.Decision d = recorded.decision();
        return ":pushpin: Recorded decision #" + d.id() + ": " + AdviceViews.count(recorded.items().size(), "item")
                + " deprioritised, saving " + money.format(d.expectedSaving()) + " a month. Owners were told by direct"
                + " message, and answers from now on leave "
                + (recorded.items().size() == 1 ? "it" : "them") + " out. `/drumbeat decisions undo " + d.id()
                + "` takes it back.";
    }

    static String undone(DecisionService.Recorded undone) {
        DecisionDao.Decision d = undone.decision();
        return ":leftwards_arrow_with_hook: Undid decision #" + d.id() + ": "
                + AdviceViews.count(undone.items().size(), "item") + " no longer deprioritised, and owners were told.";
    }
}
