package dev.drumbeat.escalation;

import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.util.EnumSet;
import java.util.List;

/** `/drumbeat escalations`: every open escalation, oldest first, with its age, level and reason. */
final class EscalationCommands implements Subcommand {
    private final EscalationService escalations;

    EscalationCommands(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public String name() {
        return "escalations";
    }

    @Override
    public String usage() {
        return "escalations";
    }

    @Override
    public String summary() {
        return "list the open escalations, oldest first";
    }

    @Override
    public Reply handle(CommandRequest request) {
        List<EscalationDao.Listed> rows = escalations.listOpen(request.actor().teamId(), EnumSet.allOf(Reason.class),
                EscalationViewsListing.MAX_LISTED);
        return EscalationViewsListing.listing("Escalations", rows, escalations.now(),
                ":white_check_mark: Nothing is escalated: every service has an owner who checks in. `/drumbeat stale` lists"
                        + " services waiting for a check-in.");
    }
}
