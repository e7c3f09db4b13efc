package dev.drumbeat.escalation;

import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.util.EnumSet;
import java.util.List;

/** `/drumbeat stale`: the services escalated for a missing check-in, oldest first, with how long. */
final class StaleCommand implements Subcommand {
    private final EscalationService escalations;

    StaleCommand(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public String name() {
        return "stale";
    }

    @Override
    public String usage() {
        return "stale";
    }

    @Override
    public String summary() {
        return "list services with no recent check-in, oldest first";
    }

    @Override
    public Reply handle(CommandRequest request) {
        List<EscalationDao.Listed> rows = escalations.listOpen(request.actor().teamId(), EnumSet.of(Reason.STALE),
                EscalationViewsListing.MAX_LISTED);
        return EscalationViewsListing.listing("Stale services", rows, escalations.now(),
                ":white_check_mark: Nothing is stale: every service has a check-in within its period and grace."
                        + " `/drumbeat escalations` lists everything else that is open.");
    }
}
