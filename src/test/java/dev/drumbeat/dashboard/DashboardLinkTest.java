package dev.drumbeat.dashboard;

import static dev.drumbeat.dashboard.DashboardFixture.ALICE;
import static dev.drumbeat.dashboard.DashboardFixture.GONE;
import static dev.drumbeat.dashboard.DashboardFixture.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackPayloads;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/drumbeat dashboard` and its one-time link, end to end: signed command in, real HTTP to the pages. */
class DashboardLinkTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DashboardFixture.app();

    static final DashboardFixture f = new DashboardFixture(drumbeat);

    @BeforeEach
    void seed() {
        f.seed();
    }

    @Test
    void the_command_answers_privately_with_a_link_button_that_lasts_fifteen_minutes() {
        SlackReply reply = f.command(f.user(ALICE, "alice"));

        assertThat(reply.responseType()).isEqualTo("ephemeral");
        assertThat(reply.text()).contains("Open the dashboard").contains("works once, within 15 minutes");
        boolean stored = drumbeat.jdbi()
                .withHandle(h -> h.createQuery(
                                "select expires_at - created_at = interval '15 minutes' and role = 'member' from dashboard_links"
                                        + " where user_id = :u order by id desc limit 1")
                        .bind("u", ALICE)
                        .mapTo(Boolean.class)
                        .one());
        assertThat(stored).isTrue();
    }

    @Test
    void a_click_on_the_link_button_is_acknowledged_so_slack_shows_no_warning() {
        HttpResponse<String> ack = drumbeat.driver()
                .interaction(SlackPayloads.blockAction(TestDrumbeat.TEAM, ALICE, "1.2.abc", DashboardViews.OPEN, ""));

        assertThat(ack.statusCode()).isEqualTo(200);
    }

    @Test
    void only_a_sha256_of_the_link_token_is_stored() {
        String token = f.linkToken(f.user(ALICE, "alice"));

        int holding = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from dashboard_links l where l::text like :t")
                        .bind("t", "%" + token + "%")
                        .mapTo(Integer.class)
                        .one());
        int hashed = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from dashboard_links where token_hash = :h")
                        .bind("h", DashboardSecrets.hash(token))
                        .mapTo(Integer.class)
                        .one());
        assertThat(holding).isZero();
        assertThat(hashed).isOne();
    }

    @Test
    void the_link_opens_a_session_once_and_a_second_use_is_refused() {
        String token = f.linkToken(f.user(ALICE, "alice"));

        HttpResponse<String> first = f.open(token);
        HttpResponse<String> second = f.open(token);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).contains("/dashboard");
        assertThat(first.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith(DashboardRoutes.COOKIE + "=")
                .contains("Path=/dashboard")
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Secure")
                .containsIgnoringCase("Max-Age=28800");
        assertRefused(second);
    }

    @Test
    void signing_out_ends_the_session_at_once() {
        String session = f.session(f.user(ALICE, "alice"));
        assertThat(f.get("/dashboard", session).body()).contains("action=\"/dashboard/signout\"");

        HttpResponse<String> out = f.post("/dashboard/signout", session);

        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.body()).contains("signed out");
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith(DashboardRoutes.COOKIE + "=")
                .contains("Expires=Thu, 01 Jan 1970");
        assertRefused(f.get("/dashboard", session));
    }

    @Test
    void the_session_cookie_shows_the_portfolio_and_is_stored_only_as_a_hash() {
        String session = f.session(f.user(ALICE, "alice"));

        HttpResponse<String> page = f.get("/dashboard", session);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Service portfolio").contains("Payments API");
        int hashed = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from dashboard_sessions where session_hash = :h")
                        .bind("h", DashboardSecrets.hash(session))
                        .mapTo(Integer.class)
                        .one());
        assertThat(hashed).isOne();
    }

    @Test
    void a_link_opened_after_fifteen_minutes_is_refused() {
        String token = f.linkToken(f.user(ALICE, "alice"));

        drumbeat.clock().advance(Duration.ofMinutes(15).plusSeconds(1));

        assertRefused(f.open(token));
    }

    @Test
    void a_forged_or_malformed_token_is_refused() {
        assertRefused(f.open("A".repeat(43)));
        assertRefused(f.open("not-a-token"));
        assertRefused(f.get("/dashboard/open", null));
    }

    @Test
    void every_page_without_a_live_session_is_refused() {
        assertRefused(f.get("/dashboard", null));
        assertRefused(f.get("/dashboard/export.csv", null));
        assertRefused(f.get("/dashboard/services/payments-api", null));
        assertRefused(f.get("/dashboard", "B".repeat(43)));
    }

    @Test
    void a_session_ends_after_eight_hours() {
        String session = f.session(f.user(ALICE, "alice"));
        assertThat(f.get("/dashboard", session).statusCode()).isEqualTo(200);

        drumbeat.clock().advance(Duration.ofHours(8).plusSeconds(1));

        assertRefused(f.get("/dashboard", session));
    }

    @Test
    void a_deactivated_person_gets_no_link() {
        SlackReply reply = f.command(f.user(GONE, "gone"));

        assertThat(reply.text()).contains("deactivated").doesNotContain("Open the dashboard");
        assertThat(reply.json().findValues("url")).isEmpty();
    }

    @Test
    void a_session_stops_working_once_its_person_is_deactivated() {
        drumbeat.jdbi()
                .useHandle(h -> h.execute(
                        "insert into people (team_id, user_id, name) values (?, 'U0LEAVER1', 'leaver')",
                        TestDrumbeat.TEAM));
        String session = f.session(f.user("U0LEAVER1", "leaver"));
        assertThat(f.get("/dashboard", session).statusCode()).isEqualTo(200);

        drumbeat.seed().deactivated("U0LEAVER1");

        assertRefused(f.get("/dashboard", session));
    }

    @Test
    void members_see_the_portfolio_and_leadership_also_sees_totals_by_tier() {
        String member = f.get("/dashboard", f.session(f.user(ALICE, "alice"))).body();
        String leader = f.get("/dashboard", f.session(f.user(LEAD, "lead"))).body();

        assertThat(member).contains("Payments API").doesNotContain("Totals by tier");
        assertThat(leader).contains("Payments API").contains("Totals by tier").contains("/charts/tiers.png?team=");
    }

    @Test
    void a_session_never_shows_more_than_the_persons_current_role_allows() {
        drumbeat.jdbi()
                .useHandle(h -> h.execute(
                        "insert into people (team_id, user_id, name, role) values (?, 'U0LEAD002', 'lee', 'leadership')",
                        TestDrumbeat.TEAM));
        String session = f.session(f.user("U0LEAD002", "lee"));
        assertThat(f.get("/dashboard", session).body()).contains("Totals by tier");

        drumbeat.jdbi().useHandle(h -> h.execute("update people set role = 'member' where user_id = 'U0LEAD002'"));

        assertThat(f.get("/dashboard", session).body()).contains("Payments API").doesNotContain("Totals by tier");
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("has been used or has expired").contains("/drumbeat dashboard");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }
}
