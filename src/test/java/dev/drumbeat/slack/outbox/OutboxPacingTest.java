package dev.drumbeat.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDatabase;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender's own pacing against a stand-in that enforces Slack's chat.postMessage limits in real time.
 * Rate is about throughput, so this test runs on real time: a burst to one channel takes two seconds.
 */
class OutboxPacingTest {
    static final String TEAM = TestDrumbeat.TEAM;
    final Clock clock = Clock.systemUTC();
    Database database;
    SlackStandIn standIn;
    Slack slack;
    OutboxSender sender;

    @BeforeEach
    void start() {
        database = TestDatabase.fresh();
        new Seed(database.jdbi(), TEAM);
        standIn = SlackStandIn.start(0, TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes(), clock);
        standIn.enforceRateLimits(100, 1);
        slack = SlackApp.client(TestDrumbeat.config(standIn.apiUrl()));
        sender = new OutboxSender(
                database.jdbi(),
                slack,
                TestDrumbeat.BOT_TOKEN,
                clock,
                new RateLimits(RateLimitSettings.defaults(), System::nanoTime, clock),
                OutboxSenderSettings.defaults());
    }

    @AfterEach
    void stop() throws Exception {
        sender.close();
        slack.close();
        standIn.close();
        database.close();
    }

    @Test
    void a_burst_to_one_channel_is_paced_to_one_a_second_without_holding_back_other_channels() {
        enqueue("C0BUSY", "busy:1", "busy:2", "busy:3");
        enqueue("C0QUIET1", "quiet:1");
        enqueue("C0QUIET2", "quiet:2");
        enqueue("C0QUIET3", "quiet:3");

        sender.start().wake();
        Await.until("all six sent, paced in real time", Duration.ofSeconds(15), () -> sentCount() == 6);

        assertThat(standIn.rateLimitedCount()).as("429s from Slack").isZero();
        List<SlackStandInCall> posts = standIn.calls("chat.postMessage");
        List<Object> order = posts.stream().map(call -> call.args().get("text")).toList();
        assertThat(order).containsSubsequence("busy:1", "busy:2", "busy:3");
        assertThat(order.subList(0, order.indexOf("busy:2")))
                .as("other channels go out before the busy one's second")
                .contains("quiet:1", "quiet:2", "quiet:3");
        List<SlackStandInCall> busy = posts.stream()
                .filter(call -> "C0BUSY".equals(call.args().get("channel")))
                .toList();
        assertThat(Duration.between(busy.get(0).at(), busy.get(2).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    private void enqueue(String channel, String... keys) {
        Outbox outbox = new Outbox(clock);
        database.jdbi().useTransaction(h -> {
            for (String key : keys) {
                outbox.enqueue(h, OutboxMessage.post(TEAM, key, channel, Map.of("text", key)));
            }
        });
    }

    private int sentCount() {
        return database.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from slack_outbox where state = 'sent'")
                        .mapTo(Integer.class)
                        .one());
    }
}
