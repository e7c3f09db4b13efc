package dev.drumbeat.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slack answers 503 to everything for ten minutes (by the clock the test moves, one second at a time, draining after
 * each): nothing is given up, Slack is probed with one message at a time rather than every channel's head, and once
 * Slack answers again everything goes out within seconds, each message once.
 */
class OutboxOutageTest {
    static final String TEAM = TestDrumbeat.TEAM;
    static final Instant START = Instant.parse("2026-11-23T14:00:00Z");
    static final int CHANNELS = 10;
    static final int PER_CHANNEL = 3;

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    final MutableClock clock = new MutableClock(START);
    SlackStandIn standIn;
    Slack slack;
    OutboxSender sender;

    @BeforeEach
    void start() {
        drumbeat.seed();
        standIn = SlackStandIn.start(0, TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes(), clock);
        slack = SlackApp.client(TestDrumbeat.config(standIn.apiUrl()));
        // Unthrottled: the buckets run in real time while this test moves its clock a second per step in a few ms.
        RateLimitSettings unpaced = RateLimitSettings.defaults().withPostMessage(10_000, 10_000, Duration.ZERO);
        sender = new OutboxSender(
                drumbeat.jdbi(),
                slack,
                TestDrumbeat.BOT_TOKEN,
                clock,
                new RateLimits(unpaced, System::nanoTime, clock),
                OutboxSenderSettings.defaults());
    }

    @AfterEach
    void stop() throws Exception {
        sender.close();
        slack.close();
        standIn.close();
    }

    @Test
    void a_ten_minute_outage_loses_nothing_probes_with_one_message_and_drains_within_seconds() {
        List<String> keys = enqueue();
        List.of("chat.postMessage", "conversations.history").forEach(method -> standIn.failAlways(method, 503));

        for (int second = 0; second < 600; second++) {
            sender.drainOnce();
            clock.advance(Duration.ofSeconds(1));
            assertThat(count("state = 'dead'"))
                    .as("dead after %d s of outage", second)
                    .isZero();
        }
        int triedDuringOutage = standIn.calls().size();

        List.of("chat.postMessage", "conversations.history").forEach(standIn::recover);
        Instant recovered = clock.instant();
        while (count("state <> 'sent'") > 0) {
            assertThat(Duration.between(recovered, clock.instant()))
                    .as("drained within seconds of Slack answering again")
                    .isLessThan(Duration.ofSeconds(15));
            sender.drainOnce();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(triedDuringOutage)
                .as("ten minutes of outage cost a probe every few seconds, not every message's attempts")
                .isBetween(OutboxSenderOutage.FAILURES_TO_DECLARE, 3 + 600 / 10 * 2 + 10);
        Map<Object, Long> delivered = standIn.calls("chat.postMessage").stream()
                .filter(SlackStandInCall::ok)
                .collect(Collectors.groupingBy(call -> call.args().get("text"), Collectors.counting()));
        assertThat(delivered)
                .containsOnlyKeys(keys.toArray())
                .allSatisfy((key, times) ->
                        assertThat(times).as(String.valueOf(key)).isEqualTo(1));
    }

    private List<String> enqueue() {
        List<String> keys = new ArrayList<>();
        Outbox outbox = new Outbox(clock);
        drumbeat.jdbi().useTransaction(h -> {
            for (int channel = 1; channel <= CHANNELS; channel++) {
                for (int n = 1; n <= PER_CHANNEL; n++) {
                    String key = "outage:" + channel + ":" + n;
                    keys.add(key);
                    outbox.enqueue(h, OutboxMessage.post(TEAM, key, "C0OUTAGE" + channel, Map.of("text", key)));
                }
            }
        });
        return keys;
    }

    private int count(String condition) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from slack_outbox where " + condition)
                        .mapTo(Integer.class)
                        .one());
    }
}
