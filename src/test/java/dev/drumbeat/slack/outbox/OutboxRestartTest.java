package dev.drumbeat.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.Drumbeat;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDatabase;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack answers 500 for a while and Drumbeat is stopped and started again meanwhile, on the same database:
 * the whole app, its background sender included. Afterwards every message is out, none twice.
 */
class OutboxRestartTest {
    static final String TEAM = TestDrumbeat.TEAM;
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    final MutableClock clock = MutableClock.atSystemTime();
    Database database;
    SlackStandIn slack;

    @BeforeEach
    void start() {
        database = TestDatabase.fresh();
        new Seed(database.jdbi(), TEAM);
        slack = SlackStandIn.start(0, TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes(), clock);
    }

    @AfterEach
    void stop() {
        slack.close();
        database.close();
    }

    @Test
    void messages_queued_while_slack_fails_and_drumbeat_restarts_are_all_delivered_once() {
        slack.failAlways("chat.postMessage", 500);
        Drumbeat first = startDrumbeat();
        enqueue(keys("before", 20));
        Await.until("Slack taken for down", TIMEOUT, () -> failedCalls() >= 3);
        int beforeProbe = failedCalls();
        clock.advance(Duration.ofMinutes(6));
        Await.until("one message tried as a probe", TIMEOUT, () -> failedCalls() > beforeProbe);

        first.close();
        assertThat(count("state = 'sending'"))
                .as("a clean stop leaves nothing in flight")
                .isZero();
        enqueue(keys("while-down", 5));
        slack.recover("chat.postMessage");
        clock.advance(Duration.ofMinutes(6));
        try (Drumbeat second = startDrumbeat()) {
            Await.until("everything sent", TIMEOUT, () -> count("state = 'sent'") == 25);
        }

        Map<Object, Long> deliveries = slack.calls("chat.postMessage").stream()
                .filter(SlackStandInCall::ok)
                .collect(Collectors.groupingBy(call -> call.args().get("text"), Collectors.counting()));
        assertThat(deliveries)
                .hasSize(25)
                .allSatisfy((key, times) ->
                        assertThat(times).as(String.valueOf(key)).isEqualTo(1));
        assertThat(count("state = 'dead'")).isZero();
    }

    private int failedCalls() {
        return (int) slack.calls("chat.postMessage").stream()
                .filter(call -> !call.ok())
                .count();
    }

    private Drumbeat startDrumbeat() {
        return Drumbeat.start(TestDrumbeat.config(slack.apiUrl()), database, clock, routes -> {}, false);
    }

    private static List<String> keys(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + ":" + i).toList();
    }

    private void enqueue(List<String> keys) {
        Outbox outbox = new Outbox(clock);
        database.jdbi()
                .useTransaction(h -> keys.forEach(key -> outbox.enqueue(
                        h,
                        OutboxMessage.post(
                                TEAM, key, "C0" + key.toUpperCase().replace(":", ""), Map.of("text", key)))));
    }

    private int count(String condition) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from slack_outbox where " + condition)
                        .mapTo(Integer.class)
                        .one());
    }
}
