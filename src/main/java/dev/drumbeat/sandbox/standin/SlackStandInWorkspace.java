package dev.drumbeat.sandbox.standin;

import java.time.Clock;

/**
 * The state of the stand-in's workspace, built in one place: conversations, views, trigger ids, people and
 * injected failures. Each part is thread-safe on its own.
 */
record SlackStandInWorkspace(
        SlackStandInConversations conversations,
        SlackStandInViewStore views,
        SlackStandInTriggers triggers,
        SlackStandInUsers users,
        SlackStandInFaults faults,
        Clock clock) {

    SlackStandInWorkspace(Clock clock) {
        this(
                new SlackStandInConversations(clock),
                new SlackStandInViewStore(clock),
                new SlackStandInTriggers(clock),
                new SlackStandInUsers(),
                new SlackStandInFaults(),
                clock);
    }

    /** Empties every part; sequences (timestamps, view ids) go on. */
    void reset() {
        conversations.clear();
        views.clear();
        triggers.clear();
        users.clear();
        faults.clear();
    }

    SlackStandInMethods methods(SlackContractCheck contract) {
        return new SlackStandInMethods(
                faults,
                contract,
                new SlackStandInChat(conversations, users),
                new SlackStandInViews(views, triggers),
                new SlackStandInPeople(users, clock),
                new SlackStandInHistoryMethods(conversations, contract));
    }
}
