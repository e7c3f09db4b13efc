package dev.drumbeat.home;

import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.drumbeat.checkin.HomeRedraw;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.Interactions;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The Home tab: when someone opens Drumbeat's Home, or checks in from it, their tab is built afresh and published
 * through the outbox ({@code views.publish}), once per opening or check-in.
 */
public final class HomeListeners implements HomeRedraw {
    private final HomeService home;
    private final Money money;
    private final Jdbi jdbi;
    private final Outbox outbox;

    public HomeListeners(HomeService home, Money money, Jdbi jdbi, Outbox outbox) {
        this.home = home;
        this.money = money;
        this.jdbi = jdbi;
        this.outbox = outbox;
    }

    public void register(Interactions interactions) {
        interactions.event(AppHomeOpenedEvent.class, HomeListeners::visitor, this::opened);
    }

    /** Who opened the Home tab; nobody for the app's other tabs. */
    private static Optional<String> visitor(AppHomeOpenedEvent event) {
        return "home".equals(event.getTab()) ? Optional.ofNullable(event.getUser()) : Optional.empty();
    }

    private void opened(Actor actor, AppHomeOpenedEvent event) {
        publish(actor, event.getEventTs());
    }

    @Override
    public void redraw(Actor actor, String cause) {
        publish(actor, cause);
    }

    private void publish(Actor actor, String cause) {
        Map<String, Object> view = HomeViews.view(home.factsFor(actor), money);
        String key = "home:" + actor.teamId() + ":" + actor.userId() + ":" + cause;
        jdbi.useTransaction(handle -> outbox.enqueue(
                handle,
                new OutboxMessage(
                        actor.teamId(),
                        key,
                        "views.publish",
                        Optional.empty(),
                        Map.of("user_id", actor.userId(), "view", view))));
    }
}
