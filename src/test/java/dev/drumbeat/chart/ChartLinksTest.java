package dev.drumbeat.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.chart.ChartLinks.Check;
import dev.drumbeat.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signed chart links: what they look like, and that only the unchanged link, before it expires, passes. */
class ChartLinksTest {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    final ChartLinks links =
            new ChartLinks(SECRET, Optional.of("https://drumbeat.example.com/"), clock, Duration.ofDays(7));

    @Test
    void a_kpi_link_is_a_relative_path_with_team_expiry_and_signature() {
        String link = links.kpiTrend("T1", 42);

        assertThat(link)
                .startsWith("/charts/kpi/42.png?team=T1&exp="
                        + Instant.parse("2026-12-03T12:00:00Z").getEpochSecond() + "&sig=")
                .doesNotContain(SECRET)
                .hasSizeLessThan(120);
        assertThat(check(link)).isEqualTo(Check.GOOD);
    }

    @Test
    void a_tier_link_may_pin_the_moment_it_shows() {
        assertThat(check(links.tierCosts("T1"))).isEqualTo(Check.GOOD);
        String pinned = links.tierCosts("T1", Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(pinned).startsWith("/charts/tiers.png?team=T1&at=1795424400&exp=");
        assertThat(check(pinned)).isEqualTo(Check.GOOD);
        assertThat(check(pinned.replace("at=1795424400", "at=1795424401"))).isEqualTo(Check.BAD);
    }

    @Test
    void a_tampered_signature_is_refused() {
        String link = links.kpiTrend("T1", 42);
        String sig = query(link).get("sig");
        String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);

        assertThat(check(link.replace(sig, flipped))).isEqualTo(Check.BAD);
        assertThat(check(link.replace(sig, ""))).isEqualTo(Check.BAD);
        assertThat(check(link.replace(sig, "not base64 at all!"))).isEqualTo(Check.BAD);
        assertThat(check(link.replace("&sig=" + sig, ""))).isEqualTo(Check.BAD);
    }

    @Test
    void a_signature_for_one_kpi_does_not_open_another() {
        String link = links.kpiTrend("T1", 42);

        assertThat(check(link.replace("/kpi/42.png", "/kpi/43.png"))).isEqualTo(Check.BAD);
        assertThat(check(link.replace("/kpi/42.png", "/tiers.png"))).isEqualTo(Check.BAD);
    }

    @Test
    void a_signature_for_one_team_does_not_open_another_teams_chart() {
        assertThat(check(links.kpiTrend("T1", 42).replace("team=T1", "team=T2")))
                .isEqualTo(Check.BAD);
    }

    @Test
    void a_link_expires_after_its_ttl_and_a_later_expiry_cannot_be_written_in() {
        String link = links.kpiTrend("T1", 42);
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(check(link)).isEqualTo(Check.GOOD);

        clock.advance(Duration.ofSeconds(1));
        assertThat(check(link)).isEqualTo(Check.EXPIRED);
        String exp = query(link).get("exp");
        assertThat(check(link.replace("exp=" + exp, "exp=" + (Long.parseLong(exp) + 86_400))))
                .isEqualTo(Check.BAD);
    }

    @Test
    void links_made_with_another_signing_secret_are_refused() {
        ChartLinks other = new ChartLinks("another-secret", Optional.empty(), clock, Duration.ofDays(7));

        assertThat(check(other.kpiTrend("T1", 42))).isEqualTo(Check.BAD);
    }

    @Test
    void a_link_with_a_shorter_life_made_elsewhere_still_checks() {
        ChartLinks dashboard = new ChartLinks(SECRET, Optional.empty(), clock, Duration.ofMinutes(10));

        assertThat(check(dashboard.kpiTrend("T1", 42))).isEqualTo(Check.GOOD);
    }

    @Test
    void absolute_links_need_the_public_address() {
        String link = links.kpiTrend("T1", 42);

        assertThat(links.absolute(link)).hasValue("https://drumbeat.example.com" + link);
        assertThat(links.hasPublicUrl()).isTrue();
        ChartLinks internal = new ChartLinks(SECRET, Optional.empty(), clock, Duration.ofDays(7));
        assertThat(internal.absolute(link)).isEmpty();
        assertThat(internal.hasPublicUrl()).isFalse();
    }

    @Test
    void the_secret_never_shows_in_to_string() {
        assertThat(links.toString()).doesNotContain(SECRET).contains("***");
    }

    /** Checks a link the way the routes do, from its path and query. */
    private Check check(String link) {
        Map<String, String> q = query(link);
        return links.check(
                link.substring(0, link.indexOf('?')),
                q.get("team"),
                Optional.ofNullable(q.get("at")),
                q.get("exp"),
                q.get("sig"));
    }

    private static Map<String, String> query(String link) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = link.substring(link.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }
}
