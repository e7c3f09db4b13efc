package dev.drumbeat.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.support.DrumbeatExtension;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/v1/portfolio} and {@code /api/v1/services/{key}} over real HTTP, with a token from `/drumbeat token`. */
class DashboardApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DashboardFixture.app();

    static final DashboardFixture f = new DashboardFixture(drumbeat);
    static HttpClient http = HttpClient.newHttpClient();
    String token;

    @BeforeEach
    void seed() {
        f.seed();
        token = drumbeat.apiToken("dashboard");
    }

    @Test
    void without_a_token_the_api_answers_401() throws Exception {
        HttpResponse<String> portfolio = send("/api/v1/portfolio", null);
        HttpResponse<String> service = send("/api/v1/services/payments-api", null);

        assertThat(portfolio.statusCode()).isEqualTo(401);
        assertThat(service.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(portfolio.body()).path("error").asText()).contains("Authorization: Bearer");
    }

    @Test
    void the_portfolio_has_the_table_rows_in_margin_order_with_money_as_strings() throws Exception {
        JsonNode json = get("/api/v1/portfolio");

        assertThat(keys(json)).containsExactly("data-warehouse", "legacy-fax", "cafe-wiki", "payments-api");
        JsonNode warehouse = json.path("services").get(0);
        assertThat(warehouse.path("margin").asText()).isEqualTo("-204000.00");
        assertThat(warehouse.path("monthlyCost").isTextual()).isTrue();
        assertThat(warehouse.path("owner").path("name").asText()).isEqualTo("Bob");
        assertThat(warehouse.path("status").asText()).isEqualTo("red");
        assertThat(warehouse.path("daysSinceCheckIn").asInt()).isEqualTo(14);
        assertThat(json.path("currency").asText()).isEqualTo("USD");
        assertThat(json.path("tiers").path("secondary").path("services").asInt())
                .isEqualTo(2);
        assertThat(json.path("tiers").path("secondary").path("margin").asText()).isEqualTo("0.00");
    }

    @Test
    void the_portfolio_takes_the_same_filters_and_sort_as_the_table() throws Exception {
        assertThat(keys(get("/api/v1/portfolio?tier=secondary&sort=name&dir=desc")))
                .containsExactly("legacy-fax", "cafe-wiki");
        assertThat(keys(get("/api/v1/portfolio?stale=1"))).containsExactly("cafe-wiki");
    }

    @Test
    void a_service_has_its_fields_kpis_and_check_in_history() throws Exception {
        JsonNode json = get("/api/v1/services/data-warehouse");

        assertThat(json.path("service").path("name").asText()).isEqualTo("Data Warehouse");
        assertThat(json.path("service").path("unitCost").asText()).isEqualTo("1200.00");
        JsonNode week = json.path("history").get(0);
        assertThat(week.path("weekOf").asText()).isEqualTo("2026-11-16");
        assertThat(week.path("status").asText()).isEqualTo("red");
        assertThat(week.path("hurdle").asText()).isEqualTo("Vendor contract");
        JsonNode kpi = get("/api/v1/services/payments-api").path("kpis").get(0);
        assertThat(kpi.path("latestValue").asText()).isEqualTo("280");
        assertThat(kpi.path("onTarget").asBoolean()).isTrue();
    }

    @Test
    void an_unknown_service_answers_404_with_a_json_error() throws Exception {
        HttpResponse<String> response = send("/api/v1/services/no-such-thing", token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("error").asText()).contains("no-such-thing");
    }

    private static List<String> keys(JsonNode json) {
        List<String> keys = new ArrayList<>();
        json.path("services").forEach(s -> keys.add(s.path("key").asText()));
        return keys;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(drumbeat.url(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
