package dev.drumbeat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.Demo;
import dev.drumbeat.support.SlackReply;
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
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The questions an outside tester asked of the demo portfolio, word for word: each is read right (the readback line
 * says so) or asked back, never answered while part of it was quietly dropped.
 */
class DemoAskTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** 7 December 2026: 25 days are left in the year. */
    private static final Clock DAY = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dataDir;

    private static Demo demo;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        demo = Demo.start(dataDir, 0, DAY);
        for (JsonNode person : get("/sandbox/api/people")) {
            if (person.path("role").asText().equals("admin")) {
                admin = person.path("userId").asText();
            }
        }
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private record Case(String question, List<String> says, List<String> neverSays) {}

    private static Case says(String question, String... expected) {
        return new Case(question, List.of(expected), List.of());
    }

    @Test
    void each_exclusion_phrasing_leaves_the_service_out() throws Exception {
        List<String> phrasings = List.of(
                "save 50k a month, don't touch legacy hardware maintenance",
                "what can we deprioritise to save 50k a month; do not touch legacy hardware maintenance",
                "what can we deprioritise to save 50k a month, legacy hardware maintenance is off limits",
                "what can we deprioritise to save 50k a month, leave legacy hardware maintenance out of it",
                "what can we deprioritise to save 50k a month, not legacy hardware maintenance",
                "don't touch legacy hardware maintenance – what can we deprioritise to save 50k a month");
        SoftAssertions softly = new SoftAssertions();
        for (String question : phrasings) {
            String answer = ask(question);
            softly.assertThat(answer)
                    .as(question)
                    .contains("leaving out `legacy-hardware-maintenance`")
                    .doesNotContain("*Legacy Hardware Maintenance* `legacy-hardware-maintenance` ·");
        }
        softly.assertAll();
    }

    @Test
    void each_period_is_priced_on_one_calendar_and_read_back() throws Exception {
        List<Case> cases = List.of(
                says("what can we deprioritise to save 3k a week", "save $3,000 a week ($13,000 a month)"),
                says("what can we deprioritise to save 500 a day", "save $500 a day ($15,208 a month)"),
                says("what can we deprioritise to save 6k a fortnight", "save $6,000 a fortnight ($13,000 a month)"),
                says("what can we deprioritise to save 120k over six months", "($20,000 a month)"),
                says("what can we deprioritise to save 240k over two years", "($10,000 a month)"),
                says("what can we deprioritise to save 40k a quarter", "save $40,000 a quarter ($13,333 a month)"),
                says("what can we deprioritise to save 120k per annum", "save $120,000 a year ($10,000 a month)"),
                says("what can we deprioritise to save 120k p.a.", "save $120,000 a year ($10,000 a month)"),
                says(
                        "what can we deprioritise to save 25k by the end of the year",
                        "by the end of the year (25 days left)"));
        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases) {
            softly.assertThat(ask(c.question())).as(c.question()).contains(c.says());
        }
        softly.assertAll();
    }

    @Test
    void limits_premises_and_odd_amounts_are_honoured_or_asked_back() throws Exception {
        List<Case> cases = List.of(
                says("what can we cut to save 50k a month from secondary services only", "only secondary services"),
                says(
                        "if we pause the cloud migration, what else can we cut to save 50k a month",
                        "supposing `cloud-migration` stopped",
                        "as the question does"),
                says("what can we cut to save €40k a quarter", "has no rate", "rate EUR"),
                says("what can we cut to save 50k a month or 100k a quarter", "I see two amounts"),
                says("what can we cut to save -50k a month", "more than zero"),
                says(
                        "what can we cut to save 50k a month without touching anything strategic",
                        "strategic services left alone"),
                says("what can we cut to save 50k a month, keep the branches happy", "I didn't understand"),
                says("what if the cloud migration slips 3 months", "slips 3 months"),
                says("who covers for legacy hardware maintenance when Lucy is away", "Read as: who deputises"),
                says("who's deputising for crm", "Read as: who deputises for the owner of `crm`"),
                says("what does a server of legacy hardware maintenance cost us", "the unit cost of"));
        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases) {
            softly.assertThat(ask(c.question())).as(c.question()).contains(c.says());
        }
        softly.assertAll();
    }

    @Test
    void an_admins_rate_converts_a_foreign_amount_and_the_readback_says_the_rate() throws Exception {
        command("/drumbeat settings rate EUR 1.08");

        assertThat(ask("what can we cut to save €40k a quarter"))
                .contains("= $43,200 at 1 EUR = 1.08 USD (rate set by an admin)");
        command("/drumbeat settings rate EUR none");
    }

    private static String ask(String question) throws Exception {
        return command("/drumbeat ask " + question);
    }

    private static String command(String text) throws Exception {
        String body = JSON.writeValueAsString(Map.of("userId", admin, "text", text));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri("/sandbox/api/command"))
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return SlackReply.texts(JSON.readTree(response.body()).path("body"));
    }

    private static JsonNode get(String path) throws Exception {
        return JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(uri(path))
                                .timeout(Duration.ofSeconds(20))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + demo.port() + path);
    }
}
