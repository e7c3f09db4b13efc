package dev.drumbeat.people;

import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Role;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.Subcommand;
import java.util.List;

/** `/drumbeat whoami`: your role and the services you own. */
final class WhoamiCommand implements Subcommand {
    private final OwnedServices ownedServices;

    WhoamiCommand(OwnedServices ownedServices) {
        this.ownedServices = ownedServices;
    }

    @Override
    public String name() {
        return "whoami";
    }

    @Override
    public String usage() {
        return "whoami";
    }

    @Override
    public String summary() {
        return "your role and the services you own";
    }

    @Override
    public Reply handle(CommandRequest request) {
        Actor actor = request.actor();
        List<String> owned = ownedServices.namesOwnedBy(actor.teamId(), actor.userId());
        String services = owned.isEmpty()
                ? "You don't own any services yet."
                : "You own " + owned.size() + (owned.size() == 1 ? " service: " : " services: ")
                        + String.join(
                                ", ", owned.stream().map(SlackBlocks::escape).toList()) + ".";
        return Reply.text(
                "You are " + Mentions.mention(actor.userId()) + ", " + roleText(actor.role()) + ". " + services);
    }

    private static String roleText(Role role) {
        return switch (role) {
            case ADMIN -> "a Drumbeat *admin* (you can add, edit and import any service)";
            case LEADERSHIP -> "in *leadership* (you read everything and decide trade-offs)";
            case MEMBER -> "a *member* (you read everything and edit the services you own)";
        };
    }
}
