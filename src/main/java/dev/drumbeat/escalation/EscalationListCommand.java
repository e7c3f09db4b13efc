package dev.drumbeat.escalation;

import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Lists open escalations, oldest first, with age, level and reason: `/drumbeat escalations` for all of them,
 * `/drumbeat stale` for the missing check-ins only.
 */
final class EscalationListCommand implements Subcommand {
    private final EscalationService escalations;
    private final String name;
    private final String summary;
    private final Set<Reason> reasons;
    private final String title;
    private final String whenEmpty;

    private EscalationListCommand(
            EscalationService escalations,
            String name,
            String summary,
            Set<Reason> reasons,
            String title,
            String whenEmpty) {
        this.escalations = escalations;
        this.name = name;
        this.summary = summary;
        this.reasons = reasons;
        this.title = title;
        this.whenEmpty = whenEmpty;
    }

    static EscalationListCommand all(EscalationService escalations) {
        return new EscalationListCommand(
                escalations,
                "escalations",
                "list the open escalations, oldest first",
                EnumSet.allOf(Reason.class),
                "Escalations",
                ":white_check_mark: Nothing is escalated: every service has"
                        + " an owner who checks in. `/drumbeat stale` lists services waiting for a check-in.");
    }

    static EscalationListCommand stale(EscalationService escalations) {
        return new EscalationListCommand(
                escalations,
                "stale",
                "list services with no recent check-in, oldest first",
                EnumSet.of(Reason.STALE),
                "Stale services",
                ":white_check_mark: Nothing is stale: every service has a"
                        + " check-in within its period and grace. `/drumbeat escalations` lists everything else that is open.");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public Reply handle(CommandRequest request) {
        List<EscalationDao.Listed> rows =
                escalations.listOpen(request.actor().teamId(), reasons, EscalationViewsListing.MAX_LISTED);
        return EscalationViewsListing.listing(title, rows, escalations.now(), whenEmpty);
    }
}
