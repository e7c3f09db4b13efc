package dev.drumbeat.catalog;

import dev.drumbeat.core.UserError;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.util.Optional;

/** `/drumbeat status <service>`: the service card. */
final class StatusCommand implements Subcommand {
    private final CatalogService catalog;
    private final ServiceLookup lookup;
    private final CatalogViews views;
    private final ServiceCharts charts;
    private final ServiceActuals actuals;
    private final Measures measures;

    StatusCommand(
            CatalogService catalog,
            ServiceLookup lookup,
            CatalogViews views,
            ServiceCharts charts,
            ServiceActuals actuals,
            Measures measures) {
        this.actuals = actuals;
        this.measures = measures;
        this.catalog = catalog;
        this.lookup = lookup;
        this.views = views;
        this.charts = charts;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "status <service>";
    }

    @Override
    public String summary() {
        return "one service: owner, unit cost × demand, what the bills say it cost and per measured unit, value,"
                + " margin, KPIs with where each reading came from, and the last check-in";
    }

    @Override
    public Reply handle(CommandRequest request) {
        String teamId = request.actor().teamId();
        String key = lookup.keyFor(teamId, request.args(), usage());
        return catalog.card(teamId, key)
                .map(card -> {
                    long serviceId = card.service().id();
                    Optional<ServiceActuals.Actual> actual = actuals.latest(teamId, serviceId);
                    return views.card(
                            card, charts.imagesFor(card), actual, MeasuredDemand.of(measures, serviceId, actual));
                })
                .orElseThrow(
                        () -> new UserError("That service was just removed. `/drumbeat services` lists them all."));
    }
}
