package dev.drumbeat.measure;

import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** `/drumbeat sources`: every measured KPI and demand of the workspace with its query and last result (admins). */
final class SourcesCommand implements Subcommand {
    private final Measures measures;
    private final Jdbi jdbi;

    SourcesCommand(Measures measures, Jdbi jdbi) {
        this.measures = measures;
        this.jdbi = jdbi;
    }

    @Override
    public String name() {
        return "sources";
    }

    @Override
    public String usage() {
        return "sources";
    }

    @Override
    public String summary() {
        return "every KPI and demand measured from Prometheus, with its query and last result (admins)";
    }

    @Override
    public Reply handle(CommandRequest request) {
        if (!request.actor().isAdmin()) {
            throw new UserError("Sorry, only a Drumbeat admin can list every measured source. Ask an admin, or bind"
                    + " your own service's KPIs with `/drumbeat kpi bind`.");
        }
        String teamId = request.actor().teamId();
        Map<Long, String> units = jdbi.withHandle(handle -> new MeasureUnitsDao(handle).ofTeam(teamId));
        return SourcesViews.sources(measures.sources(teamId), units, measures.configured());
    }
}
