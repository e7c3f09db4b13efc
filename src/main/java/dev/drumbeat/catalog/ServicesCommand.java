package dev.drumbeat.catalog;

import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;

/** `/drumbeat services [filter]`: the catalog at a glance. */
final class ServicesCommand implements Subcommand {
    private final CatalogService catalog;
    private final CatalogViews views;

    ServicesCommand(CatalogService catalog, CatalogViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    @Override
    public String name() {
        return "services";
    }

    @Override
    public String usage() {
        return "services [filter]";
    }

    @Override
    public String summary() {
        return "list services with tier, owner, status and unit cost; filter by tier, `mine`, `ownerless`, `red` or words";
    }

    @Override
    public Reply handle(CommandRequest request) {
        return views.serviceList(
                catalog.list(
                        request.actor().teamId(),
                        request.args(),
                        request.actor().userId()),
                request.args());
    }
}
