package dev.drumbeat.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDatabase;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two senders, as two Drumbeat instances would run them, drain one database side by side. */
class OutboxConcurrencyTest {
    static final String TEAM = TestDrumbeat.TEAM;
    static final int POSTS = 100;
    final MutableClock clock = MutableClock.atSystemTime();
    Database database;
    SlackStandIn standIn;
    Slack slack;

    @BeforeEach
    void start() {
        database = TestDatabase.fresh();
        new Seed(database.jdbi(), TEAM);
        standIn = SlackStandIn.start(0, TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes(), clock);
        slack = SlackApp.client(TestDrumbeat.config(standIn.apiUrl()));
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        standIn.close();
        database.close();
    }

    @Test
    void two_senders_on_one_database_deliver_each_of_200_messages_exactly_once_and_in_order_per_channel() {
        enqueuePostsAndTheirUpdates();

        try (OutboxSender one = sender().start();
                OutboxSender two = sender().start()) {
            one.wake();
            two.wake();
            Await.until("every message sent", Duration.ofSeconds(30), () -> count("state = 'sent'") == 2 * POSTS);
            assertThat(claimers()).isSubsetOf(one.instanceId(), two.instanceId());
        }

        List<SlackStandInCall> calls = standIn.calls();
        assertThat(calls)
                .allSatisfy(call -> assertThat(call.ok()).as(call.toString()).isTrue())
                .hasSize(2 * POSTS);
        Map<Object, Long> posts = countByText(calls, "chat.postMessage");
        Map<Object, Long> updates = countByText(calls, "chat.update");
        assertThat(posts)
                .hasSize(POSTS)
                .allSatisfy((text, times) -> assertThat(times).isEqualTo(1));
        assertThat(updates)
                .hasSize(POSTS)
                .allSatisfy((text, times) -> assertThat(times).isEqualTo(1));
        for (int i = 0; i < POSTS; i++) {
            assertThat(standIn.messages(channel(i)))
                    .singleElement()
                    .satisfies(message -> assertThat(message.text()).isEqualTo("updated " + message.channel()));
        }
    }

    private void enqueuePostsAndTheirUpdates() {
        Outbox outbox = new Outbox(clock);
        database.jdbi().useTransaction(h -> {
            for (int i = 0; i < POSTS; i++) {
                outbox.enqueue(
                        h, OutboxMessage.post(TEAM, "post:" + i, channel(i), Map.of("text", "post " + channel(i))));
                outbox.enqueue(
                        h,
                        OutboxMessage.update(
                                TEAM, "update:" + i, channel(i), "post:" + i, Map.of("text", "updated " + channel(i))));
            }
        });
    }

    private OutboxSender sender() {
        RateLimitSettings fast = RateLimitSettings.defaults()
                .withPostMessage(1000, 100, Duration.ofSeconds(1))
                .withPerMinute("chat.update", 60_000);
        return new OutboxSender(
                database.jdbi(),
                slack,
                TestDrumbeat.BOT_TOKEN,
                clock,
                new RateLimits(fast, System::nanoTime, clock),
                OutboxSenderSettings.defaults());
    }

    private static String channel(int i) {
        return String.format("C0MANY%03d", i);
    }

    private static Map<Object, Long> countByText(List<SlackStandInCall> calls, String method) {
        return calls.stream()
                .filter(call -> call.method().equals(method))
                .collect(Collectors.groupingBy(call -> call.args().get("text"), Collectors.counting()));
    }

    private Set<String> claimers() {
        return Set.copyOf(database.jdbi()
                .withHandle(h -> h.createQuery("select distinct claimed_by from slack_outbox")
                        .mapTo(String.class)
                        .list()));
    }

    private int count(String condition) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from slack_outbox where " + condition)
                        .mapTo(Integer.class)
                        .one());
    }
}
