package dev.drumbeat.ask;

import dev.drumbeat.ask.decision.DecisionService;
import dev.drumbeat.ask.settings.AskSettingsSection;
import dev.drumbeat.ask.settings.AskSettingsService;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.slack.ResponseUrls;

/**
 * Asking: `/drumbeat ask` and `@Drumbeat` questions answered from the database, the deprioritisation advisor,
 * shared answers, the decisions leadership records from them, and the "Answers to ask" part of `/drumbeat settings`.
 */
public final class AskFeature implements Feature {
    private final Shared shared;

    public AskFeature(Shared shared) {
        this.shared = shared;
    }

    @Override
    public void contribute(Contributions contributions) {
        ResponseUrls responseUrls = contributions.running(new ResponseUrls());
        AskSettingsService settings = new AskSettingsService(
                shared.jdbi(), shared.audit(), shared.money().currency());
        contributions.settings(new AskSettingsSection(settings, shared.money()));
        AskService asks =
                new AskService(shared.jdbi(), shared.money(), settings, contributions.commands()::find, shared.clock());
        DecisionService decisions = new DecisionService(
                shared.jdbi(), shared.audit(), new DecisionNotices(shared.outbox(), shared.money()), shared.clock());
        new AskListeners(
                        asks,
                        new AskPosts(shared.jdbi(), shared.outbox(), shared.money()),
                        decisions,
                        shared.money(),
                        responseUrls)
                .register(contributions.commands(), contributions.interactions());
        contributions.deadLetters(new AskShareFailures(shared.jdbi(), shared.outbox(), shared.clock()));
    }
}
