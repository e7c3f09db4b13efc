package dev.drumbeat.people;

import com.slack.api.bolt.App;
import com.slack.api.model.event.UserChangeEvent;
import dev.drumbeat.slack.CommandRouter;
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

    public void register(CommandRouter router, App app) {
        router.add(new WhoamiCommand(ownedServices));
        app.event(UserChangeEvent.class, (payload, ctx) -> {
            var user = payload.getEvent().getUser();
            if (user == null || user.isBot()) {
                return ctx.ack();
            }
            if (user.isDeleted()) {
                if (people.deactivate(payload.getTeamId(), user.getId())) {
                    log.info("person {} deactivated in Slack", user.getId());
                    deactivations.deactivated(payload.getTeamId());
                }
            } else {
                people.refreshFromSlack(payload.getTeamId(), user);
            }
            return ctx.ack();
        });
    }
}
