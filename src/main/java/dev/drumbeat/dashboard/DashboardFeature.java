package dev.drumbeat.dashboard;

import dev.drumbeat.apitoken.ApiTokenGuard;
import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.escalation.EscalationService;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.people.PeopleService;

/** The read-only web dashboard, `/drumbeat dashboard` that opens it, and the portfolio's JSON API. */
public final class DashboardFeature implements Feature {
    private final Shared shared;
    private final PeopleService people;
    private final PortfolioService portfolio;
    private final ApiTokenGuard apiTokens;

    public DashboardFeature(
            Shared shared,
            PeopleService people,
            CatalogService catalog,
            EscalationService escalations,
            ApiTokenGuard apiTokens) {
        this.shared = shared;
        this.people = people;
        this.portfolio = new PortfolioService(catalog, escalations, shared.jdbi(), shared.clock());
        this.apiTokens = apiTokens;
    }

    @Override
    public void contribute(Contributions contributions) {
        DashboardAccess access = new DashboardAccess(shared.jdbi(), people, shared.clock());
        var config = shared.config();
        new DashboardListeners(access, config.publicUrl())
                .register(contributions.commands(), contributions.interactions());
        contributions.routes(new DashboardRoutes(
                access,
                portfolio,
                DashboardCharts.signed(config.signingSecret(), config.publicUrl(), shared.clock()),
                config.currency(),
                config.publicUrl()));
        contributions.routes(new DashboardApiRoutes(portfolio, apiTokens, config.currency()));
    }
}
