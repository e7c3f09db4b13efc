package dev.drumbeat.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/drumbeat outbox` end to end: the running app's sender meets a permanent error, and an admin can see it. */
class OutboxCommandTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @BeforeEach
    void workspace() {
        drumbeat.seed();
    }

    @Test
    void a_permanent_error_goes_dead_at_once_and_an_admin_sees_why() {
        drumbeat.jdbi()
                .useTransaction(h -> new Outbox(drumbeat.clock())
                        .enqueue(
                                h,
                                new OutboxMessage(
                                        TestDrumbeat.TEAM,
                                        "edit:lost",
                                        "chat.update",
                                        Optional.of("C0GONE"),
                                        Map.of("channel", "C0GONE", "ts", "1700000000.000100", "text", "edited"))));
        queuePendingFor(Duration.ofMinutes(5).plusSeconds(30));

        Await.until("the edit dead", () -> state("edit:lost").equals("dead"));
        assertThat(drumbeat.calls("chat.update")).hasSize(1);
        SlackReply reply = drumbeat.command(drumbeat.admin(), "C0ADMIN", "outbox");

        assertThat(reply.responseType()).isEqualTo("ephemeral");
        assertThat(reply.text())
                .contains("pending 1", "dead 1", "oldest pending queued 5 min ago")
                .contains("`chat.update` to `C0GONE` — message_not_found", "1 attempt", "`edit:lost`");
        assertThat(lastError("edit:lost")).isEqualTo("message_not_found");
    }

    @Test
    void a_member_is_told_politely_that_the_outbox_is_for_admins() {
        SlackReply reply = drumbeat.command(drumbeat.user("U0MEMBER1", "mel"), "C1", "outbox");

        assertThat(reply.responseType()).isEqualTo("ephemeral");
        assertThat(reply.text())
                .contains("Only a Drumbeat admin can see the Slack outbox")
                .doesNotContain("dead");
    }

    /** A message queued earlier that waits for a retry an hour from now. */
    private static void queuePendingFor(Duration waited) {
        Instant now = drumbeat.clock().instant();
        drumbeat.jdbi()
                .useHandle(h -> h.createUpdate("""
                insert into slack_outbox (team_id, dedupe_key, method, channel, args, next_attempt_at, created_at)
                values (:team, 'waiting', 'chat.postMessage', 'C0WAIT', '{"channel":"C0WAIT","text":"waiting"}', :later, :queued)""")
                        .bind("team", TestDrumbeat.TEAM)
                        .bind("later", now.plus(Duration.ofHours(1)))
                        .bind("queued", now.minus(waited))
                        .execute());
    }

    private static String state(String key) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select state from slack_outbox where dedupe_key = :key")
                        .bind("key", key)
                        .mapTo(String.class)
                        .one());
    }

    private static String lastError(String key) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select last_error from slack_outbox where dedupe_key = :key")
                        .bind("key", key)
                        .mapTo(String.class)
                        .one());
    }
}
