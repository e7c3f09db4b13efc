package dev.drumbeat.catalog;

import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;

/** `/drumbeat status <service>`: the service card. */
final class StatusCommand implements Subcommand {
    private final CatalogService catalog;
    private final ServiceLookup lookup;
    private final CatalogViews views;
    private final ServiceCharts charts;
    private final ServiceActuals actuals;

    StatusCommand(
            CatalogService catalog,
            ServiceLookup lookup,
            CatalogViews views,
            ServiceCharts charts,
            ServiceActuals actuals) {
        this.actuals = actuals;
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
        return "one service: owner, unit cost × demand, what the bills say it cost, value, margin, KPIs and the last"
                + " check-in";
    }

    @Override
    public Reply handle(CommandRequest request) {
        String teamId = request.actor().teamId();
        String key = lookup.keyFor(teamId, request.args(), usage());
        return catalog.card(teamId, key)
                .map(card -> views.card(
                        card,
                        charts.imagesFor(card),
                        actuals.latest(teamId, card.service().id())))
                .orElseThrow(
                        () -> new UserError("That service was just removed. `/drumbeat services` lists them all."));
    }
}
