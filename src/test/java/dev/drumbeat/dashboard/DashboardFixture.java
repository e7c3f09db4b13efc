package dev.drumbeat.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drumbeat.sandbox.SlackUser;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Drumbeat with a public address ({@link #app()}) and a small portfolio ({@link #seed()}), and a browser that follows
 * no redirects, so a test reads each Set-Cookie and Location itself. Four services, in margin order: Data Warehouse
 * (core, Bob, red, −204,000), Legacy Fax (secondary, nobody, never checked in, deprioritised, −500), Café Wiki
 * (secondary, Bob, amber, stale, +500) and Payments API (strategic, Alice, green, +396,000).
 */
final class DashboardFixture {
    static final String PUBLIC_URL = "https://drumbeat.example.com/";
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String LEAD = "U0LEAD001";
    static final String GONE = "U0GONE001";
    private static final Pattern SERVICE_LINK = Pattern.compile("href=\"/dashboard/services/([a-z0-9-]+)\"");
    private final DrumbeatExtension drumbeat;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    DashboardFixture(DrumbeatExtension drumbeat) {
        this.drumbeat = drumbeat;
    }

    /** Drumbeat with the public address the dashboard links to. */
    static DrumbeatExtension app() {
        return DrumbeatExtension.withApp(config -> config.withPublicUrl(PUBLIC_URL));
    }

    /** The portfolio, at {@link #NOW}. */
    void seed() {
        drumbeat.clock().set(NOW);
        drumbeat.command(drumbeat.admin(), "C1", "whoami");
        drumbeat.seed()
                .person(ALICE, "alice", "member")
                .person(BOB, "bob", "member")
                .person(LEAD, "lead", "leadership")
                .person(GONE, "gone", "member")
                .deactivated(GONE)
                .service("payments-api", "Payments API", "strategic", ALICE, "0.12", "4200000", "900000")
                .service("data-warehouse", "Data Warehouse", "core", BOB, "1200", "420", "300000")
                .service("legacy-fax", "Legacy Fax", "secondary", null, "5", "100", "0")
                .service("cafe-wiki", "Café Wiki", "secondary", BOB, "2", "1000", "2500")
                .checkIn("payments-api", "green", "", ALICE)
                .checkIn("data-warehouse", "red", "Vendor contract", BOB)
                .checkIn("cafe-wiki", "amber", "", BOB)
                .kpi("payments-api", "latency", "Latency p95", "ms", "300", "down", "280");
        drumbeat.jdbi().useHandle(h -> {
            h.execute("""
                    insert into escalations (team_id, subject_kind, subject_id, reason, level, opened_at, level_changed_at)
                    select team_id, 'service', id, 'stale', 1, now(), now() from services where key = 'cafe-wiki'""");
            long decision = h.createQuery("""
                    insert into decisions (team_id, question, target_monthly, expected_saving, decided_by, decided_at)
                    values (?, 'save 500', 500, 500, ?, now()) returning id""")
                    .bind(0, TestDrumbeat.TEAM)
                    .bind(1, TestDrumbeat.ADMIN)
                    .mapTo(Long.class)
                    .one();
            h.execute("update services set deprioritised_by = ? where key = 'legacy-fax'", decision);
        });
    }

    SlackUser user(String userId, String name) {
        return drumbeat.user(userId, name);
    }

    /** {@code /drumbeat dashboard} as the user; the whole answer. */
    SlackReply command(SlackUser user) {
        return drumbeat.command(user, "C1", "dashboard");
    }

    /** The one-time token from the user's dashboard link. */
    String linkToken(SlackUser user) {
        List<JsonNode> urls = command(user).json().findValues("url");
        assertThat(urls).as("the link button").hasSize(1);
        Matcher token = Pattern.compile(Pattern.quote(PUBLIC_URL + "dashboard/open?t=") + "([A-Za-z0-9_-]{43})")
                .matcher(urls.get(0).asText());
        assertThat(token.matches()).as(urls.get(0).asText()).isTrue();
        return token.group(1);
    }

    HttpResponse<String> open(String token) {
        return get("/dashboard/open?t=" + token, null);
    }

    /** A session cookie value for the user, through the real command and link. */
    String session(SlackUser user) {
        HttpResponse<String> opened = open(linkToken(user));
        assertThat(opened.statusCode()).isEqualTo(303);
        String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    HttpResponse<String> get(String path, String session) {
        return send(path, session, HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(String path, String session, HttpResponse.BodyHandler<T> body) {
        return send(HttpRequest.newBuilder(drumbeat.url(path)).GET(), session, body);
    }

    /** A form posted with no fields, as the sign-out button posts. */
    HttpResponse<String> post(String path, String session) {
        return send(
                HttpRequest.newBuilder(drumbeat.url(path)).POST(HttpRequest.BodyPublishers.noBody()),
                session,
                HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, String session, HttpResponse.BodyHandler<T> body) {
        if (session != null) {
            request.header("Cookie", DashboardRoutes.COOKIE + "=" + session);
        }
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service keys a portfolio page lists, in row order. */
    static List<String> keys(String html) {
        return SERVICE_LINK.matcher(html).results().map(m -> m.group(1)).toList();
    }
}
