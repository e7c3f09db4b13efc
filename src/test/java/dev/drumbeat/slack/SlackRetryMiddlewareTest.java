package dev.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SlackRetries} on its own, on a real database: failures, pruning and requests it leaves alone. */
class SlackRetryMiddlewareTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    final AtomicInteger runs = new AtomicInteger();

    private static EventRequest event(String eventId) {
        String body =
                "{\"token\":\"x\",\"team_id\":\"T0RETRY\",\"api_app_id\":\"A0DRUMBEAT\",\"type\":\"event_callback\","
                        + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,"
                        + "\"event\":{\"type\":\"user_change\",\"user\":{\"id\":\"U0X\",\"deleted\":true},\"event_ts\":\"1700000000.1\"}}";
        return new EventRequest(body, new RequestHeaders(Map.of("Content-Type", List.of("application/json"))));
    }

    private Response handled(Response answer) {
        runs.incrementAndGet();
        return answer;
    }

    private int seen() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from slack_events_seen")
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void a_repeated_event_id_runs_the_handlers_once_and_is_acknowledged_both_times() throws Exception {
        SlackRetries retries = new SlackRetries(drumbeat.jdbi(), clock);

        Response first = retries.apply(event("Ev0A"), Response.ok(), req -> handled(Response.ok()));
        Response again = retries.apply(event("Ev0A"), Response.ok(), req -> handled(Response.ok()));

        assertThat(runs).hasValue(1);
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(again.getStatusCode()).isEqualTo(200);
    }

    @Test
    void when_the_handler_throws_the_event_is_forgotten_so_slacks_retry_runs_it() throws Exception {
        SlackRetries retries = new SlackRetries(drumbeat.jdbi(), clock);

        assertThatThrownBy(() -> retries.apply(event("Ev0B"), Response.ok(), req -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("database down");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(seen()).isZero();
        retries.apply(event("Ev0B"), Response.ok(), req -> handled(Response.ok()));

        assertThat(runs).hasValue(2);
        assertThat(seen()).isEqualTo(1);
    }

    @Test
    void an_event_whose_id_could_not_be_forgotten_runs_on_slacks_retry_a_minute_later() throws Exception {
        SlackRetries retries = new SlackRetries(drumbeat.jdbi(), clock);
        drumbeat.jdbi()
                .useHandle(h -> h.createUpdate(
                                "insert into slack_events_seen (event_id, team_id, seen_at) values ('Ev0LOST', 'T0RETRY', :at)")
                        .bind("at", clock.instant())
                        .execute());

        clock.advance(Duration.ofSeconds(5));
        retries.apply(event("Ev0LOST"), Response.ok(), req -> handled(Response.ok()));
        assertThat(runs).as("a retry while the first delivery may still run").hasValue(0);
        clock.advance(Duration.ofMinutes(1));
        retries.apply(event("Ev0LOST"), Response.ok(), req -> handled(Response.ok()));
        clock.advance(Duration.ofMinutes(5));
        retries.apply(event("Ev0LOST"), Response.ok(), req -> handled(Response.ok()));

        assertThat(runs).as("run by the retry a minute on, and only by it").hasValue(1);
    }

    @Test
    void when_the_handler_answers_500_the_event_is_forgotten_too() throws Exception {
        SlackRetries retries = new SlackRetries(drumbeat.jdbi(), clock);

        retries.apply(event("Ev0C"), Response.ok(), req -> handled(Response.error(500)));
        retries.apply(event("Ev0C"), Response.ok(), req -> handled(Response.ok()));

        assertThat(runs).hasValue(2);
    }

    @Test
    void ids_older_than_a_week_are_deleted_now_and_then_and_recent_ones_kept() throws Exception {
        SlackRetries retries = new SlackRetries(drumbeat.jdbi(), clock, 3);
        retries.apply(event("Ev0OLD"), Response.ok(), req -> handled(Response.ok()));
        clock.advance(Duration.ofDays(2));
        retries.apply(event("Ev0RECENT"), Response.ok(), req -> handled(Response.ok()));
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        assertThat(seen()).isEqualTo(2);

        retries.apply(event("Ev0THIRD"), Response.ok(), req -> handled(Response.ok()));

        List<String> kept = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select event_id from slack_events_seen order by event_id")
                        .mapTo(String.class)
                        .list());
        assertThat(kept).containsExactly("Ev0RECENT", "Ev0THIRD");
    }

    @Test
    void the_team_of_the_event_is_recorded_with_its_id() throws Exception {
        new SlackRetries(drumbeat.jdbi(), clock).apply(event("Ev0TEAM"), Response.ok(), req -> handled(Response.ok()));

        String team = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select team_id from slack_events_seen where event_id = 'Ev0TEAM'")
                        .mapTo(String.class)
                        .one());
        assertThat(team).isEqualTo("T0RETRY");
    }
}
