package dev.drumbeat.people;

import com.slack.api.bolt.App;
import com.slack.api.model.event.UserChangeEvent;
import dev.drumbeat.slack.CommandRouter;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's Slack surface: `whoami`, and Slack telling us someone was deactivated, after which
 * {@code afterDeactivation} hears the workspace (it must hand slow work off the request thread).
 */
public final class PeopleListeners {
    private static final Logger log = LoggerFactory.getLogger(PeopleListeners.class);
    private final PeopleService people;
    private final BiFunction<String, String, List<String>> ownedServiceNames;
    private final Consumer<String> afterDeactivation;

    public PeopleListeners(PeopleService people, BiFunction<String, String, List<String>> ownedServiceNames,
                           Consumer<String> afterDeactivation) {
        this.people = people;
        this.ownedServiceNames = ownedServiceNames;
        this.afterDeactivation = afterDeactivation;
    }

    public void register(CommandRouter router, App app) {
        router.add(new WhoamiCommand(ownedServiceNames));
        app.event(UserChangeEvent.class, (payload, ctx) -> {
            var user = payload.getEvent().getUser();
            if (user == null || user.isBot()) {
                return ctx.ack();
            }
            if (user.isDeleted()) {
                if (people.deactivate(payload.getTeamId(), user.getId())) {
                    log.info("person {} deactivated in Slack", user.getId());
                    afterDeactivation.accept(payload.getTeamId());
                }
            } else {
                people.refreshFromSlack(payload.getTeamId(), user);
            }
            return ctx.ack();
        });
    }
}
