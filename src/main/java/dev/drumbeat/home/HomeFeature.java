package dev.drumbeat.home;

import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.checkin.CheckInService;
import dev.drumbeat.checkin.HomeRedraw;
import dev.drumbeat.escalation.EscalationService;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.okr.OkrHome;

/** The App Home tab: a person's services, pending check-ins, escalations and key results; health for leadership. */
public final class HomeFeature implements Feature {
    private final HomeListeners listeners;

    public HomeFeature(
            Shared shared,
            CatalogService catalog,
            CheckInService checkIns,
            EscalationService escalations,
            OkrHome keyResults) {
        this.listeners = new HomeListeners(
                new HomeService(catalog, checkIns, escalations, keyResults),
                shared.money(),
                shared.jdbi(),
                shared.outbox());
    }

    /** Draws a person's Home tab again, for the check-ins made from it. */
    public HomeRedraw redraw() {
        return listeners;
    }

    @Override
    public void contribute(Contributions contributions) {
        listeners.register(contributions.interactions());
    }
}
