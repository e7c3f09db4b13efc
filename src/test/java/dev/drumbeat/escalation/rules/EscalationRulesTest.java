package dev.drumbeat.escalation.rules;

import static dev.drumbeat.escalation.rules.EscalationRulesFixture.OWNER;
import static dev.drumbeat.escalation.rules.EscalationRulesFixture.PERIODS;
import static dev.drumbeat.escalation.rules.EscalationRulesFixture.TEAM;
import static dev.drumbeat.escalation.rules.EscalationRulesFixture.THIS_WEEK;
import static dev.drumbeat.escalation.rules.EscalationRulesFixture.WEDNESDAY_NINE;
import static dev.drumbeat.escalation.rules.EscalationRulesFixture.evaluate;
import static dev.drumbeat.escalation.rules.EscalationRulesFixture.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.drumbeat.escalation.settings.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service rules for owners in UTC: stale, ownerless, red streak, KPI off target, away without cover, and order. */
class EscalationRulesTest {
    static final LocalDate LAST_WEEK = THIS_WEEK.minusWeeks(1);
    static final Instant JUST_BEFORE_GRACE = WEDNESDAY_NINE.minusSeconds(1);

    @Test
    void a_service_checked_in_this_period_has_no_findings() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1))).isEmpty();
    }

    @Test
    void a_service_last_checked_in_last_week_is_not_stale_until_this_periods_grace_has_passed() {
        assertThat(evaluate(JUST_BEFORE_GRACE, service(1).lastCheckIn(LAST_WEEK)))
                .isEmpty();
    }

    @Test
    void a_service_last_checked_in_last_week_is_stale_the_moment_this_periods_grace_has_passed() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).lastCheckIn(LAST_WEEK)))
                .containsExactly(new Finding(
                        TEAM, Finding.Subject.service(1), Reason.STALE, "no check-in since the week of 9 Nov"));
    }

    @Test
    void a_service_being_wound_down_by_a_decision_is_never_stale() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).lastCheckIn(LAST_WEEK).windingDown()))
                .isEmpty();
    }

    @Test
    void a_longer_grace_moves_the_moment_a_service_turns_stale() {
        Thresholds threeDays = new Thresholds(Duration.ofHours(72), 2, 3, Duration.ofHours(48), Duration.ofHours(96));

        assertThat(evaluate(WEDNESDAY_NINE, threeDays, service(1).lastCheckIn(LAST_WEEK)))
                .isEmpty();
        assertThat(evaluate(
                        WEDNESDAY_NINE.plus(Duration.ofDays(1)),
                        threeDays,
                        service(1).lastCheckIn(LAST_WEEK)))
                .extracting(Finding::reason)
                .containsExactly(Reason.STALE);
    }

    @Test
    void a_service_that_missed_last_week_stays_stale_on_monday_before_this_weeks_grace_has_passed() {
        Instant mondayTen = Instant.parse("2026-11-16T10:00:00Z");

        assertThat(evaluate(mondayTen, service(1).lastCheckIn(LAST_WEEK.minusWeeks(1))))
                .extracting(Finding::detail)
                .containsExactly("no check-in since the week of 2 Nov");
    }

    @Test
    void a_check_in_already_made_this_week_clears_a_missed_last_week() {
        Instant mondayTen = Instant.parse("2026-11-16T10:00:00Z");

        assertThat(evaluate(mondayTen, service(1).lastCheckIn(THIS_WEEK))).isEmpty();
    }

    @Test
    void a_service_that_never_checked_in_says_so() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).neverCheckedIn()))
                .extracting(Finding::detail)
                .containsExactly("never checked in");
    }

    @Test
    void a_last_check_in_from_another_year_names_the_year() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).lastCheckIn(LocalDate.of(2025, 12, 29))))
                .extracting(Finding::detail)
                .containsExactly("no check-in since the week of 29 Dec 2025");
    }

    @Test
    void an_excused_period_is_not_stale() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).lastCheckIn(LAST_WEEK).excusedThisPeriod()))
                .isEmpty();
    }

    @Test
    void an_excused_last_week_is_not_stale_before_this_weeks_grace_but_this_week_is_owed_after_it() {
        EscalationRulesFixture.Service service =
                service(1).lastCheckIn(LAST_WEEK.minusWeeks(1)).lastExcused(LAST_WEEK);

        assertThat(evaluate(JUST_BEFORE_GRACE, service)).isEmpty();
        assertThat(evaluate(WEDNESDAY_NINE, service))
                .extracting(Finding::detail)
                .containsExactly("no check-in since the week of 2 Nov");
    }

    @Test
    void a_service_created_after_this_weeks_prompt_owes_nothing_until_next_week() {
        EscalationRulesFixture.Service created =
                service(1).neverCheckedIn().createdAt(Instant.parse("2026-11-17T12:00:00Z"));

        assertThat(evaluate(WEDNESDAY_NINE, created)).isEmpty();
        assertThat(evaluate(Instant.parse("2026-11-25T09:00:00Z"), created))
                .extracting(Finding::reason)
                .containsExactly(Reason.STALE);
    }

    @Test
    void a_service_created_before_this_weeks_prompt_owes_this_week() {
        EscalationRulesFixture.Service created =
                service(1).neverCheckedIn().createdAt(Instant.parse("2026-11-16T08:59:59Z"));

        assertThat(evaluate(WEDNESDAY_NINE, created))
                .extracting(Finding::reason)
                .containsExactly(Reason.STALE);
    }

    @Test
    void a_service_without_owner_is_ownerless_and_not_also_stale() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).noOwner().neverCheckedIn()))
                .containsExactly(new Finding(TEAM, Finding.Subject.service(1), Reason.OWNERLESS, "no owner"));
    }

    @Test
    void a_service_whose_owner_left_slack_is_ownerless_and_not_also_stale_or_away() {
        EscalationRulesFixture.Service service =
                service(1).ownerInactive().neverCheckedIn().away(LocalDate.of(2026, 12, 1));

        assertThat(evaluate(WEDNESDAY_NINE, service))
                .extracting(Finding::reason, Finding::detail)
                .containsExactly(tuple(Reason.OWNERLESS, "owner <@" + OWNER + "> is no longer active in Slack"));
    }

    @Test
    void an_ownerless_service_can_still_be_red_and_off_target() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).noOwner().red(2).kpiOff("Uptime", 3)))
                .extracting(Finding::reason)
                .containsExactly(Reason.OWNERLESS, Reason.RED_STREAK, Reason.KPI_OFF_TARGET);
    }

    @Test
    void one_red_period_short_of_the_streak_is_not_escalated() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).red(1))).isEmpty();
    }

    @Test
    void a_red_streak_of_the_threshold_is_escalated_with_its_length() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).red(2)))
                .extracting(Finding::reason, Finding::detail)
                .containsExactly(tuple(Reason.RED_STREAK, "red for 2 weeks"));
    }

    @Test
    void the_workspaces_red_streak_threshold_decides() {
        Thresholds four = new Thresholds(Duration.ofHours(48), 4, 3, Duration.ofHours(48), Duration.ofHours(96));

        assertThat(evaluate(WEDNESDAY_NINE, four, service(1).red(3))).isEmpty();
        assertThat(evaluate(WEDNESDAY_NINE, four, service(1).red(4)))
                .extracting(Finding::detail)
                .containsExactly("red for 4 weeks");
    }

    @Test
    void a_kpi_off_target_one_period_short_is_not_escalated() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).kpiOff("Availability", 2)))
                .isEmpty();
    }

    @Test
    void a_kpi_off_target_for_the_threshold_names_the_kpi() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).kpiOff("Availability", 3)))
                .extracting(Finding::reason, Finding::detail)
                .containsExactly(tuple(Reason.KPI_OFF_TARGET, "Availability off target for 3 weeks"));
    }

    @Test
    void a_detail_is_slack_text_with_the_kpis_name_escaped() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).kpiOff("<!channel> Uptime & <b>", 3)))
                .extracting(Finding::detail)
                .containsExactly("&lt;!channel&gt; Uptime &amp; &lt;b&gt; off target for 3 weeks");
    }

    @Test
    void an_owner_away_today_with_no_deputy_at_all_is_escalated() {
        assertThat(evaluate(
                        WEDNESDAY_NINE,
                        service(1).away(LocalDate.of(2026, 11, 18)).excusedThisPeriod()))
                .extracting(Finding::reason, Finding::detail)
                .containsExactly(tuple(Reason.AWAY_UNCOVERED, "owner away until 18 Nov and no deputy covers"));
    }

    @Test
    void an_owner_away_with_a_personal_deputy_or_a_service_deputy_is_covered() {
        LocalDate until = LocalDate.of(2026, 11, 30);

        assertThat(evaluate(WEDNESDAY_NINE, service(1).away(until).awayDeputy("U0DEPUTY1")))
                .isEmpty();
        assertThat(evaluate(WEDNESDAY_NINE, service(1).away(until).deputy("U0DEPUTY1")))
                .isEmpty();
    }

    @Test
    void a_service_deputy_who_is_the_away_owner_covers_nothing() {
        assertThat(evaluate(
                        WEDNESDAY_NINE,
                        service(1).away(LocalDate.of(2026, 11, 30)).deputy(OWNER)))
                .extracting(Finding::reason)
                .containsExactly(Reason.AWAY_UNCOVERED);
    }

    @Test
    void an_away_spell_that_ended_yesterday_is_over() {
        assertThat(evaluate(WEDNESDAY_NINE, service(1).away(LocalDate.of(2026, 11, 17))))
                .isEmpty();
    }

    @Test
    void findings_come_ordered_by_team_then_service_then_reason_whatever_the_input_order() {
        List<Finding> findings = evaluate(
                WEDNESDAY_NINE,
                service(7).team("T0B").red(2),
                service(9).noOwner().red(5),
                service(3).neverCheckedIn().kpiOff("Latency", 4),
                service(1).team("T0B").noOwner());

        assertThat(findings)
                .extracting(f ->
                        f.teamId() + "/" + f.subject().id() + "/" + f.reason().code())
                .containsExactly(
                        "T0B/1/ownerless",
                        "T0B/7/red_streak",
                        TEAM + "/3/stale",
                        TEAM + "/3/kpi_off_target",
                        TEAM + "/9/ownerless",
                        TEAM + "/9/red_streak");
    }

    @Test
    void each_workspace_is_judged_by_its_own_thresholds() {
        Map<String, Thresholds> byTeam = Map.of(
                "T0STRICT", new Thresholds(Duration.ofHours(48), 1, 1, Duration.ofHours(48), Duration.ofHours(96)));
        List<ServiceFacts> services = List.of(
                service(1).red(1).build(), service(2).team("T0STRICT").red(1).build());

        List<Finding> findings = EscalationRules.evaluate(
                services, List.of(), team -> byTeam.getOrDefault(team, Thresholds.defaults()), PERIODS, WEDNESDAY_NINE);

        assertThat(findings)
                .extracting(Finding::teamId, Finding::reason)
                .containsExactly(tuple("T0STRICT", Reason.RED_STREAK));
    }
}
