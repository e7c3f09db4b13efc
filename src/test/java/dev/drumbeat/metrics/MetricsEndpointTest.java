package dev.drumbeat.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.TestDrumbeat;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/metrics`: request latency by route, Slack calls by outcome, and the database's gauges, in Prometheus's format. */
class MetricsEndpointTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @BeforeEach
    void seed() {
        drumbeat.seed().person("U0ALICE01", "alice", "member");
    }

    private static HttpResponse<String> scrape() throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(drumbeat.url("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metrics_count_requests_by_route_slack_calls_by_outcome_and_read_the_gauges() throws Exception {
        drumbeat.command(drumbeat.user("U0ALICE01", "alice"), "help");
        drumbeat.jdbi()
                .useHandle(h -> new Outbox(drumbeat.clock())
                        .enqueue(
                                h,
                                OutboxMessage.post(
                                        TestDrumbeat.TEAM, "metrics:1", "C0GENERAL", Map.of("text", "hello"))));
        Await.until(
                "the message sent", () -> !drumbeat.calls("chat.postMessage").isEmpty());
        Await.until("the send counted", () -> {
            try {
                return scrape().body()
                        .contains("drumbeat_slack_calls_total{method=\"chat.postMessage\",outcome=\"sent\"} 1.0");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        HttpResponse<String> metrics = scrape();

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("text/plain");
        assertThat(metrics.body())
                .contains(
                        "drumbeat_http_requests_seconds_count{route=\"/slack/events\",status=\"200\"} 1",
                        "drumbeat_http_requests_seconds_bucket{route=\"/slack/events\",status=\"200\",le=",
                        "drumbeat_outbox_pending ",
                        "drumbeat_outbox_dead 0.0",
                        "drumbeat_outbox_oldest_pending_seconds ",
                        "drumbeat_escalations_open 0.0",
                        "drumbeat_checkins_response_ratio ");
    }

    @Test
    void a_message_stuck_sending_counts_as_waiting_and_as_sending() throws Exception {
        drumbeat.jdbi().useHandle(h -> {
            new Outbox(drumbeat.clock())
                    .enqueue(
                            h,
                            OutboxMessage.post(TestDrumbeat.TEAM, "metrics:stuck", "C0STUCK", Map.of("text", "stuck")));
            h.createUpdate("""
                    update slack_outbox set state = 'sending', claimed_by = 'outbox-gone', claimed_at = :at,
                           call_started_at = :at
                     where dedupe_key = 'metrics:stuck'""").bind("at", drumbeat.clock().instant()).execute();
        });
        drumbeat.clock().advance(java.time.Duration.ofSeconds(30));

        String body = scrape().body();
        drumbeat.jdbi().useHandle(h -> h.execute("delete from slack_outbox where dedupe_key = 'metrics:stuck'"));

        assertThat(body)
                .contains("drumbeat_outbox_pending 1.0", "drumbeat_outbox_sending 1.0")
                .containsPattern("drumbeat_outbox_oldest_pending_seconds (29|30)\\.0");
    }
}
