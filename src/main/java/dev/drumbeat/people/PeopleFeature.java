package dev.drumbeat.people;

import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import java.time.Duration;

/** People: `whoami`, `away` and `back`, Slack's word that someone left, and the hourly sync of names and zones. */
public final class PeopleFeature implements Feature {
    private final Shared shared;
    private final PeopleService people;
    private final OwnedServices ownedServices;
    private final Deactivations deactivations;

    public PeopleFeature(
            Shared shared, PeopleService people, OwnedServices ownedServices, Deactivations deactivations) {
        this.shared = shared;
        this.people = people;
        this.ownedServices = ownedServices;
        this.deactivations = deactivations;
    }

    @Override
    public void contribute(Contributions contributions) {
        new PeopleListeners(people, ownedServices, deactivations)
                .register(contributions.commands(), contributions.interactions());
        AwayService away = new AwayService(shared.jdbi(), people, shared.audit(), shared.periods(), shared.clock());
        contributions.command(new AwayCommand(away)).command(new AwayBackCommand(away));
        PeopleSync sync = new PeopleSync(shared.slack(), shared.config().botToken(), shared.jdbi());
        contributions.job(PeopleSyncJob.NAME, PeopleSyncJob.class, () -> new PeopleSyncJob(sync), Duration.ofHours(1));
    }
}
