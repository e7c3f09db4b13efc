package dev.drumbeat.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import dev.drumbeat.db.Database;
import dev.drumbeat.db.DatabaseUrl;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.sandbox.standin.SlackStandInHold;
import dev.drumbeat.sandbox.standin.SlackStandInMessage;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDatabase;
import dev.drumbeat.support.TestDrumbeat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sender in its own process is killed with SIGKILL in the middle of a Slack call: after it committed "call
 * started" but before Slack had the message, and after Slack posted it but before the answer was recorded. Another
 * sender on the same database, once the dead one's lease is over, delivers the message exactly once: it looks for
 * the message's outbox key in the conversation's history, marks it sent with its ts if Slack has it, sends it if not.
 */
class OutboxKillTest {
    static final String TEAM = TestDrumbeat.TEAM;
    static final String OWNER = "U0KILLED1";

    DatabaseUrl url;
    Database database;
    SlackStandIn standIn;
    Process child;

    @BeforeEach
    void start() {
        url = TestDatabase.freshUrl();
        database = Database.connect(url);
        new Seed(database.jdbi(), TEAM);
        standIn = SlackStandIn.start(0, TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes(), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (child != null) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        standIn.close();
        database.close();
    }

    @ParameterizedTest
    @EnumSource(SlackStandInHold.Point.class)
    void a_sender_killed_mid_call_leaves_its_message_delivered_exactly_once(
            SlackStandInHold.Point killedAt, @TempDir Path logs) throws Exception {
        String key = "prompt:" + TEAM + ":" + OWNER + ":" + killedAt;
        database.jdbi()
                .useTransaction(h -> new Outbox(Clock.systemUTC())
                        .enqueue(h, OutboxMessage.post(TEAM, key, OWNER, Map.of("text", "How is it going?"))));
        SlackStandInHold hold = standIn.holdNext("chat.postMessage", killedAt);

        child = startSender(logs.resolve("sender.log"));
        assertThat(hold.awaitArrival(Duration.ofSeconds(60)))
                .as("the sender process reached Slack; its log: %s", logs.resolve("sender.log"))
                .isTrue();
        assertThat(callStarted(key)).as("the call-started mark is committed").isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        hold.release();

        String dm = standIn.directChannelOf(OWNER);
        int postedBeforeTakeover = standIn.messages(dm).size();
        assertThat(postedBeforeTakeover).isEqualTo(killedAt == SlackStandInHold.Point.AFTER_EFFECT ? 1 : 0);
        Clock afterTheLease = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3));
        try (Slack slack = SlackApp.client(TestDrumbeat.config(standIn.apiUrl()))) {
            OutboxSender survivor = survivor(slack, afterTheLease);
            for (int round = 0; round < 5 && !state(key).equals("sent"); round++) {
                survivor.drainOnce();
            }
        }

        List<SlackStandInMessage> messages = standIn.messages(dm);
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("How is it going?");
            assertThat(message.metadata())
                    .isEqualTo(Map.of("event_type", "drumbeat_outbox", "event_payload", Map.of("key", key)));
        });
        assertThat(state(key)).isEqualTo("sent");
        assertThat(resultTs(key)).isEqualTo(messages.get(0).ts());
        assertThat(standIn.calls("conversations.history")).hasSize(1);
        assertThat(standIn.calls("chat.postMessage"))
                .filteredOn(SlackStandInCall::ok)
                .as("Slack posted it once")
                .hasSize(1);
    }

    private Process startSender(Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        OutboxSenderProcess.class.getName(),
                        url.jdbcUrl(),
                        standIn.apiUrl())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private OutboxSender survivor(Slack slack, Clock clock) {
        return new OutboxSender(
                database.jdbi(),
                slack,
                TestDrumbeat.BOT_TOKEN,
                clock,
                new RateLimits(RateLimitSettings.defaults(), System::nanoTime, clock),
                OutboxSenderSettings.defaults());
    }

    private boolean callStarted(String key) {
        return database.jdbi()
                .withHandle(h -> h.createQuery(
                                "select call_started_at is not null from slack_outbox where dedupe_key = :key")
                        .bind("key", key)
                        .mapTo(Boolean.class)
                        .one());
    }

    private String state(String key) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("select state from slack_outbox where dedupe_key = :key")
                        .bind("key", key)
                        .mapTo(String.class)
                        .one());
    }

    private String resultTs(String key) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("select result_ts from slack_outbox where dedupe_key = :key")
                        .bind("key", key)
                        .mapTo(String.class)
                        .one());
    }
}
