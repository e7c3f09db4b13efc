package dev.drumbeat.catalog.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/api/v1/catalog.csv` over real HTTP, with tokens made by the real `/drumbeat token create`. */
class CatalogImportHttpTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String GOOD = CatalogCsvParsingTest.HEADER + "\r\n"
            + "payments-api,Payments API,strategic,yes,alice,,0.12,transaction,4200000,900000,,\"Cards, wallets\"\r\n"
            + "data-warehouse,Data Warehouse,core,no,U0ALICE01,,1200,TB,420,600000,,\r\n";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    static HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void seed() {
        drumbeat.command(drumbeat.admin(), "C1", "whoami");
        drumbeat.jdbi()
                .useHandle(h -> h.execute(
                        "insert into people (team_id, user_id, name, real_name) values (?, 'U0ALICE01', 'alice', 'Alice Ng')",
                        TestDrumbeat.TEAM));
    }

    @Test
    void without_a_token_the_api_answers_401_with_a_json_error() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url()).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(json(response).path("error").asText()).contains("Authorization: Bearer");
    }

    @Test
    void a_made_up_token_answers_401() throws Exception {
        HttpResponse<String> response = get("dbt_" + "A".repeat(32));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error").asText()).isEqualTo("This API token is not valid.");
    }

    @Test
    void a_revoked_token_answers_401() throws Exception {
        String token = drumbeat.apiToken("revoke-me");
        assertThat(get(token).statusCode()).isEqualTo(200);

        drumbeat.command(drumbeat.admin(), "C1", "token revoke revoke-me");

        HttpResponse<String> response = get(token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error").asText()).contains("revoked");
    }

    @Test
    void a_token_whose_creator_is_no_longer_an_admin_answers_403() throws Exception {
        drumbeat.jdbi()
                .useHandle(h -> h.execute(
                        "insert into people (team_id, user_id, name, role) values (?, 'U0BOSS001', 'boss', 'admin')",
                        TestDrumbeat.TEAM));
        String token = drumbeat.apiToken(drumbeat.user("U0BOSS001", "boss"), "boss-script");
        assertThat(get(token).statusCode()).isEqualTo(200);

        drumbeat.jdbi().useHandle(h -> h.execute("update people set role = 'member' where user_id = 'U0BOSS001'"));

        HttpResponse<String> response = get(token);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("error").asText()).contains("no longer a Drumbeat admin");
    }

    @Test
    void bad_rows_answer_422_listing_every_one_and_import_nothing() throws Exception {
        String token = drumbeat.apiToken("bad-rows");
        String bad = GOOD + "ledger,Ledger,gold,,,,1,,1,1,,\r\nmail,Mail,core,,,,\"12,x\",,1,1,,\r\n";
        int services = drumbeat.count("services");
        int audited = drumbeat.count("audit_log where entity = 'service'");

        HttpResponse<String> response = post(token, bad);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json(response);
        assertThat(body.path("imported").asBoolean(true)).isFalse();
        assertThat(body.path("errors").toString())
                .isEqualTo(
                        "[{\"line\":4,\"column\":\"tier\",\"reason\":\"the tier is strategic,"
                                + " core or secondary\"},{\"line\":5,\"column\":\"unit_cost\",\"reason\":\"“12,x” is not a number\"}]");
        assertThat(drumbeat.count("services")).isEqualTo(services);
        assertThat(drumbeat.count("audit_log where entity = 'service'")).isEqualTo(audited);
    }

    @Test
    void a_nul_character_in_a_row_answers_422_naming_its_line_and_imports_nothing() throws Exception {
        String token = drumbeat.apiToken("nul-row");
        String withNul = GOOD + "mail,Ma\u0000il,core,,,,1,,1,1,,\r\n";
        int services = drumbeat.count("services");

        HttpResponse<String> response = post(token, withNul);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).path("errors").toString()).contains("\"line\":4", "NUL character");
        assertThat(drumbeat.count("services")).isEqualTo(services);
    }

    @Test
    void a_good_file_imports_with_counts_and_the_export_then_contains_its_rows() throws Exception {
        String token = drumbeat.apiToken("round-trip");
        String auditedByAdmin = "audit_log where entity = 'service' and actor = '" + TestDrumbeat.ADMIN + "'";
        int audited = drumbeat.count(auditedByAdmin);

        HttpResponse<String> imported = post(token, GOOD);

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(json(imported).path("created").asInt()).isEqualTo(2);
        assertThat(json(imported).path("imported").asBoolean()).isTrue();
        assertThat(drumbeat.count(auditedByAdmin)).isEqualTo(audited + 2);
        HttpResponse<String> exported = get(token);
        assertThat(exported.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(exported.body())
                .contains(
                        "payments-api,Payments API,strategic,yes,U0ALICE01,Alice Ng,,,0.12,transaction,",
                        "data-warehouse,Data Warehouse,core,no,U0ALICE01,Alice Ng,,,1200.00,TB,420.00,600000.00,504000.00,96000.00,,");
        HttpResponse<String> again = post(token, exported.body());
        assertThat(json(again).path("unchanged").asInt()).isEqualTo(drumbeat.count("services"));
        assertThat(json(again).path("created").asInt()
                        + json(again).path("updated").asInt())
                .isZero();
    }

    @Test
    void query_cells_bind_as_the_token_s_admin_and_the_answer_and_export_say_so() throws Exception {
        String token = drumbeat.apiToken("measures");
        post(token, GOOD);
        drumbeat.seed().kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95");
        String header = CatalogCsvParsingTest.HEADER + ",kpi_query,demand_query\r\n";

        HttpResponse<String> imported = post(
                token,
                header + "payments-api,Payments API,strategic,yes,alice,,0.12,transaction,4200000,900000,,,"
                        + "availability = up,sum(payments_total)\r\n");

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(json(imported).path("measures").toString())
                .contains("payments-api · availability bound: no number now", "payments-api · demand bound");
        assertThat(drumbeat.count("measure_bindings where bound_by = '" + TestDrumbeat.ADMIN + "'"))
                .isEqualTo(2);
        assertThat(get(token).body()).contains(",availability = up,sum(payments_total)");
    }

    @Test
    void a_csv_posted_as_curl_posts_by_default_is_still_read_as_csv() throws Exception {
        String token = drumbeat.apiToken("curl-default");
        String csv = CatalogCsvParsingTest.HEADER + "\nsearch,Search,core,,,,1,,2,3,,\n";

        HttpResponse<String> response = send(HttpRequest.newBuilder(url())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(drumbeat.count("services where key = 'search'")).isEqualTo(1);
    }

    @Test
    void a_form_upload_answers_415_saying_how_to_send_the_file() throws Exception {
        String token = drumbeat.apiToken("form-upload");

        HttpResponse<String> response = send(HttpRequest.newBuilder(url())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nkey\r\n--xyz--\r\n")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).path("error").asText()).contains("--data-binary @catalog.csv");
    }

    @Test
    void a_body_over_ten_megabytes_answers_413_and_imports_nothing() throws Exception {
        String token = drumbeat.apiToken("huge");
        String huge = GOOD + "x".repeat(11 * 1024 * 1024);

        HttpResponse<String> response = post(token, huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asText()).contains("10 MB");
    }

    private static HttpResponse<String> get(String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url())
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    private static HttpResponse<String> post(String token, String csv) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url() {
        return drumbeat.url(CatalogRoutes.PATH);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
