package dev.drumbeat.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.TestDrumbeat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chart routes over real HTTP: a good link gets a PNG, anything else a short plain 403 or 404, never a 500. */
class ChartRoutesTest {
    static final String OTHER_TEAM = "T0OTHER01";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    ChartLinks links;
    long availability;
    long otherTeamsKpi;

    @BeforeEach
    void seed() {
        drumbeat.seed()
                .person("U0ALICE01", "alice", "member")
                .service("payments-api", "Payments API", "core", "U0ALICE01", "0.12", "4200000", "620000")
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95");
        drumbeat.seed(OTHER_TEAM)
                .service("ledger", "Ledger", "core", null, "1", "10", "100")
                .kpi("ledger", "errors", "Errors", "", "5", "down", "3");
        availability = kpiId(TestDrumbeat.TEAM, "availability");
        otherTeamsKpi = kpiId(OTHER_TEAM, "errors");
        links = new ChartLinks(TestDrumbeat.SIGNING_SECRET, Optional.empty(), drumbeat.clock(), ChartLinks.SLACK_TTL);
    }

    @Test
    void a_signed_kpi_link_serves_a_png_that_may_be_cached_privately() throws IOException {
        HttpResponse<byte[]> response = get(links.kpiTrend(TestDrumbeat.TEAM, availability));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, max-age=600");
        BufferedImage image = ChartRendererTest.decode(response.body());
        assertThat(image.getWidth()).isEqualTo(720);
        assertThat(image.getHeight()).isEqualTo(300);
    }

    @Test
    void signed_tier_links_serve_pngs_now_and_as_of_a_moment() throws IOException {
        HttpResponse<byte[]> now = get(links.tierCosts(TestDrumbeat.TEAM));
        HttpResponse<byte[]> then = get(
                links.tierCosts(TestDrumbeat.TEAM, drumbeat.clock().instant().minus(Duration.ofDays(30))));

        assertThat(now.statusCode()).isEqualTo(200);
        assertThat(ChartRendererTest.decode(now.body()).getWidth()).isEqualTo(720);
        assertThat(then.statusCode()).isEqualTo(200);
        assertThat(ChartRendererTest.decode(then.body()).getHeight()).isEqualTo(300);
    }

    @Test
    void a_tampered_link_is_refused_with_a_plain_403() {
        String link = links.kpiTrend(TestDrumbeat.TEAM, availability);
        int sig = link.indexOf("&sig=") + 5;
        String tampered = link.substring(0, sig) + (link.charAt(sig) == 'A' ? 'B' : 'A') + link.substring(sig + 1);

        assertRefused(get(tampered), 403, "not valid");
        assertRefused(get(link.substring(0, link.indexOf("&sig="))), 403, "not valid");
        assertRefused(get(ChartLinks.kpiPath(availability)), 403, "not valid");
        assertRefused(
                get(link.replace("/kpi/" + availability + ".png", "/kpi/" + otherTeamsKpi + ".png")), 403, "not valid");
    }

    @Test
    void an_expired_link_is_refused_and_says_to_ask_again() {
        MutableClock eightDaysAgo = new MutableClock(drumbeat.clock().instant().minus(Duration.ofDays(8)));
        ChartLinks old =
                new ChartLinks(TestDrumbeat.SIGNING_SECRET, Optional.empty(), eightDaysAgo, ChartLinks.SLACK_TTL);

        assertRefused(get(old.kpiTrend(TestDrumbeat.TEAM, availability)), 403, "expired");
        assertRefused(get(old.tierCosts(TestDrumbeat.TEAM)), 403, "expired");
    }

    @Test
    void a_kpi_of_another_workspace_is_not_found_even_with_a_good_signature() {
        assertRefused(get(links.kpiTrend(TestDrumbeat.TEAM, otherTeamsKpi)), 404, "not in this workspace");
        assertRefused(get(links.kpiTrend(OTHER_TEAM, availability)), 404, "not in this workspace");
        assertThat(get(links.kpiTrend(OTHER_TEAM, otherTeamsKpi)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_kpi_id_that_is_not_a_number_is_not_found() {
        assertRefused(get("/charts/kpi/abc.png?team=" + TestDrumbeat.TEAM + "&exp=1&sig=x"), 404, "no such chart");
        assertRefused(get("/charts/kpi/99999999999999999999999.png"), 404, "no such chart");
    }

    @Test
    void a_signed_pinned_moment_that_was_altered_is_refused() {
        String link = links.tierCosts(TestDrumbeat.TEAM, Instant.parse("2026-11-23T09:00:00Z"));

        assertRefused(get(link.replace("at=1795424400", "at=1795424399")), 403, "not valid");
        assertRefused(get(link.replace("at=1795424400", "at=soon")), 403, "not valid");
    }

    private static void assertRefused(HttpResponse<byte[]> response, int status, String says) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(new String(response.body())).containsIgnoringCase(says).hasSizeLessThan(200);
    }

    static HttpResponse<byte[]> get(String relative) {
        return fetch(drumbeat, relative);
    }

    /** GETs a path and query from a running Drumbeat, as Slack or a browser would. */
    static HttpResponse<byte[]> fetch(DrumbeatExtension drumbeat, String relative) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(drumbeat.url(relative)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long kpiId(String teamId, String key) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from kpis where team_id = :team and key = :key")
                        .bind("team", teamId)
                        .bind("key", key)
                        .mapTo(Long.class)
                        .one());
    }
}
