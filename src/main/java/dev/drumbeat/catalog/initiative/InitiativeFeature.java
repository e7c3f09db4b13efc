package dev.drumbeat.catalog.initiative;

import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.people.PeopleService;

/** Initiatives: projects such as a cloud migration, with budget, due date, status and the services they rely on. */
public final class InitiativeFeature implements Feature {
    private final Shared shared;
    private final PeopleService people;
    private final CatalogService catalog;

    public InitiativeFeature(Shared shared, PeopleService people, CatalogService catalog) {
        this.shared = shared;
        this.people = people;
        this.catalog = catalog;
    }

    @Override
    public void contribute(Contributions contributions) {
        InitiativeService initiatives = new InitiativeService(shared.jdbi(), shared.audit(), shared.clock());
        new InitiativeListeners(initiatives, catalog, people, shared.money())
                .register(contributions.commands(), contributions.interactions());
    }
}
