package dev.drumbeat.sandbox.standin;

import java.time.Clock;

/**
 * The state of the stand-in's workspace, built in one place: conversations, views, trigger ids, people and
 * injected failures. Each part is thread-safe on its own.
 */
record SlackStandInWorkspace(SlackStandInConversations conversations, SlackStandInViewStore views,
        SlackStandInTriggers triggers, SlackStandInUsers users, SlackStandInFaults faults,
        Clock clock) {

    SlackStandInWorkspace(Clock clock) {
        this(new SlackStandInConversations(clock), new SlackStandInViewStore(clock), new SlackStandInTriggers(clock),
                new SlackStandInUsers(), new SlackStandInFaults(), clock);
    }

    SlackStandInMethods methods(SlackContractCheck contract) {
        return new SlackStandInMethods(faults, contract, new SlackStandInChat(conversations, users),
                new SlackStandInViews(views, triggers), new SlackStandInPeople(users, clock));
    }
}
