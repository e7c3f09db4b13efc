package dev.drumbeat.home;

import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.checkin.CheckInService;
import dev.drumbeat.escalation.EscalationService;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.okr.OkrHome;

/** The App Home tab: a person's services, pending check-ins, escalations and key results; health for leadership. */
public final class HomeFeature implements Feature {
    private final Shared shared;
    private final HomeService home;

    public HomeFeature(
            Shared shared,
            CatalogService catalog,
            CheckInService checkIns,
            EscalationService escalations,
            OkrHome keyResults) {
        this.shared = shared;
        this.home = new HomeService(catalog, checkIns, escalations, keyResults);
    }

    @Override
    public void contribute(Contributions contributions) {
        new HomeListeners(home, shared.money(), shared.jdbi(), shared.outbox()).register(contributions.interactions());
    }
}
