package dev.drumbeat.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.sandbox.standin.SlackStandInHold;
import dev.drumbeat.sandbox.standin.SlackStandInMessage;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sender on a real database against the Slack stand-in, driven by hand with {@link OutboxSender#drainOnce}
 * and a clock the tests move, so every retry and wait is exact.
 */
class OutboxSenderTest {
    static final String TEAM = TestDrumbeat.TEAM;
    static final Duration BEYOND_ANY_BACKOFF = Duration.ofMinutes(6);

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    static SlackStandIn standIn;
    static final Instant START = Instant.parse("2026-11-23T14:00:00Z");
    static final MutableClock clock = new MutableClock(START);
    static Slack slack;
    OutboxSender sender;

    @BeforeAll
    static void startAll() {
        standIn = SlackStandIn.start(0, TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes(), clock);
        slack = SlackApp.client(TestDrumbeat.config(standIn.apiUrl()));
    }

    @AfterAll
    static void stopAll() throws Exception {
        slack.close();
        standIn.close();
    }

    @BeforeEach
    void startSender() {
        new Seed(jdbi(), TEAM);
        standIn.reset();
        clock.set(START);
        sender = sender(slack);
    }

    @AfterEach
    void stopSender() {
        sender.close();
    }

    @Nested
    class Delivery {

        @Test
        void a_message_is_delivered_once_and_its_row_records_channel_and_ts() {
            enqueue(OutboxMessage.post(TEAM, "hello:1", "U0OWNER1", Map.of("text", "hello:1")));

            drainAll();

            assertThat(sentTexts()).containsExactly("hello:1");
            SlackStandInMessage posted = standIn.messages("D0OWNER1").get(0);
            assertThat(row("hello:1")).satisfies(row -> {
                assertThat(row.state()).isEqualTo("sent");
                assertThat(row.resultChannel()).isEqualTo("D0OWNER1");
                assertThat(row.resultTs()).isEqualTo(posted.ts());
                assertThat(row.sentAt()).isEqualTo(clock.instant());
                assertThat(row.attempts()).isEqualTo(1);
            });
            assertThat(sender.drainOnce()).isZero();
        }

        @Test
        void the_same_dedupe_key_queued_twice_is_sent_once() {
            assertThat(enqueue(OutboxMessage.post(TEAM, "twice", "C0TWICE", Map.of("text", "twice"))))
                    .isTrue();
            assertThat(enqueue(OutboxMessage.post(TEAM, "twice", "C0TWICE", Map.of("text", "twice again"))))
                    .isFalse();

            drainAll();

            assertThat(sentTexts()).containsExactly("twice");
        }

        @Test
        void every_method_goes_out_with_its_json_arguments() {
            Map<String, Object> section =
                    Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", "*blocks*"));
            enqueue(
                    OutboxMessage.post(
                            TEAM, "blocks", "C0METHODS", Map.of("text", "blocks", "blocks", List.of(section))),
                    message(
                            "home",
                            "views.publish",
                            null,
                            Map.of("user_id", "U0OWNER1", "view", Map.of("type", "home", "blocks", List.of(section)))),
                    message(
                            "open",
                            "conversations.open",
                            null,
                            Map.of("users", List.of("U0OWNER4"), "return_im", true)),
                    message(
                            "whisper",
                            "chat.postEphemeral",
                            "C0METHODS",
                            Map.of("channel", "C0METHODS", "user", "U0OWNER1", "text", "only you")),
                    message(
                            "gone",
                            "chat.delete",
                            "C0METHODS",
                            Map.of("channel", "C0METHODS", "ts", Outbox.tsOf("blocks"))));

            drainAll();

            assertThat(standIn.calls())
                    .allSatisfy(
                            call -> assertThat(call.ok()).as(call.toString()).isTrue())
                    .hasSize(5);
            assertThat(standIn.homeView("U0OWNER1")).get().asString().contains("*blocks*");
            assertThat(row("open").resultChannel()).isEqualTo("D0OWNER4");
            assertThat(row("whisper"))
                    .satisfies(row -> assertThat(row.resultTs()).isNotNull());
            assertThat(standIn.messages("C0METHODS")).noneMatch(m -> m.text().equals("blocks"));
        }
    }

    @Nested
    class References {

        @Test
        void an_update_waits_for_its_post_and_edits_it_in_the_channel_slack_answered() {
            standIn.failNext("chat.postMessage", 500, null);
            enqueue(
                    OutboxMessage.post(TEAM, "prompt:2", "U0OWNER2", Map.of("text", "check in, please")),
                    OutboxMessage.update(TEAM, "prompt:2:done", "U0OWNER2", "prompt:2", Map.of("text", "checked in")));

            assertThat(sender.drainOnce()).isEqualTo(1);
            assertThat(standIn.calls("chat.update")).isEmpty();
            assertThat(row("prompt:2:done").attempts()).isZero();

            clock.advance(BEYOND_ANY_BACKOFF);
            drainAll();

            SlackStandInCall update = okCalls("chat.update").get(0);
            assertThat(update.args())
                    .containsEntry("channel", "D0OWNER2")
                    .containsEntry("ts", row("prompt:2").resultTs());
            assertThat(standIn.messages("D0OWNER2"))
                    .extracting(SlackStandInMessage::text)
                    .containsExactly("checked in");
            assertThat(row("prompt:2:done").state()).isEqualTo("sent");
        }

        @Test
        void an_update_queued_under_another_channel_name_still_waits_for_its_post() {
            standIn.failNext("chat.postMessage", 429, 30);
            enqueue(
                    OutboxMessage.post(TEAM, "prompt:3", "U0OWNER3", Map.of("text", "check in, please")),
                    message(
                            "prompt:3:done",
                            "chat.update",
                            "D0OWNER3",
                            Map.of("channel", "D0OWNER3", "ts", Outbox.tsOf("prompt:3"), "text", "checked in")));

            assertThat(sender.drainOnce()).isEqualTo(1);
            assertThat(sender.drainOnce()).isZero();

            assertThat(standIn.calls("chat.update")).isEmpty();
            assertThat(row("prompt:3:done").attempts()).isZero();
            assertThat(row("prompt:3:done").nextAttemptAt())
                    .as("postponed to its post's next attempt")
                    .isEqualTo(START.plusSeconds(30));
            clock.advance(Duration.ofSeconds(30));
            drainAll();
            assertThat(standIn.messages("D0OWNER3"))
                    .extracting(SlackStandInMessage::text)
                    .containsExactly("checked in");
        }

        @Test
        void an_update_whose_post_is_dead_goes_dead_too() {
            enqueue(
                    OutboxMessage.post(TEAM, "textless", "C0DEAD", Map.of()),
                    OutboxMessage.update(TEAM, "textless:edit", "C0DEAD", "textless", Map.of("text", "edited")));

            drainAll();

            assertThat(row("textless")).satisfies(row -> {
                assertThat(row.state()).isEqualTo("dead");
                assertThat(row.lastError()).isEqualTo("no_text");
            });
            assertThat(row("textless:edit")).satisfies(row -> {
                assertThat(row.state()).isEqualTo("dead");
                assertThat(row.lastError()).isEqualTo("refers to textless, which could not be sent");
            });
            assertThat(standIn.calls("chat.update")).isEmpty();
        }
    }

    @Nested
    class Failures {

        @Test
        void a_429_is_waited_out_by_its_retry_after_on_the_clock_then_delivered_once() {
            standIn.failNext("chat.postMessage", 429, 30);
            enqueue(OutboxMessage.post(TEAM, "limited", "C0LIMITED", Map.of("text", "limited")));
            Instant refusedAt = clock.instant();

            assertThat(sender.drainOnce()).isEqualTo(1);
            assertThat(row("limited")).satisfies(row -> {
                assertThat(row.state()).isEqualTo("pending");
                assertThat(row.attempts()).isZero();
                assertThat(row.nextAttemptAt()).isEqualTo(refusedAt.plusSeconds(30));
            });

            clock.advance(Duration.ofSeconds(29));
            assertThat(sender.drainOnce()).isZero();
            clock.advance(Duration.ofSeconds(1));
            drainAll();

            assertThat(sentTexts()).containsExactly("limited");
            assertThat(okCalls("chat.postMessage").get(0).at()).isEqualTo(refusedAt.plusSeconds(30));
            assertThat(standIn.calls("chat.postMessage")).hasSize(2);
        }

        @Test
        void a_429_holds_back_the_method_in_other_channels_until_the_retry_after() {
            standIn.failNext("chat.postMessage", 429, 30);
            enqueue(OutboxMessage.post(TEAM, "first", "C0FIRST", Map.of("text", "first")));
            sender.drainOnce();
            enqueue(
                    OutboxMessage.post(TEAM, "second", "C0SECOND", Map.of("text", "second")),
                    message(
                            "edit",
                            "chat.update",
                            "C0ELSEWHERE",
                            Map.of("channel", "C0ELSEWHERE", "ts", "1.000001", "text", "x")));

            clock.advance(Duration.ofSeconds(10));
            sender.drainOnce();
            assertThat(sentTexts()).isEmpty();
            assertThat(standIn.calls("chat.update")).hasSize(1);

            clock.advance(Duration.ofSeconds(20));
            drainAll();
            assertThat(sentTexts()).containsExactlyInAnyOrder("first", "second");
        }

        @Test
        void a_message_slack_keeps_failing_is_tried_for_a_day_then_given_up() {
            standIn.failAlways("chat.postMessage", 500);
            enqueue(OutboxMessage.post(TEAM, "doomed", "C0DOOMED", Map.of("text", "doomed")));

            sender.drainOnce();
            assertThat(row("doomed")).satisfies(row -> {
                assertThat(row.state()).isEqualTo("pending");
                assertThat(row.attempts()).isEqualTo(1);
                assertThat(row.lastError()).isEqualTo("HTTP 500 internal_error");
                assertThat(row.nextAttemptAt())
                        .isBetween(clock.instant(), clock.instant().plusSeconds(1));
            });
            for (int hour = 1; hour < 24; hour++) {
                clock.advance(Duration.ofHours(1));
                assertThat(sender.drainOnce()).as("hour %d", hour).isEqualTo(1);
                assertThat(row("doomed").state()).as("hour %d", hour).isEqualTo("pending");
            }
            clock.advance(Duration.ofHours(1));
            sender.drainOnce();

            assertThat(row("doomed")).satisfies(row -> {
                assertThat(row.state()).isEqualTo("dead");
                assertThat(row.attempts()).isEqualTo(25);
                assertThat(row.lastError())
                        .isEqualTo("gave up after 25 attempts over 24 hours: HTTP 500 internal_error");
            });
            clock.advance(BEYOND_ANY_BACKOFF);
            assertThat(sender.drainOnce()).isZero();
        }

        @Test
        void an_unreachable_slack_is_tried_again_later() throws Exception {
            try (Slack nowhere = SlackApp.client(TestDrumbeat.config("http://127.0.0.1:9/api/"))) {
                OutboxSender unreachable = sender(nowhere);
                enqueue(OutboxMessage.post(TEAM, "unreachable", "C0NOWHERE", Map.of("text", "unreachable")));

                assertThat(unreachable.drainOnce()).isEqualTo(1);

                assertThat(row("unreachable")).satisfies(row -> {
                    assertThat(row.state()).isEqualTo("pending");
                    assertThat(row.attempts()).isEqualTo(1);
                    assertThat(row.lastError()).contains("ConnectException");
                });
            }
            clock.advance(BEYOND_ANY_BACKOFF);
            drainAll();
            assertThat(sentTexts()).containsExactly("unreachable");
        }

        @Test
        void a_permanent_error_is_dead_at_once_with_slacks_reason() {
            enqueue(message(
                    "stale-edit",
                    "chat.update",
                    "C0GONE",
                    Map.of("channel", "C0GONE", "ts", "1700000000.000100", "text", "x")));

            drainAll();

            assertThat(row("stale-edit")).satisfies(row -> {
                assertThat(row.state()).isEqualTo("dead");
                assertThat(row.lastError()).isEqualTo("message_not_found");
                assertThat(row.attempts()).isEqualTo(1);
            });
            clock.advance(BEYOND_ANY_BACKOFF);
            assertThat(sender.drainOnce()).isZero();
            assertThat(standIn.calls("chat.update")).hasSize(1);
        }
    }

    @Nested
    class Crashes {

        @Test
        void a_post_whose_sender_stopped_after_slack_had_it_is_found_in_history_and_not_sent_again() throws Exception {
            enqueue(
                    OutboxMessage.post(TEAM, "in-flight", "C0CRASH", Map.of("text", "in-flight")),
                    OutboxMessage.post(TEAM, "still-queued", "C0QUEUED", Map.of("text", "still-queued")));
            SlackStandInHold held = standIn.holdNext("chat.postMessage", SlackStandInHold.Point.AFTER_EFFECT);
            OutboxSender stopped = sender(slack);
            Thread dying = new Thread(stopped::drainOnce);
            dying.start();
            assertThat(held.awaitArrival(Duration.ofSeconds(10))).isTrue();

            clock.advance(Duration.ofSeconds(90));
            drainAll();
            assertThat(row("in-flight").state()).as("within the lease").isEqualTo("sending");
            clock.advance(Duration.ofSeconds(31));
            drainAll();

            SlackStandInMessage posted = standIn.messages("C0CRASH").get(0);
            assertThat(row("in-flight")).satisfies(row -> {
                assertThat(row.state()).isEqualTo("sent");
                assertThat(row.resultChannel()).isEqualTo("C0CRASH");
                assertThat(row.resultTs()).isEqualTo(posted.ts());
            });
            assertThat(standIn.messages("C0CRASH")).hasSize(1);
            assertThat(standIn.calls("conversations.history")).hasSize(1);

            held.release();
            dying.join(10_000);
            assertThat(row("in-flight").state())
                    .as("the stopped sender's late answer changes nothing")
                    .isEqualTo("sent");
            enqueue(OutboxMessage.update(TEAM, "in-flight:edit", "C0CRASH", "in-flight", Map.of("text", "edited")));
            drainAll();
            assertThat(standIn.messages("C0CRASH"))
                    .singleElement()
                    .satisfies(message -> assertThat(message.text()).isEqualTo("edited"));
            assertThat(sentTexts()).containsExactlyInAnyOrder("in-flight", "still-queued");
        }

        @Test
        void a_post_whose_sender_stopped_before_slack_had_it_is_sent_once_after_the_lease() {
            enqueue(OutboxMessage.post(TEAM, "lost-call", "U0OWNER9", Map.of("text", "lost-call")));
            jdbi().useHandle(
                            h -> h.createUpdate("""
                    update slack_outbox set state = 'sending', claimed_by = 'outbox-gone', claimed_at = :at,
                           call_started_at = :at
                     where dedupe_key = 'lost-call'""").bind("at", clock.instant()).execute());

            clock.advance(Duration.ofSeconds(121));
            drainAll();

            String dm = standIn.directChannelOf("U0OWNER9");
            assertThat(standIn.messages(dm)).singleElement().satisfies(message -> {
                assertThat(message.text()).isEqualTo("lost-call");
                assertThat(message.metadata())
                        .isEqualTo(
                                Map.of("event_type", "drumbeat_outbox", "event_payload", Map.of("key", "lost-call")));
            });
            assertThat(row("lost-call")).satisfies(row -> {
                assertThat(row.state()).isEqualTo("sent");
                assertThat(row.resultChannel()).isEqualTo(dm);
            });
            assertThat(standIn.calls("conversations.open"))
                    .as("a DM is looked up in the bot's DM with the person")
                    .hasSize(1);
            assertThat(standIn.calls("conversations.history")).hasSize(1);
        }

        @Test
        void a_row_claimed_by_a_sender_that_stopped_before_calling_slack_is_sent_once_after_the_lease() {
            enqueue(OutboxMessage.post(TEAM, "claimed-only", "C0CLAIMED", Map.of("text", "claimed-only")));
            jdbi().useHandle(
                            h -> h.createUpdate("""
                    update slack_outbox set state = 'sending', claimed_by = 'outbox-crashed', claimed_at = :at
                     where dedupe_key = 'claimed-only'""").bind("at", clock.instant()).execute());

            clock.advance(Duration.ofSeconds(90));
            drainAll();
            assertThat(sentTexts()).isEmpty();
            clock.advance(Duration.ofSeconds(31));
            drainAll();
            drainAll();

            assertThat(row("claimed-only").state()).isEqualTo("sent");
            assertThat(sentTexts()).containsExactly("claimed-only");
        }
    }

    OutboxSender sender(Slack client) {
        RateLimitSettings limits = RateLimitSettings.defaults().withPostMessage(100, 20, Duration.ZERO);
        return new OutboxSender(
                jdbi(),
                client,
                TestDrumbeat.BOT_TOKEN,
                clock,
                new RateLimits(limits, System::nanoTime, clock),
                OutboxSenderSettings.defaults());
    }

    /** Drains until nothing more goes out now; a test's clock must move for anything waiting. */
    void drainAll() {
        for (int round = 0; round < 20 && sender.drainOnce() > 0; round++) {
            assertThat(round).as("still sending after 20 rounds").isLessThan(19);
        }
    }

    boolean enqueue(OutboxMessage... messages) {
        Outbox outbox = new Outbox(clock);
        return jdbi().inTransaction(h -> {
            boolean all = true;
            for (OutboxMessage message : messages) {
                all &= outbox.enqueue(h, message);
            }
            return all;
        });
    }

    static OutboxMessage message(String key, String method, String channel, Map<String, Object> args) {
        return new OutboxMessage(TEAM, key, method, Optional.ofNullable(channel), args);
    }

    static List<SlackStandInCall> okCalls(String method) {
        return standIn.calls(method).stream().filter(SlackStandInCall::ok).toList();
    }

    static List<Object> sentTexts() {
        return okCalls("chat.postMessage").stream()
                .map(call -> call.args().get("text"))
                .toList();
    }

    record Row(
            String state,
            int attempts,
            String lastError,
            String resultChannel,
            String resultTs,
            Instant nextAttemptAt,
            Instant sentAt) {}

    static Row row(String key) {
        return jdbi().withHandle(h -> h.createQuery("""
                        select state, attempts, last_error, result_channel, result_ts, next_attempt_at, sent_at
                          from slack_outbox where dedupe_key = :key""")
                .bind("key", key)
                .map((rs, ctx) -> new Row(
                        rs.getString("state"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getString("result_channel"),
                        rs.getString("result_ts"),
                        instant(rs.getTimestamp("next_attempt_at")),
                        instant(rs.getTimestamp("sent_at"))))
                .one());
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Jdbi jdbi() {
        return drumbeat.jdbi();
    }
}
