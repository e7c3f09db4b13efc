package dev.drumbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.escalation.EscalationJob;
import dev.drumbeat.sandbox.DemoWorkspace;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.support.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story `drumbeat demo` tells a newcomer: a first digest with a realistic mix, a handful of escalations that
 * each have a reason, OKRs on track, at risk and one vanity, last quarter's review, and a restart that resumes.
 */
class DemoStoryTest {
    /** Saturday 21 March 2026, noon UTC: the week's digest is due, and every check-in of the week is owed. */
    private static final Instant SATURDAY = Instant.parse("2026-03-21T12:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRACE = "U0NWB01GO";
    private static final String SOFIA = "U0NWB11SB";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void the_first_digest_shows_a_realistic_mix_not_every_service_without_a_check_in() {
        try (Demo demo = Demo.start(dataDir, 0, Clock.fixed(SATURDAY, ZoneOffset.UTC))) {
            String digest = awaitPosted(demo, DemoWorkspace.LEADERSHIP_CHANNEL, "Leadership digest for the week of");
            int services = demo.summary().services();
            assertThat(count(digest, "green")).isGreaterThan(services / 2);
            assertThat(count(digest, "amber")).isBetween(4, 10);
            assertThat(count(digest, "red")).isEqualTo(2);
            assertThat(count(digest, "not checked in")).isBetween(5, 10);
        }
    }

    @Test
    void the_first_escalation_sweep_raises_a_handful_each_with_a_story() {
        try (Demo demo = Demo.start(dataDir, 0, Clock.fixed(SATURDAY, ZoneOffset.UTC))) {
            Await.until("the first escalation sweep", Duration.ofSeconds(30), () -> sweeps(demo) > 0);
            assertThat(openEscalations(demo))
                    .containsExactlyInAnyOrder(
                            "treasury-management ownerless",
                            "mainframe-batch ownerless",
                            "document-management ownerless",
                            "test-environments ownerless",
                            "intranet ownerless",
                            "expense-management stale",
                            "software-asset-management stale",
                            "payments-gateway stale",
                            "card-issuing stale",
                            "trade-settlement red_streak",
                            "legacy-hardware-maintenance red_streak",
                            "trade-settlement kpi_off_target",
                            "data-warehouse kpi_off_target",
                            "legacy-hardware-maintenance kpi_off_target",
                            "cloud-migration initiative_slipping",
                            "mobile-banking-app cost_drift",
                            "data-warehouse cost_drift");
            String creep = demo.jdbi()
                    .withHandle(h -> h.createQuery("""
                                    select e.detail from escalations e join services s on s.id = e.subject_id
                                     where s.key = 'mobile-banking-app' and e.reason = 'cost_drift'""").mapTo(String.class).one());
            assertThat(creep).contains("bills imported on");
        }
    }

    @Test
    void okrs_are_on_track_at_risk_and_one_vanity_and_last_quarter_is_reviewed() throws Exception {
        try (Demo demo = Demo.start(dataDir, 0, Clock.fixed(SATURDAY, ZoneOffset.UTC))) {
            assertThat(command(demo, GRACE, "/drumbeat okr"))
                    .contains(
                            "Make card payments faster",
                            "Settle trades straight through again",
                            "A data warehouse the business can trust",
                            "Run the cloud for less");
            assertThat(command(demo, GRACE, "/drumbeat okr at-risk"))
                    .contains("Straight-through processing back to 98.5%")
                    .doesNotContain("Loads on time at 98%", "p95 latency", "Cost per VM");
            assertThat(command(demo, GRACE, "/drumbeat okr vanity"))
                    .contains("Loads on time at 98%")
                    .doesNotContain("Straight-through", "p95 latency", "Cost per VM");
            awaitPosted(demo, DemoWorkspace.LEADERSHIP_CHANNEL, "2025-Q4 in review");
            awaitPosted(demo, demo.slack().directChannelOf(SOFIA), "2025-Q4 is over");
        }
    }

    @Test
    void a_restart_resumes_where_the_demo_clock_stood_with_the_sandbox_history() throws Exception {
        Clock realClock = Clock.fixed(SATURDAY, ZoneOffset.UTC);
        String dm;
        List<String> before;
        try (Demo demo = Demo.start(dataDir, 0, realClock)) {
            assertThat(demo.startNote()).contains("new demo");
            post(demo, "/sandbox/api/clock", Map.of("to", "day"));
            dm = demo.slack().directChannelOf(GRACE);
            post(demo, "/sandbox/api/command", Map.of("userId", GRACE, "channel", dm, "text", "/drumbeat whoami"));
            awaitPosted(demo, DemoWorkspace.LEADERSHIP_CHANNEL, "Leadership digest for the week of");
            before = timestamps(demo, GRACE, DemoWorkspace.LEADERSHIP_CHANNEL);
            assertThat(texts(demo, GRACE, dm)).anyMatch(text -> text.contains("/drumbeat whoami"));
        }
        try (Demo again = Demo.start(dataDir, 0, realClock)) {
            assertThat(get(again, "/sandbox/api/clock").path("now").asText()).isEqualTo("2026-03-22T12:00:00Z");
            assertThat(again.startNote()).contains("Resumed", "22 Mar 2026");
            assertThat(texts(again, GRACE, dm)).anyMatch(text -> text.contains("/drumbeat whoami"));
            assertThat(before).isNotEmpty();
            assertThat(timestamps(again, GRACE, DemoWorkspace.LEADERSHIP_CHANNEL))
                    .containsAll(before);
        }
    }

    private static int count(String digest, String what) {
        Matcher number = Pattern.compile("\\*(\\d+)\\* " + Pattern.quote(what)).matcher(digest);
        assertThat(number.find())
                .as("the digest counts " + what + ": " + digest)
                .isTrue();
        return Integer.parseInt(number.group(1));
    }

    private static String awaitPosted(Demo demo, String channel, String text) {
        Await.until(
                channel + " gets \"" + text + "\"",
                Duration.ofSeconds(30),
                () -> posted(demo, channel, text).isPresent());
        return posted(demo, channel, text).orElseThrow();
    }

    private static Optional<String> posted(Demo demo, String channel, String text) {
        return demo.slack().calls("chat.postMessage").stream()
                .filter(SlackStandInCall::ok)
                .filter(call -> channel.equals(String.valueOf(call.args().get("channel")))
                        || demo.slack()
                                .directChannelOf(String.valueOf(call.args().get("channel")))
                                .equals(channel))
                .filter(call -> String.valueOf(call.args().get("text")).contains(text))
                .map(call -> call.args().toString())
                .findFirst();
    }

    private static List<String> openEscalations(Demo demo) {
        return demo.jdbi()
                .withHandle(h -> h.createQuery("""
                        select coalesce(s.key, i.key) || ' ' || e.reason from escalations e
                          left join services s on e.subject_kind = 'service' and s.id = e.subject_id
                          left join initiatives i on e.subject_kind = 'initiative' and i.id = e.subject_id
                         where e.closed_at is null""").mapTo(String.class).list());
    }

    private double sweeps(Demo demo) {
        try {
            String selector = "job=\"" + EscalationJob.NAME + "\"";
            return send(demo, HttpRequest.newBuilder(uri(demo, "/metrics")).GET())
                    .body()
                    .lines()
                    .filter(line -> line.startsWith("drumbeat_job_runs_total{") && line.contains(selector))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> texts(Demo demo, String userId, String channel) throws Exception {
        return messages(demo, userId, channel).map(m -> m.path("text").asText()).toList();
    }

    private List<String> timestamps(Demo demo, String userId, String channel) throws Exception {
        return messages(demo, userId, channel).map(m -> m.path("ts").asText()).toList();
    }

    private Stream<JsonNode> messages(Demo demo, String userId, String channel) throws Exception {
        JsonNode messages = get(demo, "/sandbox/api/messages?userId=" + userId + "&channel=" + channel)
                .path("messages");
        return StreamSupport.stream(messages.spliterator(), false);
    }

    private String command(Demo demo, String userId, String text) throws Exception {
        return post(demo, "/sandbox/api/command", Map.of("userId", userId, "text", text))
                .path("body")
                .toString();
    }

    private JsonNode post(Demo demo, String path, Map<String, String> body) throws Exception {
        return JSON.readTree(send(
                        demo,
                        HttpRequest.newBuilder(uri(demo, path))
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))))
                .body());
    }

    private JsonNode get(Demo demo, String path) throws Exception {
        return JSON.readTree(
                send(demo, HttpRequest.newBuilder(uri(demo, path)).GET()).body());
    }

    private HttpResponse<String> send(Demo demo, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(Demo demo, String path) {
        return URI.create("http://127.0.0.1:" + demo.port() + path);
    }
}
