package dev.drumbeat.checkin.readings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `POST/GET /api/v1/services/{service}/kpis/{kpi}/readings` over real HTTP, with tokens made by `/drumbeat token create`. */
class ReadingsApiTest {
    /** Wednesday 25 November 2026: the current period started Monday 23 November. */
    static final Instant WEDNESDAY = Instant.parse("2026-11-25T12:00:00Z");

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    Seed seed;
    String token;

    @BeforeEach
    void seed() {
        drumbeat.clock().set(WEDNESDAY);
        drumbeat.command(drumbeat.admin(), "C1", "whoami");
        seed = drumbeat.seed()
                .person("U0ALICE01", "alice", "member")
                .service("payments-api", "Payments API", "core", "U0ALICE01", "0.12", "4200000", "620000")
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95")
                .kpi("payments-api", "latency-p99", "Latency p99", "ms", "300", "down", "280");
        token = drumbeat.apiToken("monitoring");
        // each test counts only the readings and audit entries it makes, not the seed's or the token's
        drumbeat.execute("truncate kpi_readings, audit_log");
    }

    @Test
    void without_a_token_the_api_answers_401_and_stores_nothing() throws Exception {
        HttpResponse<String> response =
                send(request("availability").POST(HttpRequest.BodyPublishers.ofString("{\"value\": 1}")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error").asText()).contains("Authorization: Bearer");
        assertThat(seed.count("kpi_readings")).isZero();
    }

    @Test
    void a_revoked_token_answers_401() throws Exception {
        String revoked = drumbeat.apiToken("short-lived");
        assertThat(post(revoked, "availability", "{\"value\": 99.9}").statusCode())
                .isEqualTo(201);

        drumbeat.command(drumbeat.admin(), "C1", "token revoke short-lived");

        HttpResponse<String> response = post(revoked, "availability", "{\"value\": 98}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error").asText()).contains("revoked");
        assertThat(storedValue()).isEqualByComparingTo("99.9");
    }

    @Test
    void the_same_reading_posted_twice_is_created_once_then_answered_200_unchanged() throws Exception {
        String body = "{\"value\": 99.95, \"period\": \"2026-11-23\", \"source\": \"grafana\"}";

        HttpResponse<String> first = post(token, "availability", body);
        HttpResponse<String> second = post(token, "availability", body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json(first).path("outcome").asText()).isEqualTo("created");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).path("outcome").asText()).isEqualTo("unchanged");
        assertThat(json(second).path("value").decimalValue()).isEqualByComparingTo("99.95");
        assertThat(json(second).path("period").asText()).isEqualTo("2026-11-23");
        assertThat(json(second).path("source").asText()).isEqualTo("grafana");
        assertThat(seed.count("kpi_readings")).isEqualTo(1);
        assertThat(seed.count("audit_log where entity = 'kpi_reading'")).isEqualTo(1);
    }

    @Test
    void a_push_named_prometheus_is_kept_apart_from_drumbeats_own_measurements() throws Exception {
        String body = "{\"value\": 99.95, \"period\": \"2026-11-23\", \"source\": \"prometheus\"}";

        HttpResponse<String> first = post(token, "availability", body);
        HttpResponse<String> again = post(token, "availability", body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json(first).path("source").asText()).isEqualTo("prometheus-push");
        assertThat(json(again).path("outcome").asText()).isEqualTo("unchanged");
        String stored = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select source from kpi_readings")
                        .mapTo(String.class)
                        .one());
        assertThat(stored).isEqualTo("prometheus-push");
    }

    @Test
    void a_new_value_for_the_same_kpi_period_and_source_replaces_the_old_one_and_is_audited_as_an_update()
            throws Exception {
        post(token, "availability", "{\"value\": 99.95, \"source\": \"grafana\"}");

        HttpResponse<String> response = post(token, "availability", "{\"value\": 99.5, \"source\": \"grafana\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("outcome").asText()).isEqualTo("updated");
        assertThat(storedValue()).isEqualByComparingTo("99.5");
        List<String> audited = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("""
                select action || ' ' || entity_key || ' ' || coalesce(before ->> 'value', '-') || ' ' || (after ->> 'value')
                  from audit_log where entity = 'kpi_reading' order by id""").mapTo(String.class).list());
        assertThat(audited)
                .containsExactly(
                        "create payments-api/availability/2026-11-23/grafana - 99.95",
                        "update payments-api/availability/2026-11-23/grafana 99.95 99.5");
    }

    @Test
    void another_source_for_the_same_kpi_and_period_is_a_second_reading() throws Exception {
        assertThat(post(token, "availability", "{\"value\": 99.95, \"source\": \"grafana\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(post(token, "availability", "{\"value\": 99.91, \"source\": \"datadog\"}")
                        .statusCode())
                .isEqualTo(201);

        assertThat(seed.count("kpi_readings")).isEqualTo(2);
    }

    @Test
    void period_and_source_default_to_the_current_period_and_api() throws Exception {
        HttpResponse<String> response = post(token, "latency-p99", "{\"value\": \"281.5\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).path("period").asText()).isEqualTo("2026-11-23");
        assertThat(json(response).path("source").asText()).isEqualTo("api");
        assertThat(json(response).path("recorded_by").asText()).isEqualTo(TestDrumbeat.ADMIN);
        assertThat(json(response).path("recorded_at").asText()).isEqualTo("2026-11-25T12:00:00Z");
    }

    @Test
    void an_unknown_kpi_answers_404_listing_the_services_kpi_keys() throws Exception {
        HttpResponse<String> response = post(token, "uptime", "{\"value\": 1}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asText())
                .contains("has no KPI with the key “uptime”")
                .contains("Its KPI keys are: availability, latency-p99.");
    }

    @Test
    void an_unknown_service_answers_404() throws Exception {
        HttpResponse<String> response = send(request("billing", "availability")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\": 1}")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asText()).contains("There is no service with the key “billing”");
    }

    @Test
    void a_value_that_is_not_a_number_answers_400_saying_a_number_is_expected() throws Exception {
        HttpResponse<String> response = post(token, "availability", "{\"value\": \"abc\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText())
                .contains("\"value\" must be a number such as 99.95, not \"abc\"");
        assertThat(seed.count("kpi_readings")).isZero();
    }

    @Test
    void malformed_json_missing_values_and_out_of_range_values_answer_400_never_500() throws Exception {
        for (String body : List.of(
                "{\"value\": 99.9",
                "",
                "[1]",
                "{}",
                "{\"value\": null}",
                "{\"value\": true}",
                "{\"value\": 1e20}",
                "{\"value\": \"1e999999999\"}",
                "{\"value\": 1, \"period\": \"last week\"}",
                "{\"value\": 1, \"source\": \"slack\"}",
                "{\"value\": 1, \"source\": \"has spaces\"}",
                "{\"value\": 1, \"recorded_at\": \"yesterday\"}")) {
            HttpResponse<String> response = post(token, "availability", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).path("error").asText()).as(body).isNotBlank();
        }
        assertThat(seed.count("kpi_readings")).isZero();
    }

    @Test
    void a_period_that_does_not_start_on_the_check_in_day_answers_422_naming_the_right_one() throws Exception {
        HttpResponse<String> response = post(token, "availability", "{\"value\": 1, \"period\": \"2026-11-25\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).path("error").asText())
                .isEqualTo(
                        "2026-11-25 is a Wednesday, but periods start on Mondays. Send the date its period starts: 2026-11-23.");
    }

    @Test
    void a_future_period_answers_422() throws Exception {
        HttpResponse<String> response = post(token, "availability", "{\"value\": 1, \"period\": \"2026-11-30\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).path("error").asText())
                .contains("The period 2026-11-30 hasn't started yet", "started 2026-11-23");
        assertThat(seed.count("kpi_readings")).isZero();
    }

    @Test
    void the_year_one_is_refused_even_as_a_backfill() throws Exception {
        HttpResponse<String> plain = post(token, "availability", "{\"value\": 1, \"period\": \"0001-01-01\"}");
        HttpResponse<String> backfill =
                post(token, "availability", "{\"value\": 1, \"period\": \"0001-01-01\", \"backfill\": true}");

        assertThat(plain.statusCode()).isEqualTo(422);
        assertThat(backfill.statusCode()).isEqualTo(422);
        assertThat(json(backfill).path("error").asText()).contains("more than 10 years back");
        assertThat(seed.count("kpi_readings")).isZero();
    }

    @Test
    void a_period_more_than_a_year_back_needs_the_backfill_flag() throws Exception {
        drumbeat.execute("update services set created_at = '2024-01-01T00:00:00Z'");

        HttpResponse<String> plain = post(token, "availability", "{\"value\": 1, \"period\": \"2025-11-17\"}");
        assertThat(plain.statusCode()).isEqualTo(422);
        assertThat(json(plain).path("error").asText()).contains("more than a year back", "\"backfill\": true");
        assertThat(seed.count("kpi_readings")).isZero();

        HttpResponse<String> backfill =
                post(token, "availability", "{\"value\": 1, \"period\": \"2025-11-17\", \"backfill\": true}");
        assertThat(backfill.statusCode()).isEqualTo(201);
        assertThat(post(token, "availability", "{\"value\": 1, \"period\": \"2025-11-24\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void a_period_before_the_service_existed_needs_the_backfill_flag() throws Exception {
        drumbeat.execute("update services set created_at = '2026-11-10T12:00:00Z'");

        HttpResponse<String> before = post(token, "availability", "{\"value\": 1, \"period\": \"2026-11-02\"}");
        assertThat(before.statusCode()).isEqualTo(422);
        assertThat(json(before).path("error").asText())
                .contains("before payments-api was added to the catalog", "started 2026-11-09");
        assertThat(post(token, "availability", "{\"value\": 1, \"period\": \"2026-11-09\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(post(token, "availability", "{\"value\": 1, \"period\": \"2026-11-02\", \"backfill\": true}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void backfill_must_be_true_or_false() throws Exception {
        HttpResponse<String> response = post(token, "availability", "{\"value\": 1, \"backfill\": \"yes\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).contains("\"backfill\" is true");
    }

    @Test
    void values_keep_four_decimal_places_and_come_back_as_plain_numbers() throws Exception {
        HttpResponse<String> response = post(token, "availability", "{\"value\": 1E+2, \"period\": \"2026-11-16\"}");
        HttpResponse<String> rounded = post(token, "latency-p99", "{\"value\": 280.123456}");

        assertThat(response.body()).contains("\"value\":100,");
        assertThat(json(rounded).path("value").decimalValue()).isEqualByComparingTo("280.1235");
    }

    @Test
    void the_same_reading_posted_by_several_threads_at_once_is_stored_once() throws Exception {
        String body = "{\"value\": 97.5, \"source\": \"race\"}";
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                statuses.add(pool.submit((Callable<Integer>) () -> {
                    go.await();
                    return post(token, "availability", body).statusCode();
                }));
            }
            go.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }

            assertThat(answered)
                    .containsOnly(200, 201)
                    .filteredOn(s -> s == 201)
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(seed.count("kpi_readings")).isEqualTo(1);
        assertThat(seed.count("audit_log where entity = 'kpi_reading'")).isEqualTo(1);
    }

    @Test
    void get_returns_the_last_twelve_readings_newest_period_first() throws Exception {
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into kpi_readings (team_id, kpi_id, period_start, value, source)
                select ?, k.id, date '2026-11-23' - 7 * n, 99 + n / 100.0, 'grafana'
                  from kpis k, generate_series(0, 13) n where k.key = 'availability'""", TestDrumbeat.TEAM));

        HttpResponse<String> response = send(request("availability")
                .header("Authorization", "Bearer " + token)
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode readings = json(response).path("readings");
        assertThat(readings).hasSize(12);
        assertThat(readings.get(0).path("period").asText()).isEqualTo("2026-11-23");
        assertThat(readings.get(11).path("period").asText()).isEqualTo("2026-09-07");
        assertThat(json(response).path("unit").asText()).isEqualTo("%");
    }

    private static BigDecimal storedValue() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select value from kpi_readings")
                        .mapTo(BigDecimal.class)
                        .one());
    }

    private static HttpResponse<String> post(String bearer, String kpi, String body)
            throws IOException, InterruptedException {
        return send(request(kpi)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder request(String kpi) {
        return request("payments-api", kpi);
    }

    private static HttpRequest.Builder request(String service, String kpi) {
        return HttpRequest.newBuilder(
                drumbeat.url(ReadingsRoutes.PATH.replace("{service}", service).replace("{kpi}", kpi)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
