package dev.drumbeat.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `/drumbeat outbox` end to end: the running app's sender meets a permanent error, and an admin can see it. */
class OutboxCommandTest {
    static TestDrumbeat t;

    @BeforeAll
    static void start() {
        t = TestDrumbeat.start();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void a_permanent_error_goes_dead_at_once_and_an_admin_sees_why() {
        t.jdbi().useTransaction(h -> new Outbox(t.clock).enqueue(h, new OutboxMessage(TestDrumbeat.TEAM, "edit:lost",
                "chat.update", Optional.of("C0GONE"), Map.of("channel", "C0GONE", "ts", "1700000000.000100", "text", "edited"))));
        queuePendingFor(Duration.ofMinutes(5).plusSeconds(30));

        awaitTrue(() -> state("edit:lost").equals("dead"));
        assertThat(t.slack.calls("chat.update")).hasSize(1);
        SlackReply reply = SlackReply.of(t.driver.command(t.admin(), "C0ADMIN", "outbox"));

        assertThat(reply.responseType()).isEqualTo("ephemeral");
        assertThat(reply.text())
                .contains("pending 1", "dead 1", "oldest pending queued 5 min ago")
                .contains("`chat.update` to `C0GONE` — message_not_found", "1 attempt", "`edit:lost`");
        assertThat(lastError("edit:lost")).isEqualTo("message_not_found");
    }

    @Test
    void a_member_is_told_politely_that_the_outbox_is_for_admins() {
        SlackReply reply = SlackReply.of(t.driver.command(t.user("U0MEMBER1", "mel"), "C1", "outbox"));

        assertThat(reply.responseType()).isEqualTo("ephemeral");
        assertThat(reply.text()).contains("Only a Drumbeat admin can see the Slack outbox").doesNotContain("dead");
    }

    /** A message queued earlier that waits for a retry an hour from now. */
    private static void queuePendingFor(Duration waited) {
        Instant now = t.clock.instant();
        t.jdbi().useHandle(h -> h.createUpdate("""
                insert into slack_outbox (team_id, dedupe_key, method, channel, args, next_attempt_at, created_at)
                values (:team, 'waiting', 'chat.postMessage', 'C0WAIT', '{"channel":"C0WAIT","text":"waiting"}', :later, :queued)""")
                .bind("team", TestDrumbeat.TEAM).bind("later", now.plus(Duration.ofHours(1))).bind("queued", now.minus(waited))
                .execute());
    }

    private static String state(String key) {
        return t.jdbi().withHandle(h -> h.createQuery("select state from slack_outbox where dedupe_key = :key")
                .bind("key", key).mapTo(String.class).one());
    }

    private static String lastError(String key) {
        return t.jdbi().withHandle(h -> h.createQuery("select last_error from slack_outbox where dedupe_key = :key")
                .bind("key", key).mapTo(String.class).one());
    }

    /** Polls for the background sender, which works in real time. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("timed out waiting for the sender").isNegative();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
