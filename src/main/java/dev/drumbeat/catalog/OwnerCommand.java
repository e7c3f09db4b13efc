package dev.drumbeat.catalog;

import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.UserError;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.people.Person;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.Subcommand;

/**
 * `/drumbeat owner <service> @user`: hands a service to someone, with the command to undo it, and tells
 * {@link OwnerGiven} so an ownerless escalation closes at once.
 */
final class OwnerCommand implements Subcommand {
    private final CatalogService catalog;
    private final ServiceLookup lookup;
    private final PeopleService people;
    private final OwnerGiven ownerGiven;

    OwnerCommand(CatalogService catalog, ServiceLookup lookup, PeopleService people, OwnerGiven ownerGiven) {
        this.catalog = catalog;
        this.lookup = lookup;
        this.people = people;
        this.ownerGiven = ownerGiven;
    }

    @Override
    public String name() {
        return "owner";
    }

    @Override
    public String usage() {
        return "owner <service> @user";
    }

    @Override
    public String summary() {
        return "make someone the owner of a service (its owner or an admin)";
    }

    @Override
    public Reply handle(CommandRequest request) {
        String args = request.args();
        int split = args.lastIndexOf(' ');
        if (split < 0 || !looksLikePerson(args.substring(split + 1))) {
            throw new UserError("Name the service and the new owner: `/drumbeat owner payments api @alex`.");
        }
        String teamId = request.actor().teamId();
        String key = lookup.keyFor(teamId, args.substring(0, split).strip(), usage());
        Person owner = newOwner(teamId, args.substring(split + 1));
        String previous = catalog.changeOwner(request.actor(), key, owner.userId())
                .map(Mentions::mention)
                .orElse("nobody");
        Service service = catalog.find(teamId, key).orElseThrow();
        ownerGiven.given(request.actor(), service);
        return Reply.text(":white_check_mark: " + Mentions.mention(owner.userId()) + " now owns *"
                + SlackBlocks.escape(service.name())
                + "* (was " + previous + "). To undo: `/drumbeat owner " + key + " "
                + (previous.equals("nobody") ? "@someone" : previous) + "`");
    }

    private Person newOwner(String teamId, String reference) {
        PeopleService.Lookup found = people.lookup(teamId, reference);
        if (found instanceof PeopleService.Lookup.Found f) {
            if (f.person().deactivated()) {
                throw new UserError(
                        Mentions.mention(f.person().userId()) + " is deactivated in Slack. Pick someone active.");
            }
            return f.person();
        }
        if (found instanceof PeopleService.Lookup.Ambiguous) {
            throw new UserError("Several people are called “" + PeopleService.asTyped(reference)
                    + "”. Mention the one you mean with @.");
        }
        throw new UserError("I don't know " + PeopleService.asTyped(reference)
                + " yet. Mention them with @ so Slack tells me who they are.");
    }

    private static boolean looksLikePerson(String word) {
        return word.startsWith("@")
                || word.startsWith("<@")
                || Mentions.userId(word).isPresent();
    }
}
