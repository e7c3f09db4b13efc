package dev.drumbeat.people;

import com.slack.api.model.User;
import com.slack.api.model.event.UserChangeEvent;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Interactions;
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

    public void register(CommandRouter router, Interactions interactions) {
        router.add(new WhoamiCommand(ownedServiceNames));
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
                afterDeactivation.accept(teamId);
            }
        } else {
            people.refreshFromSlack(teamId, user);
        }
    }
}
