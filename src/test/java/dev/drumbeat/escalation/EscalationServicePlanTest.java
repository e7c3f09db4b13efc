package dev.drumbeat.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.escalation.settings.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ladder's decisions without a database: when escalations open, climb, hold still and close. */
class EscalationServicePlanTest {
    static final Instant OPENED = Instant.parse("2027-03-15T09:00:00Z");
    static final Thresholds DEFAULTS = Thresholds.defaults();
    static final Finding STALE = new Finding("T1", Finding.Subject.service(7), Reason.STALE, "never checked in");

    private static EscalationDao.Row row(Reason reason, int level, Instant openedAt) {
        return new EscalationDao.Row(
                1,
                "T1",
                Finding.Subject.service(7),
                reason,
                "never checked in",
                level,
                openedAt,
                openedAt,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static EscalationDao.Row acknowledged(EscalationDao.Row r) {
        return new EscalationDao.Row(
                r.id(),
                r.teamId(),
                r.subject(),
                r.reason(),
                r.detail(),
                r.level(),
                r.openedAt(),
                r.levelChangedAt(),
                Optional.of("U1"),
                Optional.of(r.openedAt()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static EscalationDao.Row snoozedUntil(EscalationDao.Row r, Instant until) {
        return new EscalationDao.Row(
                r.id(),
                r.teamId(),
                r.subject(),
                r.reason(),
                r.detail(),
                r.level(),
                r.openedAt(),
                r.levelChangedAt(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(until),
                Optional.of("U1"),
                Optional.of("waiting on a vendor"),
                Optional.empty(),
                Optional.empty());
    }

    private static EscalationDao.Row atLevel(EscalationDao.Row r, int level, Instant since) {
        return new EscalationDao.Row(
                r.id(),
                r.teamId(),
                r.subject(),
                r.reason(),
                r.detail(),
                level,
                r.openedAt(),
                since,
                r.acknowledgedBy(),
                r.acknowledgedAt(),
                r.snoozedUntil(),
                r.snoozedBy(),
                r.snoozeReason(),
                r.closedAt(),
                r.closeReason());
    }

    private static int levelAfter(EscalationDao.Row row, Duration elapsed, int top) {
        return EscalationServicePlan.dueLevel(row, DEFAULTS, row.openedAt().plus(elapsed), top);
    }

    @Test
    void a_new_finding_opens_at_level_one_and_an_ownerless_one_at_the_top() {
        Finding ownerless = new Finding("T1", Finding.Subject.service(8), Reason.OWNERLESS, "no owner");

        EscalationServicePlan.Plan plan =
                EscalationServicePlan.plan(List.of(), List.of(STALE, ownerless), DEFAULTS, OPENED, 3);

        assertThat(plan.openings())
                .extracting(EscalationServicePlan.Opening::level)
                .containsExactly(1, 3);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.closings()).isEmpty();
    }

    @Test
    void without_a_leadership_channel_ownerless_opens_at_level_two_and_nothing_climbs_past_it() {
        assertThat(EscalationServicePlan.startLevel(Reason.OWNERLESS, 2)).isEqualTo(2);
        assertThat(levelAfter(row(Reason.STALE, 2, OPENED), Duration.ofDays(30), 2))
                .isEqualTo(2);
    }

    @Test
    void an_escalation_climbs_one_rung_at_a_time_each_timed_from_reaching_its_level() {
        EscalationDao.Row open = row(Reason.STALE, 1, OPENED);
        assertThat(levelAfter(open, Duration.ofHours(47), 3)).isEqualTo(1);
        assertThat(levelAfter(open, Duration.ofHours(48), 3)).isEqualTo(2);
        assertThat(levelAfter(open, Duration.ofDays(30), 3))
                .as("never skips the team")
                .isEqualTo(2);

        EscalationDao.Row atTeam = atLevel(open, 2, OPENED.plus(Duration.ofHours(48)));
        assertThat(levelAfter(atTeam, Duration.ofHours(95), 3)).isEqualTo(2);
        assertThat(levelAfter(atTeam, Duration.ofHours(96), 3)).isEqualTo(3);
    }

    @Test
    void acknowledging_shows_who_is_on_it_but_does_not_stop_the_climb() {
        assertThat(levelAfter(acknowledged(row(Reason.STALE, 1, OPENED)), Duration.ofHours(48), 3))
                .isEqualTo(2);
    }

    @Test
    void a_snoozed_escalation_waits_out_the_snooze_and_then_a_full_rung_before_climbing() {
        EscalationDao.Row snoozed = snoozedUntil(row(Reason.STALE, 1, OPENED), OPENED.plus(Duration.ofDays(7)));

        assertThat(levelAfter(snoozed, Duration.ofDays(6), 3)).isEqualTo(1);
        assertThat(levelAfter(snoozed, Duration.ofDays(7).plusHours(47), 3)).isEqualTo(1);
        assertThat(levelAfter(snoozed, Duration.ofDays(7).plusHours(48), 3)).isEqualTo(2);
    }

    @Test
    void an_owner_away_with_nobody_covering_starts_with_the_team_not_their_own_unread_dm() {
        assertThat(EscalationServicePlan.startLevel(Reason.AWAY_UNCOVERED, 3)).isEqualTo(2);
        assertThat(EscalationServicePlan.startLevel(Reason.AWAY_UNCOVERED, 2)).isEqualTo(2);
        assertThat(EscalationServicePlan.startLevel(Reason.STALE, 3)).isEqualTo(1);
    }

    @Test
    void levels_never_go_down() {
        assertThat(levelAfter(row(Reason.STALE, 3, OPENED), Duration.ofHours(1), 3))
                .isEqualTo(3);
    }

    @Test
    void an_open_escalation_whose_finding_is_gone_closes_and_a_changed_detail_is_kept_up_to_date() {
        EscalationDao.Row stale = row(Reason.STALE, 1, OPENED);
        Finding redder =
                new Finding("T1", Finding.Subject.service(7), Reason.STALE, "no check-in since the week of 1 Mar");
        Finding red = new Finding("T1", Finding.Subject.service(7), Reason.RED_STREAK, "red for 2 weeks");

        EscalationServicePlan.Plan same =
                EscalationServicePlan.plan(List.of(stale), List.of(STALE), DEFAULTS, OPENED, 3);
        EscalationServicePlan.Plan fresher =
                EscalationServicePlan.plan(List.of(stale), List.of(redder), DEFAULTS, OPENED, 3);
        EscalationServicePlan.Plan cleared =
                EscalationServicePlan.plan(List.of(stale), List.of(red), DEFAULTS, OPENED, 3);

        assertThat(same.isEmpty()).isTrue();
        assertThat(fresher.changes()).containsExactly(new EscalationServicePlan.Change(1, 1, redder.detail()));
        assertThat(cleared.closings()).containsExactly(stale);
        assertThat(cleared.openings()).extracting(o -> o.finding().reason()).containsExactly(Reason.RED_STREAK);
    }

    @Test
    void the_same_finding_twice_opens_one_escalation() {
        EscalationServicePlan.Plan plan =
                EscalationServicePlan.plan(List.of(), List.of(STALE, STALE), DEFAULTS, OPENED, 3);

        assertThat(plan.openings()).hasSize(1);
    }

    @Test
    void the_close_reason_says_what_cleared_or_that_the_item_went_away() {
        EscalationDao.Row stale = row(Reason.STALE, 1, OPENED);
        EscalationDao.Item active = item(true);

        assertThat(EscalationServicePlan.closeReason(stale, Optional.of(active)))
                .isEqualTo("a check-in arrived");
        assertThat(EscalationServicePlan.closeReason(stale, Optional.of(item(false))))
                .isEqualTo("the service was retired");
        assertThat(EscalationServicePlan.closeReason(stale, Optional.empty()))
                .isEqualTo("the service was removed from the catalog");
    }

    @Test
    void ages_read_as_a_person_would_say_them() {
        assertThat(EscalationViewsListing.age(Duration.ofMinutes(20))).isEqualTo("under an hour");
        assertThat(EscalationViewsListing.age(Duration.ofHours(5))).isEqualTo("5 hours");
        assertThat(EscalationViewsListing.age(Duration.ofHours(25))).isEqualTo("1 day");
        assertThat(EscalationViewsListing.age(Duration.ofDays(13))).isEqualTo("13 days");
        assertThat(EscalationViewsListing.age(Duration.ofDays(22))).isEqualTo("3 weeks");
        assertThat(EscalationViewsListing.age(Duration.ofDays(130))).isEqualTo("4 months");
    }

    @Test
    void the_first_rung_is_the_owner_or_their_cover_while_away_and_the_deputy_when_nobody_owns_it() {
        Instant now = Instant.parse("2027-03-17T12:00:00Z");
        EscalationDao.Item present = item(true);
        EscalationDao.Item away = new EscalationDao.Item(
                present.subject(),
                "payments",
                "Payments",
                true,
                Optional.of("U0OWNER"),
                true,
                "UTC",
                Optional.of(LocalDate.of(2027, 3, 20)),
                Optional.empty(),
                Optional.of("U0DEPUTY"),
                Optional.of("C0TEAM"));
        EscalationDao.Item gone = new EscalationDao.Item(
                present.subject(),
                "payments",
                "Payments",
                true,
                Optional.of("U0OWNER"),
                false,
                "UTC",
                Optional.empty(),
                Optional.empty(),
                Optional.of("U0DEPUTY"),
                Optional.of("C0TEAM"));

        assertThat(EscalationMessagesPlaces.firstLine(present, now)).contains("U0OWNER");
        assertThat(EscalationMessagesPlaces.firstLine(away, now)).contains("U0DEPUTY");
        assertThat(EscalationMessagesPlaces.upTo(3, gone, Optional.of("C0LEAD"), now))
                .extracting(EscalationMessagesPlaces.Place::channel)
                .containsExactly("U0DEPUTY", "C0TEAM", "C0LEAD");
    }

    private static EscalationDao.Item item(boolean active) {
        return new EscalationDao.Item(
                Finding.Subject.service(7),
                "payments",
                "Payments",
                active,
                Optional.of("U0OWNER"),
                true,
                "UTC",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
