package dev.drumbeat.catalog;

import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.util.Locale;

/** `/drumbeat service add` and `/drumbeat service edit <service>`: open the service modal. */
final class ServiceCommand implements Subcommand {
    private final CatalogService catalog;
    private final ServiceLookup lookup;
    private final ServiceMeasures measures;

    ServiceCommand(CatalogService catalog, ServiceLookup lookup, ServiceMeasures measures) {
        this.catalog = catalog;
        this.lookup = lookup;
        this.measures = measures;
    }

    @Override
    public String name() {
        return "service";
    }

    @Override
    public String usage() {
        return "service add | service edit <service>";
    }

    @Override
    public String summary() {
        return "add a service (admins) or edit one you own, in a form";
    }

    @Override
    public Reply handle(CommandRequest request) {
        String[] words = request.args().split("\\s+", 2);
        String action = words[0].toLowerCase(Locale.ROOT);
        if (action.equals("add") || action.equals("new")) {
            if (!request.actor().isAdmin()) {
                throw new UserError("Only a Drumbeat admin can add services. Ask an admin, or import a catalog CSV.");
            }
            request.modals().open(ServiceForm.add());
            return Reply.none();
        }
        if (action.equals("edit")) {
            String teamId = request.actor().teamId();
            String key = lookup.keyFor(teamId, words.length > 1 ? words[1] : "", "service edit <service>");
            Service service = catalog.find(teamId, key).orElseThrow();
            CatalogService.requireEditable(request.actor(), service);
            request.modals().open(ServiceForm.edit(service, MeasuredBy.write(measures.current(service.id()))));
            return Reply.none();
        }
        throw new UserError("Use `/drumbeat service add` or `/drumbeat service edit &lt;service&gt;`.");
    }
}
