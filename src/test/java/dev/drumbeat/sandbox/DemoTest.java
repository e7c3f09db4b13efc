package dev.drumbeat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.Demo;
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
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `drumbeat demo` end to end through the sandbox page's own endpoints, across a restart. */
class DemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private JsonNode get(Demo demo, String path) throws Exception {
        return JSON.readTree(
                send(demo, HttpRequest.newBuilder(uri(demo, path)).GET()).body());
    }

    private JsonNode command(Demo demo, String userId, String text) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("userId", userId, "text", text));
        HttpResponse<String> response = send(
                demo,
                HttpRequest.newBuilder(uri(demo, "/sandbox/api/command"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(Demo demo, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(Demo demo, String path) {
        return URI.create("http://127.0.0.1:" + demo.port() + path);
    }

    private static String adminId(JsonNode people) {
        for (JsonNode p : people) {
            if (p.path("role").asText().equals("admin")) {
                return p.path("userId").asText();
            }
        }
        throw new AssertionError("the demo has no admin");
    }

    @Test
    void the_sandbox_answers_commands_and_a_second_start_keeps_what_the_first_stored() throws Exception {
        String admin;
        try (Demo demo = Demo.start(dataDir, 0, Clock.systemUTC())) {
            assertThat(demo.summary().services()).isGreaterThanOrEqualTo(40);
            assertThat(send(demo, HttpRequest.newBuilder(uri(demo, "/sandbox")).GET())
                            .body())
                    .contains("Drumbeat sandbox");
            admin = adminId(get(demo, "/sandbox/api/people"));
            JsonNode reply = command(demo, admin, "/drumbeat status legacy hardware");
            assertThat(reply.path("status").asInt()).isEqualTo(200);
            assertThat(reply.path("body").toString()).contains("Legacy Hardware", "secondary", "Margin");
            JsonNode change = command(demo, admin, "/drumbeat owner legacy hardware <@" + admin + ">");
            assertThat(change.path("body").toString()).contains("now owns");
        }
        try (Demo again = Demo.start(dataDir, 0, Clock.systemUTC())) {
            JsonNode card = command(again, admin, "/drumbeat status legacy hardware");
            assertThat(card.path("body").toString()).contains("*Owner*\\n<@" + admin + ">");
            assertThat(command(again, admin, "/drumbeat services").path("body").toString())
                    .contains(again.summary().services() + " services");
        }
    }

    @Test
    void a_modal_opened_in_the_sandbox_is_recorded_and_slack_accepts_it() throws Exception {
        try (Demo demo = Demo.start(dataDir, 0, Clock.systemUTC())) {
            String admin = adminId(get(demo, "/sandbox/api/people"));
            command(demo, admin, "/drumbeat service add");
            JsonNode calls = get(demo, "/sandbox/api/activity").path("calls");
            assertThat(calls.toString()).contains("views.open", "Add a service");
            for (JsonNode call : calls) {
                assertThat(call.path("ok").asBoolean()).as(call.toString()).isTrue();
            }
        }
    }

    @Test
    void leadership_asks_the_demo_what_to_deprioritise_and_a_mention_is_answered_in_its_thread() throws Exception {
        try (Demo demo = Demo.start(dataDir, 0, Clock.systemUTC())) {
            JsonNode answer = command(demo, "U0NWB02DR", "/drumbeat ask what can we deprioritise to save 50k a month?");
            assertThat(answer.path("body").toString())
                    .contains(
                            "What to deprioritise to save $50,000 a month",
                            "Target: $50,000 a month",
                            "Record decision",
                            "Left alone");
            JsonNode slip = command(demo, "U0NWB02DR", "/drumbeat ask what if the cloud migration slips 6 weeks");
            assertThat(slip.path("body").toString())
                    .contains("to the cloud landing zone slips 6 weeks", "The slip costs");

            String body = JSON.writeValueAsString(Map.of("userId", "U0NWB01GO", "text", "who owns payments?"));
            HttpResponse<String> mention = send(
                    demo,
                    HttpRequest.newBuilder(uri(demo, "/sandbox/api/mention"))
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(JSON.readTree(mention.body()).path("status").asInt()).isEqualTo(200);
            Await.until("the answer in the thread", () -> threadedAnswer(demo));
        }
    }

    private boolean threadedAnswer(Demo demo) {
        try {
            for (JsonNode call : get(demo, "/sandbox/api/activity").path("calls")) {
                if (call.path("method").asText().equals("chat.postMessage")
                        && call.path("ok").asBoolean()
                        && call.path("args").has("thread_ts")
                        && call.toString().contains("is owned by")) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_clock_control_moves_the_demo_forward_and_runs_the_jobs_that_care() throws Exception {
        try (Demo demo = Demo.start(dataDir, 0, Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC))) {
            assertThat(get(demo, "/sandbox/api/clock").path("now").asText()).isEqualTo("2026-11-26T12:00:00Z");
            assertThat(clock(demo, "{\"to\": \"day\"}").path("now").asText()).isEqualTo("2026-11-27T12:00:00Z");
            String monday = clock(demo, "{\"userId\": \"U0NWB01GO\", \"to\": \"monday\"}")
                    .path("now")
                    .asText();
            assertThat(monday).as("09:00 in London").isEqualTo("2026-11-30T09:00:00Z");
            Await.until("the new week's prompts", () -> prompted(demo, "30 Nov"));
            assertThat(clock(demo, "{\"to\": \"yesterday\"}").path("error").asText())
                    .contains("\"day\" or \"monday\"");

            String body = JSON.writeValueAsString(Map.of("userId", "U0NWB02DR"));
            send(
                    demo,
                    HttpRequest.newBuilder(uri(demo, "/sandbox/api/home"))
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
            Await.until("the Home tab", () -> homeOf(demo, "U0NWB02DR").contains("Portfolio health"));
        }
    }

    @Test
    void a_service_nobody_has_checked_in_for_in_weeks_escalates_as_stale() throws Exception {
        try (Demo demo = Demo.start(dataDir, 0, Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC))) {
            clock(demo, "{\"to\": \"day\"}");
            Await.until(
                    "Expense Management's stale escalation",
                    () -> posted(demo, "Expense Management", "no check-in since"));
        }
    }

    private boolean posted(Demo demo, String... words) {
        return demo.slack().calls("chat.postMessage").stream()
                .filter(SlackStandInCall::ok)
                .map(call -> call.args().toString())
                .anyMatch(args -> Arrays.stream(words).allMatch(args::contains));
    }

    private JsonNode clock(Demo demo, String body) throws Exception {
        return JSON.readTree(send(
                        demo,
                        HttpRequest.newBuilder(uri(demo, "/sandbox/api/clock"))
                                .POST(HttpRequest.BodyPublishers.ofString(body)))
                .body());
    }

    private String homeOf(Demo demo, String userId) {
        try {
            return get(demo, "/sandbox/api/home?userId=" + userId).path("view").toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean prompted(Demo demo, String week) {
        try {
            for (JsonNode call : get(demo, "/sandbox/api/activity").path("calls")) {
                if (call.path("method").asText().equals("chat.postMessage")
                        && call.path("ok").asBoolean()
                        && call.path("args").path("text").asText().contains(week)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
