package dev.drumbeat.dashboard;

import static dev.drumbeat.dashboard.DashboardFixture.ALICE;
import static dev.drumbeat.dashboard.DashboardFixture.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.support.Bills;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan against actual on the dashboard, the API and the CSV export, over real HTTP with bills imported as `drumbeat
 * costs import` does. It is 1 December 2026: November is the latest whole month, December's bills are "so far".
 * Plans: Payments API and Data Warehouse $504,000 a month each; Café Wiki and Legacy Fax have no bills.
 */
class DashboardPlanActualTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DashboardFixture.app();

    static final DashboardFixture f = new DashboardFixture(drumbeat);
    static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    String session;

    @BeforeEach
    void seed() {
        f.seed();
        session = f.session(f.user(ALICE, "alice"));
    }

    private void importBills() {
        Bills bills =
                new Bills(drumbeat.jdbi(), drumbeat.clock(), TestDrumbeat.TEAM, dir, "payments-api", "data-warehouse");
        bills.month("2026-09", "payments-api", "480000", "data-warehouse", "500000");
        bills.month("2026-10", "payments-api", "495000", "data-warehouse", "470000");
        bills.month("2026-11", "payments-api", "529200", "data-warehouse", "453600");
        bills.month("2026-12", "payments-api", "20000");
    }

    @Test
    void the_table_sets_each_plan_against_the_latest_whole_months_bills_and_says_no_bills_where_there_are_none() {
        importBills();

        String page = page("");

        assertThat(page)
                .contains(">Plan (monthly)", ">Actual, November 2026", ">Difference", ">Difference %")
                .contains(">Margin on actual")
                .contains("Actual costs: November 2026, from the bills imported on 1 Dec 2026");
        assertThat(row(page, "payments-api"))
                .contains("$504,000", "$529,200", "+$25,200", "+5.0%", "$370,800")
                .doesNotContain("no bills", "$20,000");
        assertThat(row(page, "data-warehouse")).contains("$453,600", "−$50,400", "−10.0%", "−$153,600");
        assertThat(row(page, "cafe-wiki").split("no bills", -1))
                .as("actual, both differences, margin")
                .hasSize(5);
        assertThat(row(page, "legacy-fax")).contains("no bills");
    }

    @Test
    void without_any_whole_month_of_bills_every_actual_reads_no_bills_and_the_page_says_how_to_import() {
        String page = page("");

        assertThat(row(page, "payments-api")).contains("no bills");
        assertThat(page).contains(">Actual<").contains("No whole month of bills is imported yet");
    }

    @Test
    void the_new_columns_sort_with_services_without_bills_last_and_filter_by_bills_and_overspend() {
        importBills();

        assertThat(keys(page("?sort=actual&dir=desc")))
                .containsExactly("payments-api", "data-warehouse", "cafe-wiki", "legacy-fax");
        assertThat(keys(page("?sort=difference&dir=asc")))
                .containsExactly("data-warehouse", "payments-api", "cafe-wiki", "legacy-fax");
        assertThat(keys(page("?sort=difference_pct&dir=desc")))
                .containsExactly("payments-api", "data-warehouse", "cafe-wiki", "legacy-fax");
        assertThat(keys(page("?sort=margin_actual&dir=asc")))
                .containsExactly("data-warehouse", "payments-api", "cafe-wiki", "legacy-fax");
        assertThat(keys(page("?bills=none"))).containsExactly("legacy-fax", "cafe-wiki");
        assertThat(keys(page("?bills=with"))).containsExactly("data-warehouse", "payments-api");
        assertThat(keys(page("?over=1"))).containsExactly("payments-api");
        assertThat(page("?bills=none&over=1")).contains("No services match these filters.");
    }

    @Test
    void the_csv_export_carries_plan_actual_its_month_difference_and_margin_on_actual() {
        importBills();

        HttpResponse<byte[]> response =
                f.send("/dashboard/export.csv?sort=name&dir=asc", session, HttpResponse.BodyHandlers.ofByteArray());

        byte[] body = response.body();
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines.get(0))
                .endsWith(",deprioritised,plan (USD),actual (USD),actual month,difference (USD),difference (%),"
                        + "margin on actual (USD)");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("cafe-wiki,").endsWith(",2000.00,no bills,2026-11,,,"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("payments-api,")
                        .endsWith(",504000.00,529200.00,2026-11,25200.00,5.0,370800.00"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("data-warehouse,")
                        .endsWith(",504000.00,453600.00,2026-11,-50400.00,-10.0,-153600.00"));
    }

    @Test
    void the_service_page_charts_six_months_of_plan_against_bills_with_the_month_so_far_marked() {
        importBills();

        String page = f.get("/dashboard/services/payments-api", session).body();

        assertThat(page)
                .contains("<h2>Plan against actual</h2>")
                .contains("Actual cost in November 2026: $529,200, +$25,200 (+5.0%) against the plan of $504,000;"
                        + " margin on actual $370,800. From the bills imported on 1 Dec 2026.")
                .contains("December 2026 so far: $20,000. The month is not over, so it is not set against the plan.");
        Matcher chart = Pattern.compile(
                        "<img src=\"(/charts/costs/\\d+\\.png\\?team=T0DRUMBEAT&amp;exp=\\d+&amp;sig=[^\"]+)\"")
                .matcher(page);
        assertThat(chart.find()).as(page).isTrue();
        List<String> months = Pattern.compile("<tr class=\"month[^\"]*\"><td>([^<]+)</td>")
                .matcher(page)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(months)
                .containsExactly(
                        "July 2026",
                        "August 2026",
                        "September 2026",
                        "October 2026",
                        "November 2026",
                        "December 2026 (so far)");
        assertThat(page).contains("<tr class=\"month so-far\"><td>December 2026 (so far)</td>");
        assertThat(page.split("<td class=\"n muted\">no bills</td>", -1))
                .as("July and August")
                .hasSize(3);

        HttpResponse<byte[]> image =
                f.send(chart.group(1).replace("&amp;", "&"), null, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
    }

    @Test
    void the_service_page_of_a_service_without_bills_says_so_rather_than_showing_zero() {
        importBills();

        String page = f.get("/dashboard/services/cafe-wiki", session).body();

        assertThat(page).contains("No bills for Café Wiki in November 2026.");
        assertThat(page.split("<td class=\"n muted\">no bills</td>", -1)).hasSize(7);
    }

    @Test
    void the_api_carries_the_same_fields_and_where_they_came_from() throws Exception {
        importBills();
        String token = drumbeat.apiToken("dashboard");

        JsonNode portfolio = api("/api/v1/portfolio?sort=name", token);

        assertThat(portfolio.path("actualMonth").asText()).isEqualTo("2026-11");
        assertThat(portfolio.path("actualSources").get(0).path("importedAt").asText())
                .startsWith("2026-12-01T12:00");
        JsonNode payments = service(portfolio, "payments-api");
        assertThat(payments.path("plan").asText()).isEqualTo("504000.00");
        assertThat(payments.path("actual").asText()).isEqualTo("529200.00");
        assertThat(payments.path("actualMonth").asText()).isEqualTo("2026-11");
        assertThat(payments.path("difference").asText()).isEqualTo("25200.00");
        assertThat(payments.path("differencePercent").asText()).isEqualTo("5.0");
        assertThat(payments.path("marginOnActual").asText()).isEqualTo("370800.00");
        JsonNode wiki = service(portfolio, "cafe-wiki");
        assertThat(wiki.path("actual").isNull()).isTrue();
        assertThat(wiki.path("difference").isNull()).isTrue();
        assertThat(wiki.path("marginOnActual").isNull()).isTrue();
        assertThat(jsonKeys(api("/api/v1/portfolio?bills=with&sort=actual&dir=desc", token)))
                .containsExactly("payments-api", "data-warehouse");

        JsonNode detail = api("/api/v1/services/payments-api", token);
        assertThat(detail.path("service").path("actual").asText()).isEqualTo("529200.00");
        JsonNode months = detail.path("costs").path("months");
        assertThat(months).hasSize(6);
        assertThat(months.get(0).path("month").asText()).isEqualTo("2026-07");
        assertThat(months.get(0).path("actual").isNull()).isTrue();
        assertThat(months.get(5).path("month").asText()).isEqualTo("2026-12");
        assertThat(months.get(5).path("actual").asText()).isEqualTo("20000.00");
        assertThat(months.get(5).path("soFar").asBoolean()).isTrue();
        assertThat(months.get(4).path("plan").asText()).isEqualTo("504000.00");
        assertThat(months.get(4).path("soFar").asBoolean()).isFalse();
    }

    private String page(String query) {
        HttpResponse<String> response = f.get("/dashboard" + query, session);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The table row of the service with {@code key}. */
    private static String row(String page, String key) {
        int link = page.indexOf("<a href=\"/dashboard/services/" + key + "\"");
        assertThat(link).as(key).isPositive();
        return page.substring(page.lastIndexOf("<tr", link), page.indexOf("</tr>", link));
    }

    private static JsonNode service(JsonNode portfolio, String key) {
        for (JsonNode service : portfolio.path("services")) {
            if (service.path("key").asText().equals(key)) {
                return service;
            }
        }
        throw new AssertionError("no " + key + " in " + portfolio);
    }

    private static List<String> jsonKeys(JsonNode json) {
        List<String> keys = new ArrayList<>();
        json.path("services").forEach(s -> keys.add(s.path("key").asText()));
        return keys;
    }

    private static JsonNode api(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(drumbeat.url(path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
