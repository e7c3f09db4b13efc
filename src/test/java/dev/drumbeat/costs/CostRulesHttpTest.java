package dev.drumbeat.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.TestDrumbeat;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The allocation rules as CSV over real HTTP, behind tokens made by the real `/drumbeat token create`. */
class CostRulesHttpTest {
    static final String PATH = "/api/v1/costs/rules";
    static final String RULES = "match,key,value,services\n"
            + "tag,user:service,payments,payments\n"
            + "sub-account,,000111111111,crm\n"
            + "resource-prefix,,\"arn:aws:eks:eu-west-1:000222222222:cluster/shared, east\",payments:50 crm:30"
            + " intranet:20\n"
            + "provider-service,,Amazon Redshift,crm\n";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void seed() {
        drumbeat.seed()
                .person(TestDrumbeat.ADMIN, "ada", "admin")
                .service("payments", "Payments", "core", null, "1", "1", "1")
                .service("crm", "CRM", "secondary", null, "1", "1", "1")
                .service("intranet", "Intranet", "secondary", null, "1", "1", "1");
    }

    @Test
    void rules_put_over_http_come_back_the_same_from_get() throws Exception {
        String token = drumbeat.apiToken("rules");

        HttpResponse<String> put = send(token, "PUT", RULES);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).path("rules").asInt()).isEqualTo(4);
        assertThat(json(put).path("message").asText()).contains("4 allocation rules");
        assertThat(drumbeat.count("audit_log where entity = 'cost-rules' and actor = '" + TestDrumbeat.ADMIN + "'"))
                .isEqualTo(1);
        HttpResponse<String> get = send(token, "GET", null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(get.body()).isEqualTo(RULES);
    }

    @Test
    void a_bad_line_answers_400_naming_it_and_changes_nothing() throws Exception {
        String token = drumbeat.apiToken("rules");
        send(token, "PUT", RULES);

        HttpResponse<String> put = send(
                token,
                "PUT",
                "match,key,value,services\nsub-account,,1,crm\nprovider-service,,EKS,crm:60 intranet:30\n");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(json(put).path("error").asText())
                .isEqualTo("Line 3: the split adds up to 90%, not 100%. Nothing was changed.");
        assertThat(send(token, "GET", null).body()).isEqualTo(RULES);
    }

    @Test
    void a_nul_or_hostile_text_in_the_rules_answers_400_and_changes_nothing() throws Exception {
        String token = drumbeat.apiToken("rules");
        send(token, "PUT", RULES);

        HttpResponse<String> nul = send(token, "PUT", "match,key,value,services\nsub-account,,a\u0000b,crm\n");
        HttpResponse<String> mention = send(token, "PUT", "match,key,value,services\nsub-account,,1,<!channel>\n");

        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(json(nul).path("error").asText()).startsWith("Line 2: this line contains a NUL character");
        assertThat(mention.statusCode()).isEqualTo(400);
        assertThat(json(mention).path("error").asText()).contains("no active service with the key \"<!channel>\"");
        assertThat(send(token, "GET", null).body()).isEqualTo(RULES);
    }

    @Test
    void without_a_token_both_answer_401_and_nothing_changes() throws Exception {
        HttpResponse<String> get = send(null, "GET", null);
        HttpResponse<String> put = send(null, "PUT", RULES);
        HttpResponse<String> forged = send("dbt_" + "A".repeat(32), "PUT", RULES);

        assertThat(get.statusCode()).isEqualTo(401);
        assertThat(put.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(drumbeat.count("cost_rules")).isZero();
    }

    @Test
    void no_rules_yet_is_the_header_alone() throws Exception {
        HttpResponse<String> get = send(drumbeat.apiToken("rules"), "GET", null);

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("match,key,value,services\n");
    }

    private static HttpResponse<String> send(String token, String method, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(drumbeat.url(PATH))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "text/csv");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
