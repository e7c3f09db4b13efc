package dev.drumbeat.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.standin.BlockKitLimits;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackPayloads;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Opening Drumbeat's Home tab publishes the person's own: check-ins to do, services, escalations, key results. */
class HomeTabTest {
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @BeforeEach
    void seed() {
        drumbeat.clock().set(Instant.parse("2026-11-18T12:00:00Z"));
        drumbeat.seed()
                .person(ALICE, "alice", "member")
                .person(BOB, "bob", "member")
                .service("payments", "Payments API", "core", ALICE, "1", "1", "1")
                .service("crm", "CRM", "core", ALICE, "1", "1", "1")
                .kpi("payments", "uptime", "Uptime", "%", "99.9", "up", "99.7")
                .checkIn("crm", "amber", "vendor late", ALICE);
        drumbeat.jdbi().useHandle(h -> {
            h.execute("update checkins set period_start = date '2026-11-16'");
            h.execute("""
                    insert into escalations (team_id, subject_kind, subject_id, reason, detail, level, opened_at, level_changed_at)
                    select team_id, 'service', id, 'stale', 'no check-in since the week of 2 Nov', 2, now(), now()
                      from services where key = 'payments'""");
            h.execute(
                    "insert into objectives (id, team_id, quarter, title, owner_id, created_at)"
                            + " values (1, ?, '2026-Q4', 'Reliable payments', ?, now())",
                    TestDrumbeat.TEAM,
                    ALICE);
            h.execute(
                    "insert into key_results (team_id, objective_id, title, kind, owner_id, created_at)"
                            + " values (?, 1, 'Retire the old gateway', 'milestone', ?, now())",
                    TestDrumbeat.TEAM,
                    ALICE);
        });
    }

    private static void open(String userId, String eventTs) {
        Map<String, Object> event = Map.of(
                "type", "app_home_opened", "user", userId, "channel", "D0HOME", "tab", "home", "event_ts", eventTs);
        assertThat(drumbeat.event("Ev" + eventTs.replace(".", ""), event).statusCode())
                .isEqualTo(200);
    }

    @Test
    void the_home_tab_shows_what_waits_on_the_person() throws Exception {
        open(ALICE, "1700000001.000100");

        Await.until(
                "the Home tab published", () -> drumbeat.slack().homeView(ALICE).isPresent());
        String home = drumbeat.slack().homeView(ALICE).orElseThrow();
        assertThat(home)
                .contains(
                        "Your Drumbeat",
                        "Check-ins waiting on you this week",
                        "*Payments API* `payments`",
                        "checkin-open:payments",
                        "*CRM* `crm` · amber",
                        "level 2 · Payments API",
                        "no check-in since the week of 2 Nov",
                        "KR1 Retire the old gateway");
        assertThat(home).doesNotContain("checkin-open:crm", "Portfolio health");
        assertThat(BlockKitLimits.checkView(new ObjectMapper().readValue(home, Map.class)))
                .isEmpty();
    }

    @Test
    void leadership_also_sees_the_portfolios_health() {
        drumbeat.seed().person("U0LEAD001", "lena", "leadership");

        open("U0LEAD001", "1700000003.000100");

        Await.until(
                "the Home tab published",
                () -> drumbeat.slack().homeView("U0LEAD001").isPresent());
        assertThat(drumbeat.slack().homeView("U0LEAD001").orElseThrow())
                .contains(
                        "Portfolio health",
                        "*Latest check-in, any week*\\n0 green · 1 amber · 0 red · 1 never checked in",
                        "the weekly digest counts only this week's",
                        "0 ownerless · 1 stale",
                        "*Monthly cost*\\n$2.00",
                        "*Open escalations*\\n1",
                        "level 2 · Payments API");
    }

    @Test
    void checking_in_from_the_home_tab_redraws_it() {
        open(ALICE, "1700000004.000100");
        Await.until(
                "the Home tab published", () -> drumbeat.slack().homeView(ALICE).isPresent());

        drumbeat.interaction(SlackPayloads.onHome(SlackPayloads.blockAction(
                TestDrumbeat.TEAM,
                ALICE,
                drumbeat.slack().registerTrigger(ALICE),
                "checkin-open:payments",
                "payments|2026-11-16|")));
        String metadata = drumbeat.openedView(ALICE).path("private_metadata").asText();
        drumbeat.submit(ALICE, "checkin-form", metadata, Map.of("status", SlackPayloads.option("green")));

        Await.until(
                "the Home tab redrawn",
                () -> drumbeat.slack()
                        .homeView(ALICE)
                        .filter(home -> !home.contains("checkin-open:payments"))
                        .isPresent());
        assertThat(drumbeat.slack().homeView(ALICE).orElseThrow())
                .contains("No check-ins waiting on you this week", "*Payments API* `payments` · green");
    }

    @Test
    void a_check_in_from_elsewhere_leaves_the_home_tab_alone() {
        drumbeat.click(ALICE, "checkin-open:payments", "payments|2026-11-16|");
        String metadata = drumbeat.openedView(ALICE).path("private_metadata").asText();
        drumbeat.submit(ALICE, "checkin-form", metadata, Map.of("status", SlackPayloads.option("green")));

        assertThat(drumbeat.count("slack_outbox where method = 'views.publish'"))
                .isZero();
    }

    @Test
    void someone_with_nothing_gets_a_calm_home_tab() {
        open(BOB, "1700000002.000100");

        Await.until(
                "the Home tab published", () -> drumbeat.slack().homeView(BOB).isPresent());
        assertThat(drumbeat.slack().homeView(BOB).orElseThrow())
                .contains(
                        "No check-ins waiting on you this week",
                        "You own or deputise for no services",
                        ":white_check_mark: None.");
    }
}
