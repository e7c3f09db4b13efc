package dev.drumbeat.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sender's retry policy, decided from what Slack's client gives back: a client (Bolt's {@link MethodsClient}, the
 * sender's one seam to Slack) made to fail exactly as a test needs, such as an I/O error twice before an answer,
 * which the stand-in cannot do. The rows are real, on PostgreSQL; the clock is moved by hand.
 */
class OutboxSenderRetryTest {
    static final String TOKEN = TestDrumbeat.BOT_TOKEN;
    static final String METHOD = "chat.postMessage";
    static final Duration BEYOND_ANY_BACKOFF = Duration.ofMinutes(6);
    /** Whole seconds, as PostgreSQL keeps them exactly. */
    static final Instant START = Instant.parse("2026-11-23T14:00:00Z");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    MethodsClient slack;
    OutboxSender sender;

    @BeforeEach
    void sender() {
        drumbeat.clock().set(START);
        drumbeat.seed();
        slack = mock(MethodsClient.class);
        Slack client = mock(Slack.class);
        when(client.methods(TOKEN)).thenReturn(slack);
        RateLimitSettings unpaced = RateLimitSettings.defaults().withPostMessage(100, 20, Duration.ZERO);
        sender = new OutboxSender(
                drumbeat.jdbi(),
                client,
                TOKEN,
                drumbeat.clock(),
                new RateLimits(unpaced, System::nanoTime, drumbeat.clock()),
                OutboxSenderSettings.defaults());
        drumbeat.jdbi()
                .useTransaction(h -> new Outbox(drumbeat.clock())
                        .enqueue(
                                h,
                                OutboxMessage.post(TestDrumbeat.TEAM, "retry:1", "C0RETRY", Map.of("text", "hello"))));
    }

    @Test
    void io_errors_are_retried_after_a_backoff_that_doubles_and_the_third_try_is_sent_once() throws Exception {
        when(slack.runPostFormWithToken(any(), eq("conversations.history"), eq(TOKEN)))
                .thenAnswer(call -> answer(200, null, "{\"ok\":true,\"messages\":[],\"has_more\":false}"));
        when(slack.runPostFormWithToken(any(), eq(METHOD), eq(TOKEN)))
                .thenThrow(new IOException("connection reset"))
                .thenThrow(new IOException("connection reset"))
                .thenAnswer(call ->
                        answer(200, null, "{\"ok\":true,\"channel\":\"C0RETRY\",\"ts\":\"1700000000.000100\"}"));

        Instant first = drumbeat.clock().instant();
        assertThat(sender.drainOnce()).isEqualTo(1);
        assertThat(row()).satisfies(row -> {
            assertThat(row.state()).isEqualTo("pending");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).isEqualTo("IOException: connection reset");
            assertThat(row.nextAttemptAt()).as("within the first backoff, 1 s").isBetween(first, first.plusSeconds(1));
        });

        drumbeat.clock().advance(BEYOND_ANY_BACKOFF);
        Instant second = drumbeat.clock().instant();
        assertThat(sender.drainOnce()).isEqualTo(1);
        assertThat(row()).satisfies(row -> {
            assertThat(row.state()).isEqualTo("pending");
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.nextAttemptAt())
                    .as("within the doubled backoff, 2 s")
                    .isBetween(second, second.plusSeconds(2));
        });

        drumbeat.clock().advance(BEYOND_ANY_BACKOFF);
        assertThat(sender.drainOnce()).isEqualTo(1);
        assertThat(row()).satisfies(row -> {
            assertThat(row.state()).isEqualTo("sent");
            assertThat(row.attempts()).isEqualTo(3);
        });
        drumbeat.clock().advance(BEYOND_ANY_BACKOFF);
        assertThat(sender.drainOnce()).isZero();
        verify(slack, times(3)).runPostFormWithToken(any(), eq(METHOD), eq(TOKEN));
        verify(slack, times(2).description("a post that may have reached Slack is looked for before each retry"))
                .runPostFormWithToken(any(), eq("conversations.history"), eq(TOKEN));
    }

    @Test
    void ratelimited_waits_exactly_the_retry_after_and_is_not_counted_as_an_attempt() throws Exception {
        when(slack.runPostFormWithToken(any(), eq(METHOD), eq(TOKEN)))
                .thenAnswer(call -> answer(429, "30", "{\"ok\":false,\"error\":\"ratelimited\"}"))
                .thenAnswer(call ->
                        answer(200, null, "{\"ok\":true,\"channel\":\"C0RETRY\",\"ts\":\"1700000000.000100\"}"));

        Instant limited = drumbeat.clock().instant();
        assertThat(sender.drainOnce()).isEqualTo(1);
        assertThat(row()).satisfies(row -> {
            assertThat(row.state()).isEqualTo("pending");
            assertThat(row.attempts()).isZero();
            assertThat(row.lastError()).isEqualTo("ratelimited; Retry-After 30 s");
            assertThat(row.nextAttemptAt()).isEqualTo(limited.plusSeconds(30));
        });

        drumbeat.clock().advance(Duration.ofSeconds(29));
        assertThat(sender.drainOnce()).as("a second before Retry-After is up").isZero();
        drumbeat.clock().advance(Duration.ofSeconds(1));
        assertThat(sender.drainOnce()).isEqualTo(1);

        assertThat(row().state()).isEqualTo("sent");
        verify(slack, times(2)).runPostFormWithToken(any(), eq(METHOD), eq(TOKEN));
    }

    @Test
    void a_refusal_for_good_is_dead_after_one_call_and_never_tried_again() throws Exception {
        when(slack.runPostFormWithToken(any(), eq(METHOD), eq(TOKEN)))
                .thenAnswer(call -> answer(200, null, "{\"ok\":false,\"error\":\"channel_not_found\"}"));

        assertThat(sender.drainOnce()).isEqualTo(1);
        drumbeat.clock().advance(BEYOND_ANY_BACKOFF);
        assertThat(sender.drainOnce()).isZero();

        assertThat(row()).satisfies(row -> {
            assertThat(row.state()).isEqualTo("dead");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).isEqualTo("channel_not_found");
        });
        verify(slack, times(1)).runPostFormWithToken(any(), eq(METHOD), eq(TOKEN));
    }

    /** An HTTP answer as OkHttp hands it to the sender; {@code retryAfter} may be null. */
    private static Response answer(int status, String retryAfter, String json) {
        Response.Builder response = new Response.Builder()
                .request(new Request.Builder()
                        .url("https://slack.com/api/" + METHOD)
                        .build())
                .protocol(Protocol.HTTP_1_1)
                .code(status)
                .message(status == 200 ? "OK" : "Too Many Requests")
                .body(ResponseBody.create(json, MediaType.get("application/json; charset=utf-8")));
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return response.build();
    }

    record Row(String state, int attempts, String lastError, Instant nextAttemptAt) {}

    private static Row row() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("""
                        select state, attempts, last_error, next_attempt_at from slack_outbox where dedupe_key = 'retry:1'""")
                        .map((rs, ctx) -> new Row(
                                rs.getString("state"),
                                rs.getInt("attempts"),
                                rs.getString("last_error"),
                                rs.getTimestamp("next_attempt_at").toInstant()))
                        .one());
    }
}
