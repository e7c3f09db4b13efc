package dev.drumbeat.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.schedule.Scheduling;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackPayloads;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.StoppablePostgres;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL stopped under a running Drumbeat, then started again: while it is down every caller hears so at once
 * (readiness, Slack, the API), nothing waits out a pool's half-minute, Slack is left to re-send its events; when it is
 * back everything works again and nothing written before is lost. The time limits are upper bounds with room for a
 * busy machine; the readiness one is the operator's promise.
 */
class DatabaseOutageTest {
    static final String SENTENCE = "Drumbeat's database is unavailable, try again in a minute.";
    static final String OWNER = "U0ALICE01";
    static final String CHANNEL = "C0OUTAGE1";
    static final String READINGS = "/api/v1/services/payments-api/kpis/availability/readings";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    @Order(1)
    static final StoppablePostgres postgres = new StoppablePostgres();

    @RegisterExtension
    @Order(2)
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withAppOn(postgres::connect);

    final ListAppender<ILoggingEvent> outboxLog = new ListAppender<>();

    /** A failed test must not leave the database down for the extension's clean-up. */
    @AfterEach
    void startAgain() {
        outboxLogger().detachAppender(outboxLog);
        postgres.start();
    }

    @Test
    void while_the_database_is_down_everyone_hears_so_at_once_and_after_it_nothing_is_lost() throws Exception {
        drumbeat.seed()
                .person(OWNER, "alice", "member")
                .service("payments-api", "Payments API", "core", OWNER, "0.12", "4200000", "620000")
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95");
        String token = drumbeat.apiToken("monitoring");
        assertThat(send(post(token, "{\"value\": 99.42}")).statusCode()).isEqualTo(201);
        outboxLog.start();
        outboxLogger().addAppender(outboxLog);

        postgres.stop();

        Timed<HttpResponse<String>> ready = timed(() -> send(HttpRequest.newBuilder(drumbeat.url("/readyz"))));
        assertThat(ready.answer().statusCode()).isEqualTo(503);
        assertThat(ready.took()).isLessThanOrEqualTo(Duration.ofSeconds(2));

        Timed<HttpResponse<String>> metrics = timed(() -> send(HttpRequest.newBuilder(drumbeat.url("/metrics"))));
        assertThat(metrics.answer().statusCode()).isEqualTo(200);
        assertThat(metrics.answer().body()).contains("drumbeat_outbox_pending NaN");
        assertThat(metrics.took())
                .as("one wait for the database, not one per gauge")
                .isLessThan(Duration.ofSeconds(3));

        Timed<SlackReply> command = timed(() -> drumbeat.command(OWNER, "whoami"));
        assertThat(command.answer().status()).isEqualTo(200);
        assertThat(command.answer().responseType()).isEqualTo("ephemeral");
        assertThat(command.answer().text()).isEqualTo(SENTENCE);
        assertThat(command.took()).isLessThan(Duration.ofSeconds(3));

        Timed<HttpResponse<String>> api = timed(() -> send(get(token)));
        assertThat(api.answer().statusCode()).isEqualTo(503);
        assertThat(api.answer().headers().firstValue("Retry-After")).isPresent();
        assertThat(json(api.answer()).path("error").asText()).isEqualTo(SENTENCE);
        assertThat(api.took()).isLessThan(Duration.ofSeconds(3));

        Timed<HttpResponse<String>> page = timed(() -> send(HttpRequest.newBuilder(drumbeat.url("/dashboard"))
                .header("Cookie", "drumbeat_dashboard=" + "s".repeat(43))));
        assertThat(page.answer().statusCode()).isEqualTo(503);
        assertThat(page.answer().headers().firstValue("Retry-After")).isPresent();
        assertThat(page.answer().body()).contains("database is unavailable");
        assertThat(page.took()).isLessThan(Duration.ofSeconds(3));

        Timed<HttpResponse<String>> event = timed(() -> drumbeat.event(mention()));
        assertThat(event.answer().statusCode())
                .as("Slack re-sends an event not answered 2xx")
                .isEqualTo(503);
        assertThat(event.took()).isLessThan(Duration.ofSeconds(3));

        Timed<SlackReply> click = timed(() -> drumbeat.click(OWNER, "ask-share", "1"));
        assertThat(click.answer().status()).isEqualTo(200);
        assertThat(drumbeat.openedViewText(OWNER)).contains(SENTENCE);
        assertThat(click.took()).isLessThan(Duration.ofSeconds(3));

        Timed<SlackReply> submission = timed(() -> drumbeat.submit(OWNER, "checkin-form", "payments-api", Map.of()));
        assertThat(submission.answer().json().path("response_action").asText()).isEqualTo("errors");
        assertThat(submission.answer().json().path("errors").path("status").asText())
                .isEqualTo(SENTENCE);
        assertThat(submission.took()).isLessThan(Duration.ofSeconds(3));

        postgres.start();

        Await.until(
                "ready again",
                () -> send(HttpRequest.newBuilder(drumbeat.url("/readyz"))).statusCode() == 200);
        HttpResponse<String> readings = send(get(token));
        assertThat(readings.statusCode()).isEqualTo(200);
        assertThat(json(readings).path("readings").get(0).path("value").decimalValue())
                .isEqualByComparingTo("99.42");
        assertThat(drumbeat.command(OWNER, "whoami").text()).doesNotContain(SENTENCE);
        assertThat(drumbeat.event(mention()).statusCode())
                .as("Slack's re-sent event")
                .isEqualTo(200);
        Await.until(
                "the re-sent mention answered, through the outbox",
                () -> drumbeat.posts(CHANNEL).stream()
                        .anyMatch(c -> String.valueOf(c.args().get("text")).contains("owned by <@" + OWNER + ">")));
        assertThat(outboxLog.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)))
                .as("the outbox's complaints while the database was down")
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void scheduled_jobs_wait_out_the_outage_quietly_and_run_again_after_it() {
        List<Boolean> runs = new CopyOnWriteArrayList<>();
        ListAppender<ILoggingEvent> quartzLog = new ListAppender<>();
        quartzLog.start();
        quartzLogger().addAppender(quartzLog);
        try (Scheduling scheduling = Scheduling.start(
                        drumbeat.database().dataSource(),
                        List.of(new Scheduling.Recurring(
                                "outage-probe", Probe.class, Probe::new, Duration.ofSeconds(1))))
                .observe((job, failed) -> runs.add(failed))) {
            Await.until("a run before the outage", () -> !runs.isEmpty());

            postgres.stop();
            Await.until(
                    "the scheduler finding the database gone",
                    () -> !errors(quartzLog).isEmpty());
            for (int probe = 0; probe < 3; probe++) {
                assertThat(send(HttpRequest.newBuilder(drumbeat.url("/readyz"))).statusCode())
                        .isEqualTo(503);
            }
            postgres.start();

            int before = runs.size();
            Await.until("a run after the outage", () -> runs.size() > before);
        } finally {
            quartzLogger().detachAppender(quartzLog);
        }
        assertThat(runs).as("runs that failed").doesNotContain(true);
        assertThat(errors(quartzLog)).as("the scheduler's complaints").hasSizeLessThanOrEqualTo(6);
    }

    /** A job that does nothing, so that its runs show the scheduler is alive. */
    @DisallowConcurrentExecution
    public static final class Probe implements Job {
        @Override
        public void execute(JobExecutionContext context) {}
    }

    private static List<ILoggingEvent> errors(ListAppender<ILoggingEvent> log) {
        return log.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
    }

    private static Logger quartzLogger() {
        return (Logger) LoggerFactory.getLogger("org.quartz");
    }

    private static Map<String, Object> mention() {
        String ts = "1700000100.000100";
        return SlackPayloads.eventCallback(
                TestDrumbeat.TEAM,
                "Ev0OUTAGE01",
                Map.of(
                        "type", "app_mention",
                        "user", OWNER,
                        "text", "<@" + SlackStandIn.BOT_USER_ID + "> who owns payments-api?",
                        "channel", CHANNEL,
                        "ts", ts,
                        "event_ts", ts));
    }

    private static HttpRequest.Builder get(String token) {
        return HttpRequest.newBuilder(drumbeat.url(READINGS)).header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.Builder post(String token, String body) {
        return get(token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static Logger outboxLogger() {
        return (Logger) LoggerFactory.getLogger("dev.drumbeat.slack.outbox.OutboxSenderWorker");
    }

    private static <T> Timed<T> timed(Supplier<T> call) {
        long start = System.nanoTime();
        T answer = call.get();
        return new Timed<>(answer, Duration.ofNanos(System.nanoTime() - start));
    }

    record Timed<T>(T answer, Duration took) {}
}
