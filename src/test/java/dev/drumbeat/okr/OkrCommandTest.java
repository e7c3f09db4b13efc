package dev.drumbeat.okr;

import static dev.drumbeat.support.SlackPayloads.option;
import static dev.drumbeat.support.SlackPayloads.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/drumbeat okr`: objectives for the quarter, key results added in a modal, progress, at risk and vanity shown. */
class OkrCommandTest {
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    /** Half of 2026-Q4 has gone by 16 November. */
    static final Instant MID_Q4 = Instant.parse("2026-11-16T12:00:00Z");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @BeforeEach
    void seed() {
        drumbeat.clock().set(MID_Q4);
        drumbeat.seed()
                .person(ALICE, "alice", "member")
                .person(BOB, "bob", "member")
                .service("payments", "Payments API", "core", ALICE, "1", "1", "1")
                .kpi("payments", "uptime", "Uptime", "%", "99.9", "up", "99.7");
    }

    /** The key result modal for the objective submitted by the user. */
    private static SlackReply submit(String userId, long objective, Map<String, Map<String, Object>> values) {
        return drumbeat.submit(userId, KeyResultForm.CALLBACK_ID, Long.toString(objective), values);
    }

    private static Map<String, Map<String, Object>> keyResult(
            String title, String kind, String kpi, String target, String baseline) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("title", text(title));
        values.put("kind", option(kind));
        values.put("kpi", text(kpi));
        values.put("target", text(target));
        values.put("baseline", text(baseline));
        return values;
    }

    private static long objectiveId() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select max(id) from objectives")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void an_empty_quarter_says_how_to_start() {
        assertThat(drumbeat.command(ALICE, "okr").text()).contains("2026-Q4: 0 objectives", "/drumbeat okr add");
    }

    @Test
    void objectives_and_key_results_show_progress_and_what_is_at_risk() {
        assertThat(drumbeat.command(ALICE, "okr add Make payments boringly reliable")
                        .text())
                .contains("*Make payments boringly reliable* is set for 2026-Q4");
        long objective = objectiveId();

        drumbeat.command(ALICE, "okr kr O" + objective);
        assertThat(drumbeat.slack().lastOpenedView(ALICE))
                .get()
                .asString()
                .contains("Add a key result", "Make payments");
        assertThat(submit(ALICE, objective, keyResult("Uptime to 99.9%", "measured", "payments/uptime", "99.9", "99.5"))
                        .json()
                        .path("response_action")
                        .asText())
                .isEqualTo("update");
        submit(ALICE, objective, keyResult("Retire the old gateway", "milestone", "", "", ""));
        assertThat(drumbeat.command(BOB, "okr").text())
                .as("set today, so none of their time has gone")
                .doesNotContain("at risk");
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update key_results set created_at = timestamptz '2026-10-01 09:00:00+00'"));

        String listing = drumbeat.command(BOB, "okr").text();
        assertThat(listing)
                .contains(
                        "2026-Q4: 1 objective",
                        "*O" + objective + "* Make payments boringly reliable",
                        "Uptime to 99.9% ▰▰▰▰▰▱▱▱▱▱ 50%",
                        "Retire the old gateway ▱▱▱▱▱▱▱▱▱▱ 0% :warning: at risk");
        assertThat(listing).doesNotContain("50% :warning:");
        assertThat(drumbeat.command(BOB, "okr show O" + objective).text())
                .contains("Payments API / Uptime: 99.7% (from 99.5% to 99.9%)", "milestone not done yet");
        long measured = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select min(id) from key_results")
                        .mapTo(Long.class)
                        .one());
        assertThat(drumbeat.command(ALICE, "okr link KR" + measured + " Payments API / Uptime")
                        .text())
                .contains("is now measured by Payments API / Uptime");
        assertThat(drumbeat.command(ALICE, "okr link KR" + (measured + 1) + " payments/uptime")
                        .text())
                .contains("is a milestone");
        assertThat(drumbeat.command(ALICE, "okr link KR" + measured + " payments/errors")
                        .text())
                .contains("No KPI “errors”");
        assertThat(drumbeat.command(BOB, "ask how is O" + objective + " doing?").text())
                .contains("Make payments boringly reliable", "Payments API / Uptime");
        assertThat(drumbeat.command(BOB, "ask how is make payments boringly reliable going")
                        .text())
                .contains("O" + objective + " · 2026-Q4", "Payments API / Uptime");
        assertThat(drumbeat.command(BOB, "ask how is payments doing").text())
                .as("a service's name still means the service")
                .contains("*Owner*", "*Unit cost*");
        assertThat(drumbeat.command(BOB, "ask which OKRs are at risk?").text())
                .contains("2026-Q4: 1 key result at risk", "Retire the old gateway")
                .doesNotContain("Uptime to 99.9%");
        assertThat(drumbeat.command(BOB, "ask any vanity metrics?").text())
                .contains("no key result is said to be on track");
        long milestone = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select max(id) from key_results")
                        .mapTo(Long.class)
                        .one());
        assertThat(drumbeat.command(BOB, "okr done KR" + milestone + " switched off")
                        .text())
                .contains("Only the objective's owner");
        assertThat(drumbeat.command(ALICE, "okr done KR" + milestone + " old gateway switched off on 3 Dec")
                        .text())
                .contains("*Retire the old gateway* is done");
        assertThat(drumbeat.command(BOB, "okr show O" + objective).text())
                .contains("▰▰▰▰▰▰▰▰▰▰ 100%", "milestone done: “old gateway switched off on 3 Dec”");
        drumbeat.jdbi().useHandle(h -> h.execute("update key_results set done = false, evidence = ''"));
        OkrService okrs =
                new OkrService(drumbeat.jdbi(), new AuditLog(drumbeat.clock()), OkrRules.defaults(), drumbeat.clock());
        assertThat(new OkrDigestSection(okrs).textFor(TestDrumbeat.TEAM))
                .get()
                .asString()
                .contains(
                        "*OKRs, 2026-Q4*: 1 key result needs a look",
                        "Retire the old gateway (O" + objective + ") · at risk")
                .doesNotContain("Uptime");
        assertThat(drumbeat.count("audit_log where entity in ('objective', 'key_result')"))
                .as("the objective, two key results, a link and one marked done")
                .isEqualTo(5);
    }

    @Test
    void a_measured_result_needs_a_real_kpi_and_a_target() {
        drumbeat.command(ALICE, "okr add Cut incident cost");
        long objective = objectiveId();

        SlackReply missing = submit(ALICE, objective, keyResult("Halve incident cost", "measured", "", "", ""));
        assertThat(missing.json().path("errors").path("kpi").asText()).contains("needs its KPI");
        assertThat(missing.json().path("errors").path("target").asText()).contains("needs a target");
        SlackReply unknown =
                submit(ALICE, objective, keyResult("Halve incident cost", "measured", "payments/latency", "5", ""));
        assertThat(unknown.json().path("errors").path("kpi").asText()).contains("No KPI “latency” on “payments”");
        assertThat(drumbeat.count("key_results")).isZero();
    }

    @Test
    void an_on_track_claim_over_a_kpi_that_has_not_moved_is_flagged_as_vanity() {
        drumbeat.command(ALICE, "okr add Improve stability");
        long objective = objectiveId();
        submit(ALICE, objective, keyResult("Uptime to 99.9%", "measured", "payments/uptime", "99.9", "99.5"));
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into kpi_readings (team_id, kpi_id, period_start, value)
                select team_id, id, date '2026-10-12' + 7 * w, 99.7 from kpis cross join generate_series(0, 4) w"""));
        long keyResult = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select max(id) from key_results")
                        .mapTo(Long.class)
                        .one());
        assertThat(drumbeat.command(BOB, "okr confidence KR" + keyResult + " on track")
                        .text())
                .contains("Only the owner of KR");
        assertThat(drumbeat.command(BOB, "okr").text()).doesNotContain("vanity");

        assertThat(drumbeat.command(ALICE, "okr confidence KR" + keyResult + " on-track")
                        .text())
                .contains("on track this week");

        assertThat(drumbeat.command(BOB, "okr").text()).contains(":eyes: vanity?");
        assertThat(drumbeat.command(BOB, "ask which key results are vanity").text())
                .contains("1 key result said on track while", "Uptime to 99.9%");
        assertThat(drumbeat.command(ALICE, "okr confidence KR" + keyResult + " off track")
                        .text())
                .contains("off track this week");
        assertThat(drumbeat.command(BOB, "okr").text()).doesNotContain("vanity").contains(":warning: at risk");
        assertThat(drumbeat.command(ALICE, "okr confidence KR" + keyResult + " splendid")
                        .text())
                .contains("on track` (or `at risk`");
        drumbeat.command(ALICE, "okr confidence KR" + keyResult + " on track");
        assertThat(drumbeat.command(BOB, "okr show O" + objective).text()).contains("owner says on track");
    }

    @Test
    void the_weekly_check_in_asks_a_key_result_owner_for_their_confidence() {
        drumbeat.command(ALICE, "okr add Improve stability");
        long objective = objectiveId();
        submit(ALICE, objective, keyResult("Uptime to 99.9%", "measured", "payments/uptime", "99.9", "99.5"));
        long keyResult = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select max(id) from key_results")
                        .mapTo(Long.class)
                        .one());

        drumbeat.command(ALICE, "checkin payments");
        assertThat(drumbeat.slack().lastOpenedView(ALICE))
                .get()
                .asString()
                .contains("Confidence in KR" + keyResult + " Uptime to 99.9%", "krconf-" + keyResult);

        Map<String, Map<String, Object>> checkIn = new LinkedHashMap<>();
        checkIn.put("status", option("green"));
        checkIn.put("krconf-" + keyResult, option("off_track"));
        SlackReply saved = drumbeat.submit(ALICE, "checkin-form", "payments|2026-11-16|", checkIn);

        assertThat(saved.json().path("response_action").asText()).isEqualTo("update");
        String confidence = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select confidence from key_result_confidence")
                        .mapTo(String.class)
                        .one());
        assertThat(confidence).isEqualTo("off_track");
        assertThat(drumbeat.command(BOB, "okr").text()).contains("Uptime to 99.9% ▰▰▰▰▰▱▱▱▱▱ 50% :warning: at risk");
    }

    @Test
    void a_result_set_before_its_kpi_had_a_reading_takes_the_first_reading_since_as_baseline() {
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into kpis (team_id, service_id, key, name, unit, target, direction)
                select team_id, id, 'latency', 'Latency', 'ms', 200, 'down' from services where key = 'payments'"""));
        drumbeat.command(ALICE, "okr add Faster payments");
        long objective = objectiveId();
        submit(ALICE, objective, keyResult("Latency to 200 ms", "measured", "payments/latency", "200", ""));
        assertThat(drumbeat.command(BOB, "okr").text()).contains("Latency to 200 ms _no reading yet_");

        drumbeat.clock().set(MID_Q4.plusSeconds(3600));
        drumbeat.command(ALICE, "kpi payments latency 400");
        drumbeat.clock().set(MID_Q4.plus(Duration.ofDays(7)));
        drumbeat.command(ALICE, "kpi payments latency 300");

        assertThat(drumbeat.command(BOB, "okr show O" + objective).text())
                .contains("▰▰▰▰▰▱▱▱▱▱ 50%", "(from 400 ms to 200 ms)");
    }

    @Test
    void an_old_word_of_confidence_no_longer_counts_and_closed_objectives_take_no_results() {
        drumbeat.command(ALICE, "okr add Improve stability");
        long objective = objectiveId();
        submit(ALICE, objective, keyResult("Uptime to 99.9%", "measured", "payments/uptime", "99.9", "99.5"));
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into key_result_confidence (key_result_id, period_start, confidence, recorded_by, recorded_at)
                select id, date '2026-10-05', 'off_track', ?, now() from key_results""", ALICE));
        assertThat(drumbeat.command(BOB, "okr").text()).as("six weeks old").doesNotContain("at risk");

        assertThat(submit(ALICE, objective, keyResult("Huge", "measured", "payments/uptime", "1e15", ""))
                        .json()
                        .path("errors")
                        .path("target")
                        .asText())
                .contains("below a hundred trillion");
        drumbeat.jdbi().useHandle(h -> h.execute("update objectives set status = 'closed'"));
        assertThat(drumbeat.command(ALICE, "okr kr O" + objective).text())
                .contains("is closed; add key results to an open objective");
        assertThat(submit(ALICE, objective, keyResult("Late", "milestone", "", "", ""))
                        .json()
                        .path("errors")
                        .path("kpi")
                        .asText())
                .contains("is closed");
    }

    @Test
    void only_the_objectives_owner_leadership_or_admins_change_it() {
        drumbeat.command(ALICE, "okr add Make payments boringly reliable");
        long objective = objectiveId();

        assertThat(drumbeat.command(BOB, "okr kr O" + objective).text())
                .contains("Only the objective's owner, leadership or an admin");
        assertThat(drumbeat.command(BOB, "okr show O999").text()).contains("There is no objective O999");
        assertThat(drumbeat.command(BOB, "okr frobnicate").text()).contains("`okr add &lt;objective&gt;`");
        assertThat(drumbeat.command(ALICE, "okr add").text()).contains("An objective is 1 to 200 characters");
        assertThat(drumbeat.command(ALICE, "okr add 2027-Q1 Plan ahead").text())
                .contains("*Plan ahead* is set for 2027-Q1");
        assertThat(drumbeat.command(ALICE, "okr add 2026-Q3 Too late").text()).contains("2026-Q3 is over");
        assertThat(drumbeat.command(ALICE, "okr").text())
                .as("this quarter's only")
                .doesNotContain("Plan ahead");
    }
}
