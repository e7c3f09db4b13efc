package dev.drumbeat.home;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Actor;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Home tab: when someone opens Drumbeat's Home, their tab is built afresh and published through the outbox
 * ({@code views.publish}), once per opening.
 */
public final class HomeListeners {
    private static final Logger log = LoggerFactory.getLogger(HomeListeners.class);
    private final HomeService home;
    private final PeopleService people;
    private final Money money;
    private final Jdbi jdbi;
    private final Outbox outbox;

    public HomeListeners(HomeService home, PeopleService people, Money money, Jdbi jdbi, Outbox outbox) {
        this.home = home;
        this.people = people;
        this.money = money;
        this.jdbi = jdbi;
        this.outbox = outbox;
    }

    public void register(App app) {
        app.event(AppHomeOpenedEvent.class, this::opened);
    }

    private Response opened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (event.getUser() == null || !"home".equals(event.getTab())) {
            return ctx.ack();
        }
        try {
            Actor actor = people.actorFromEvent(payload.getTeamId(), event.getUser());
            Map<String, Object> view = HomeViews.view(home.factsFor(actor), money);
            String key = "home:" + payload.getTeamId() + ":" + event.getUser() + ":" + event.getEventTs();
            jdbi.useTransaction(handle -> outbox.enqueue(handle, new OutboxMessage(payload.getTeamId(), key, "views.publish",
                    Optional.empty(), Map.of("user_id", event.getUser(), "view", view))));
        } catch (RuntimeException e) {
            log.error("building the Home tab for {} failed", event.getUser(), e);
        }
        return ctx.ack();
    }
}
