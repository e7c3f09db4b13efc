package dev.drumbeat.costs;

import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.util.Locale;
import java.util.Optional;

/**
 * `/drumbeat costs rules` opens the allocation rules as CSV to edit and preview; `/drumbeat costs preview` shows what
 * the rules in force catch in the latest bills, as a direct message, since reading the bills takes seconds. Admins
 * only.
 */
final class CostsCommand implements Subcommand {
    private final CostRules rules;
    private final CostRulesListeners listeners;
    private final Optional<String> publicUrl;

    CostsCommand(CostRules rules, CostRulesListeners listeners, Optional<String> publicUrl) {
        this.rules = rules;
        this.listeners = listeners;
        this.publicUrl = publicUrl;
    }

    @Override
    public String name() {
        return "costs";
    }

    @Override
    public String usage() {
        return "costs rules | costs preview";
    }

    @Override
    public String summary() {
        return "edit the rules that allocate the cloud bills to services, and preview what they catch (admins)";
    }

    @Override
    public Reply handle(CommandRequest request) {
        CostRuleDrafts.requireAdmin(request.actor());
        String action = request.args().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        switch (action) {
            case "rules" -> {
                String csv = rules.csv(request.actor().teamId());
                request.modals()
                        .open(
                                csv.length() > CostRulesForm.MAX_CSV
                                        ? CostRulesForm.tooLong(csv.length(), publicUrl)
                                        : CostRulesForm.edit(csv));
                return Reply.none();
            }
            case "preview" -> {
                listeners.previewInForce(request.actor());
                return Reply.text("Reading the latest bills with the rules in force; the preview comes in your"
                        + " messages with Drumbeat in a moment.");
            }
            default ->
                throw new UserError("Use `/drumbeat costs rules` to see and edit the allocation rules, or"
                        + " `/drumbeat costs preview` to see what they catch in the latest bills.");
        }
    }
}
