package dev.drumbeat.catalog.initiative;

import dev.drumbeat.core.ServiceMatcher;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.Subcommand;
import java.util.Locale;

/** `/drumbeat initiative add` and `/drumbeat initiative edit <initiative>`: open the initiative modal. */
final class InitiativeCommand implements Subcommand {
    private static final String USAGE = "initiative add | initiative edit <initiative>";
    private final InitiativeService initiatives;

    InitiativeCommand(InitiativeService initiatives) {
        this.initiatives = initiatives;
    }

    @Override
    public String name() {
        return "initiative";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "add an initiative (admins) or edit one you own: budget, slip cost, due date, the services it relies on";
    }

    @Override
    public Reply handle(CommandRequest request) {
        String[] words = request.args().split("\\s+", 2);
        String action = words[0].toLowerCase(Locale.ROOT);
        if (action.equals("add") || action.equals("new")) {
            if (!request.actor().isAdmin()) {
                throw new UserError("Only a Drumbeat admin can add initiatives. Ask an admin.");
            }
            request.modals().open(InitiativeForm.add());
            return Reply.none();
        }
        if (action.equals("edit") && words.length > 1) {
            Initiative initiative = initiatives
                    .find(request.actor().teamId(), keyFor(request, words[1]))
                    .orElseThrow();
            InitiativeService.requireEditable(request.actor(), initiative);
            request.modals().open(InitiativeForm.edit(initiative));
            return Reply.none();
        }
        throw new UserError("Use `/drumbeat initiative add` or `/drumbeat initiative edit &lt;initiative&gt;`.");
    }

    private String keyFor(CommandRequest request, String typed) {
        ServiceMatcher.Match match = initiatives.resolve(request.actor().teamId(), typed);
        if (match instanceof ServiceMatcher.Found found) {
            return found.candidate().key();
        }
        if (match instanceof ServiceMatcher.Ambiguous ambiguous) {
            throw new UserError("“" + SlackBlocks.escape(typed.strip()) + "” could be "
                    + String.join(
                            ", ",
                            ambiguous.candidates().stream()
                                    .map(c -> SlackBlocks.escape(c.name()) + " (`" + c.key() + "`)")
                                    .toList())
                    + ". Use its key.");
        }
        throw new UserError("No initiative is called “" + SlackBlocks.escape(typed.strip())
                + "”. `/drumbeat initiatives` lists them.");
    }
}
