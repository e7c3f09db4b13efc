package dev.drumbeat.dashboard;

import static dev.drumbeat.dashboard.DashboardFixture.ALICE;
import static dev.drumbeat.dashboard.DashboardFixture.BOB;
import static dev.drumbeat.dashboard.DashboardFixture.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.DrumbeatExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard's pages over real HTTP with a real session: filters, sorting, CSV export, the service page. */
class DashboardPagesTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DashboardFixture.app();

    static final DashboardFixture f = new DashboardFixture(drumbeat);
    String session;

    @BeforeEach
    void seed() {
        f.seed();
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into checkins (team_id, service_id, period_start, status, hurdle, submitted_by, submitted_at)
                select team_id, id, date '2026-11-09', 'amber', '<script>alert(1)</script>', ?, timestamptz '2026-11-09 10:00:00+00'
                  from services where key = 'payments-api'""", ALICE));
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update checkins set submitted_at = timestamptz '2026-11-20 09:00:00+00'"
                        + " where service_id = (select id from services where key = 'data-warehouse')"));
        session = f.session(f.user(ALICE, "alice"));
    }

    @Test
    void by_default_the_table_is_sorted_by_margin_with_the_biggest_loss_first() {
        String page = page("");

        assertThat(keys(page)).containsExactly("data-warehouse", "legacy-fax", "cafe-wiki", "payments-api");
        assertThat(page)
                .contains("$504,000")
                .contains("−$204,000")
                .contains("$0.12 / transaction")
                .contains("Bob");
    }

    @Test
    void sorting_by_a_column_and_direction_reorders_the_rows() {
        assertThat(keys(page("?sort=name&dir=desc")))
                .containsExactly("payments-api", "legacy-fax", "data-warehouse", "cafe-wiki");
        assertThat(keys(page("?sort=days&dir=asc")))
                .containsExactly("data-warehouse", "cafe-wiki", "payments-api", "legacy-fax");
        assertThat(keys(page("?sort=days&dir=desc")))
                .as("never checked in is the stalest")
                .containsExactly("legacy-fax", "cafe-wiki", "payments-api", "data-warehouse");
        assertThat(keys(page("?sort=owner&dir=desc"))).as("no owner stays last").endsWith("legacy-fax");
        assertThat(keys(page("?sort=status")))
                .containsExactly("data-warehouse", "cafe-wiki", "payments-api", "legacy-fax");
    }

    @Test
    void a_column_header_links_to_sorting_by_it_and_flips_when_already_sorted() {
        assertThat(page(""))
                .contains("href=\"/dashboard?sort=name&amp;dir=asc\"")
                .contains("href=\"/dashboard?sort=margin&amp;dir=desc\"");
    }

    @Test
    void filters_narrow_the_rows() {
        assertThat(keys(page("?tier=core"))).containsExactly("data-warehouse");
        assertThat(keys(page("?status=red"))).containsExactly("data-warehouse");
        assertThat(keys(page("?status=none"))).containsExactly("legacy-fax");
        assertThat(keys(page("?owner=" + BOB))).containsExactly("data-warehouse", "cafe-wiki");
        assertThat(keys(page("?q=WIKI"))).containsExactly("cafe-wiki");
        assertThat(keys(page("?stale=1"))).containsExactly("cafe-wiki");
        assertThat(keys(page("?ownerless=1"))).containsExactly("legacy-fax");
        assertThat(keys(page("?tier=secondary&stale=1"))).containsExactly("cafe-wiki");
    }

    @Test
    void unknown_filter_values_are_ignored_rather_than_failing() {
        assertThat(keys(page("?tier=gold&status=purple&sort=nonsense&dir=sideways")))
                .hasSize(4);
    }

    @Test
    void deprioritised_services_are_marked() {
        String page = page("");

        assertThat(page).contains("<tr class=\"deprioritised\"><td><a href=\"/dashboard/services/legacy-fax\">");
        assertThat(page.split("deprioritised</span>", -1)).hasSize(2);
    }

    @Test
    void the_csv_export_has_a_bom_the_header_and_the_filtered_rows_in_table_order() {
        HttpResponse<byte[]> response = f.send(
                "/dashboard/export.csv?tier=secondary&sort=name&dir=asc",
                session,
                HttpResponse.BodyHandlers.ofByteArray());

        byte[] body = response.body();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines)
                .containsExactly(
                        "key,service,tier,owner,status,unit cost (USD),unit,monthly demand,monthly cost (USD),monthly value (USD),"
                                + "margin (USD),days since check-in,stale,ownerless,deprioritised,plan (USD),actual (USD),"
                                + "actual month,difference (USD),difference (%),margin on actual (USD)",
                        "cafe-wiki,Café Wiki,secondary,Bob,amber,2.00,transaction,1000.00,2000.00,2500.00,500.00,14,yes,no,no,"
                                + "2000.00,no bills,,,,",
                        "legacy-fax,Legacy Fax,secondary,,none,5.00,transaction,100.00,500.00,0.00,-500.00,,no,yes,yes,"
                                + "500.00,no bills,,,,");
    }

    @Test
    void the_service_page_shows_fields_kpis_with_a_chart_and_the_check_in_history_newest_first() {
        HttpResponse<String> response = f.get("/dashboard/services/payments-api", session);

        String page = response.body();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(page)
                .contains("<h1>Payments API</h1>")
                .contains("Alice")
                .contains("$396,000")
                .contains("4,200,000 transactions a month")
                .contains("Latency p95")
                .contains("280 ms")
                .contains("on target")
                .containsPattern("<img src=\"/charts/kpi/\\d+\\.png\\?team=T0DRUMBEAT&amp;exp=\\d+&amp;sig=");
        assertThat(page.indexOf("16 Nov 2026")).isPositive().isLessThan(page.indexOf("9 Nov 2026"));
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void the_kpi_chart_on_the_service_page_is_an_image_the_browser_can_fetch() {
        String page = f.get("/dashboard/services/payments-api", session).body();
        Matcher src = Pattern.compile("<img src=\"(/charts/kpi/[^\"]+)\"").matcher(page);
        assertThat(src.find()).as(page).isTrue();

        HttpResponse<byte[]> image =
                f.send(src.group(1).replace("&amp;", "&"), null, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
    }

    @Test
    void an_unknown_service_is_a_404_page() {
        HttpResponse<String> response = f.get("/dashboard/services/no-such-thing", session);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("There is no service").contains("no-such-thing");
    }

    @Test
    void pages_are_not_cached_and_refuse_framing_and_scripts() {
        HttpResponse<String> response = f.get("/dashboard", session);

        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
    }

    private String page(String query) {
        HttpResponse<String> response = f.get("/dashboard" + query, session);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
