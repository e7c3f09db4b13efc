package dev.drumbeat.people;

import com.slack.api.model.User;
import com.slack.api.model.event.UserChangeEvent;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Interactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's Slack surface: `whoami`, and Slack telling us someone was deactivated, after which
 * {@code deactivations} hears the workspace.
 */
public final class PeopleListeners {
    private static final Logger log = LoggerFactory.getLogger(PeopleListeners.class);
    private final PeopleService people;
    private final OwnedServices ownedServices;
    private final Deactivations deactivations;

    public PeopleListeners(PeopleService people, OwnedServices ownedServices, Deactivations deactivations) {
        this.people = people;
        this.ownedServices = ownedServices;
        this.deactivations = deactivations;
    }

    public void register(CommandRouter router, Interactions interactions) {
        router.add(new WhoamiCommand(ownedServices));
        interactions.event(UserChangeEvent.class, this::changed);
    }

    private void changed(String teamId, UserChangeEvent event) {
        User user = event.getUser();
        if (user == null || user.isBot()) {
            return;
        }
        if (user.isDeleted()) {
            if (people.deactivate(teamId, user.getId())) {
                log.info("person {} deactivated in Slack", user.getId());
                deactivations.deactivated(teamId);
            }
        } else {
            people.refreshFromSlack(teamId, user);
        }
    }
}
