package dev.drumbeat.escalation;

import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.catalog.OwnerGiven;
import dev.drumbeat.escalation.settings.EscalationSettingsSection;
import dev.drumbeat.escalation.settings.EscalationSettingsService;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.people.Deactivations;
import dev.drumbeat.people.PeopleService;
import java.time.Duration;

/**
 * Escalations: the sweep that finds stale, ownerless, red and off-target items, cost drift, unallocated spend and
 * measured KPIs whose queries keep failing, and climbs the ladder, the daily check of owners still in Slack, the escalation buttons and forms, and `/drumbeat
 * escalations` and its settings.
 */
public final class EscalationFeature implements Feature {
    private final Shared shared;
    private final PeopleService people;
    private final EscalationService escalations;
    private final EscalationJobTrigger sweepSoon;
    private final EscalationListeners listeners;

    public EscalationFeature(Shared shared, PeopleService people) {
        this.shared = shared;
        this.people = people;
        this.escalations = new EscalationService(
                shared.jdbi(),
                shared.outbox(),
                shared.config().leadershipChannel(),
                new EscalationServiceRules(shared.periods(), shared.money()),
                shared.clock());
        this.sweepSoon = new EscalationJobTrigger(escalations);
        // CatalogService holds no state, so escalation's buttons read service cards through their own
        this.listeners = new EscalationListeners(
                escalations, shared.audit(), new CatalogService(shared.jdbi(), shared.audit()), people, shared.money());
    }

    public EscalationService service() {
        return escalations;
    }

    /** Closes a service's ownerless escalation as soon as it is given an owner. */
    public OwnerGiven ownerGiven() {
        return listeners;
    }

    /** Sweeps a workspace soon after someone in it was deactivated. */
    public Deactivations deactivations() {
        return sweepSoon;
    }

    @Override
    public void contribute(Contributions contributions) {
        listeners.register(contributions.commands(), contributions.interactions());
        contributions.settings(
                new EscalationSettingsSection(new EscalationSettingsService(shared.jdbi(), shared.audit())));
        contributions.running(sweepSoon);
        contributions.deadLetters(new EscalationChannelRefusals(
                shared.jdbi(), shared.outbox(), shared.config().leadershipChannel(), shared.clock()));
        contributions.job(
                EscalationJob.NAME, EscalationJob.class, () -> new EscalationJob(escalations), Duration.ofMinutes(15));
        OwnerCheck ownerCheck = new OwnerCheck(
                shared.jdbi(), shared.slack(), shared.config().botToken(), people, escalations, OwnerCheck.PACE);
        contributions.job(
                OwnerCheckJob.NAME, OwnerCheckJob.class, () -> new OwnerCheckJob(ownerCheck), Duration.ofDays(1));
    }
}
