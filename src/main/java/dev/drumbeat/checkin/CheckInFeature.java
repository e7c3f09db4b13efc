package dev.drumbeat.checkin;

import dev.drumbeat.apitoken.ApiTokenGuard;
import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.checkin.readings.ReadingsRoutes;
import dev.drumbeat.checkin.readings.ReadingsService;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.people.PeopleService;

/**
 * Check-ins: the check-in modal, `/drumbeat kpi`, and the readings API that
 * machines push KPI values to. {@code confidence} is the key-result question the modal asks; {@code prompts} redraws
 * the prompt a check-in answered; {@code measures} pre-fills measured KPIs in the modal; the Home tab, built from this feature's service, is linked afterwards through
 * {@link #redrawingHome}.
 */
public final class CheckInFeature implements Feature {
    private final Shared shared;
    private final PeopleService people;
    private final CatalogService catalog;
    private final KeyResultConfidence confidence;
    private final ApiTokenGuard apiTokens;
    private final CheckInService checkIns;
    private final HomeRedraw home;
    private final Measures measures;

    public CheckInFeature(
            Shared shared,
            PeopleService people,
            CatalogService catalog,
            KeyResultConfidence confidence,
            PromptUpdates prompts,
            ApiTokenGuard apiTokens,
            Measures measures) {
        this.shared = shared;
        this.measures = measures;
        this.people = people;
        this.catalog = catalog;
        this.confidence = confidence;
        this.apiTokens = apiTokens;
        this.checkIns =
                new CheckInService(shared.jdbi(), shared.audit(), prompts, people, shared.periods(), shared.clock());
        this.home = HomeRedraw.NONE;
    }

    private CheckInFeature(CheckInFeature feature, HomeRedraw home) {
        this.shared = feature.shared;
        this.people = feature.people;
        this.catalog = feature.catalog;
        this.confidence = feature.confidence;
        this.apiTokens = feature.apiTokens;
        this.measures = feature.measures;
        this.checkIns = feature.checkIns;
        this.home = home;
    }

    /** The same feature, with the same service, also redrawing the Home tab of whoever checks in from it. */
    public CheckInFeature redrawingHome(HomeRedraw home) {
        return new CheckInFeature(this, home);
    }

    public CheckInService service() {
        return checkIns;
    }

    @Override
    public void contribute(Contributions contributions) {
        new CheckInListeners(checkIns, catalog, confidence, home, measures)
                .register(contributions.commands(), contributions.interactions());
        contributions.routes(new ReadingsRoutes(
                new ReadingsService(shared.jdbi(), shared.audit(), shared.periods(), shared.clock()), apiTokens));
    }
}
