package dev.drumbeat.escalation.rules;

import static dev.drumbeat.escalation.rules.EscalationRulesFixture.evaluate;
import static dev.drumbeat.escalation.rules.EscalationRulesFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Periods, grace and "away today" follow the owner's own time zone, through daylight-saving changes. */
class EscalationRulesTimeZoneTest {
    static final LocalDate NINTH_NOV = LocalDate.of(2026, 11, 9);

    @Test
    void an_owner_in_auckland_is_due_thirteen_hours_before_an_owner_in_utc() {
        Instant aucklandWednesdayNine = Instant.parse("2026-11-17T20:00:00Z");

        assertThat(evaluate(
                        aucklandWednesdayNine.minusSeconds(1),
                        service(1).tz("Pacific/Auckland").lastCheckIn(NINTH_NOV)))
                .isEmpty();
        assertThat(evaluate(
                        aucklandWednesdayNine, service(1).tz("Pacific/Auckland").lastCheckIn(NINTH_NOV)))
                .extracting(Finding::reason)
                .containsExactly(Reason.STALE);
        assertThat(evaluate(aucklandWednesdayNine, service(1).tz("UTC").lastCheckIn(NINTH_NOV)))
                .isEmpty();
    }

    @Test
    void an_owner_in_los_angeles_is_due_eight_hours_after_an_owner_in_utc() {
        Instant losAngelesWednesdayNine = Instant.parse("2026-11-18T17:00:00Z");

        assertThat(evaluate(
                        losAngelesWednesdayNine.minusSeconds(1),
                        service(1).tz("America/Los_Angeles").lastCheckIn(NINTH_NOV)))
                .isEmpty();
        assertThat(evaluate(
                        losAngelesWednesdayNine,
                        service(1).tz("America/Los_Angeles").lastCheckIn(NINTH_NOV)))
                .extracting(Finding::reason)
                .containsExactly(Reason.STALE);
    }

    @Test
    void grace_counts_from_nine_local_time_on_both_sides_of_the_end_of_summer_time() {
        LocalDate twelfthOct = LocalDate.of(2026, 10, 12);
        Instant londonWednesdayNineSummer = Instant.parse("2026-10-21T08:00:00Z");
        Instant londonWednesdayNineWinter = Instant.parse("2026-10-28T09:00:00Z");

        assertThat(evaluate(
                        londonWednesdayNineSummer.minusSeconds(1),
                        service(1).tz("Europe/London").lastCheckIn(twelfthOct)))
                .isEmpty();
        assertThat(evaluate(
                        londonWednesdayNineSummer,
                        service(1).tz("Europe/London").lastCheckIn(twelfthOct)))
                .extracting(Finding::reason)
                .containsExactly(Reason.STALE);
        LocalDate nineteenthOct = LocalDate.of(2026, 10, 19);
        assertThat(evaluate(
                        londonWednesdayNineWinter.minusSeconds(1),
                        service(1).tz("Europe/London").lastCheckIn(nineteenthOct)))
                .isEmpty();
        assertThat(evaluate(
                        londonWednesdayNineWinter,
                        service(1).tz("Europe/London").lastCheckIn(nineteenthOct)))
                .extracting(Finding::reason)
                .containsExactly(Reason.STALE);
    }

    @Test
    void an_unknown_time_zone_counts_as_utc_rather_than_failing_the_sweep() {
        Instant utcWednesdayNine = Instant.parse("2026-11-18T09:00:00Z");

        assertThat(evaluate(
                        utcWednesdayNine.minusSeconds(1),
                        service(1).tz("Mars/Olympus_Mons").lastCheckIn(NINTH_NOV)))
                .isEmpty();
        assertThat(evaluate(utcWednesdayNine, service(1).tz("Mars/Olympus_Mons").lastCheckIn(NINTH_NOV)))
                .extracting(Finding::reason)
                .containsExactly(Reason.STALE);
    }

    @Test
    void the_last_day_away_ends_at_midnight_in_the_owners_zone() {
        LocalDate lastDayAway = LocalDate.of(2026, 11, 18);
        Instant noonUtc = Instant.parse("2026-11-18T12:00:00Z");

        assertThat(evaluate(noonUtc, service(1).tz("Pacific/Auckland").away(lastDayAway)))
                .isEmpty();
        assertThat(evaluate(noonUtc, service(1).tz("UTC").away(lastDayAway)))
                .extracting(Finding::reason)
                .containsExactly(Reason.AWAY_UNCOVERED);
        assertThat(evaluate(
                        Instant.parse("2026-11-19T05:00:00Z"),
                        service(1).tz("America/Los_Angeles").away(lastDayAway)))
                .extracting(Finding::reason)
                .containsExactly(Reason.AWAY_UNCOVERED);
        assertThat(evaluate(
                        Instant.parse("2026-11-19T05:00:00Z"),
                        service(1).tz("UTC").away(lastDayAway)))
                .isEmpty();
    }
}
