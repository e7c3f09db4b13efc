package dev.drumbeat.catalog;

import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.people.PeopleService;

/**
 * The catalog: services and their owners, with their commands and modals. {@code ownerGiven} hears when a service is given an owner here.
 */
public final class CatalogFeature implements Feature {
    private final Shared shared;
    private final PeopleService people;
    private final CatalogService catalog;
    private final ServiceCharts charts;
    private final OwnerGiven ownerGiven;
    private final ServiceActuals actuals;
    private final Measures measures;
    private final ServiceMeasures serviceMeasures;

    /**
     * {@code actuals} tells the card what the bills say a service cost; {@code measures}, its measured demand and the
     * queries that measured its KPIs, and binds what the service modal's "Measured by" says.
     */
    public CatalogFeature(
            Shared shared,
            PeopleService people,
            ServiceCharts charts,
            OwnerGiven ownerGiven,
            ServiceActuals actuals,
            Measures measures) {
        this.serviceMeasures = new ServiceMeasures(shared.jdbi(), shared.outbox(), measures);
        this.shared = shared;
        this.people = people;
        this.catalog = new CatalogService(shared.jdbi(), shared.audit());
        this.charts = charts;
        this.ownerGiven = ownerGiven;
        this.actuals = actuals;
        this.measures = measures;
    }

    public CatalogService service() {
        return catalog;
    }

    @Override
    public void contribute(Contributions contributions) {
        new CatalogListeners(
                        catalog,
                        people,
                        shared.money(),
                        charts,
                        ownerGiven,
                        actuals,
                        measures,
                        contributions.running(serviceMeasures))
                .register(contributions.commands(), contributions.interactions());
    }
}
