package dev.drumbeat.escalation.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When a workspace's digest falls due, in its own zone. */
class DigestScheduleTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void the_digest_is_due_at_the_configured_day_and_hour_in_its_zone_and_not_before() {
        DigestSchedule tuesdayNine = new DigestSchedule(DayOfWeek.TUESDAY, 9, NEW_YORK);
        assertThat(tuesdayNine.isDue(Instant.parse("2026-11-16T23:00:00Z")))
                .as("Monday evening")
                .isFalse();
        assertThat(tuesdayNine.isDue(Instant.parse("2026-11-17T13:59:59Z")))
                .as("08:59:59 in New York")
                .isFalse();
        assertThat(tuesdayNine.isDue(Instant.parse("2026-11-17T14:00:00Z")))
                .as("09:00 in New York")
                .isTrue();
        assertThat(tuesdayNine.dueAt(LocalDate.of(2026, 11, 16))).isEqualTo(Instant.parse("2026-11-17T14:00:00Z"));
    }

    @Test
    void a_digest_missed_at_its_hour_is_still_due_later_that_week_but_not_in_the_next() {
        DigestSchedule fridayFour = DigestSchedule.defaults();
        assertThat(fridayFour.isDue(Instant.parse("2026-11-22T23:59:00Z")))
                .as("Sunday night")
                .isTrue();
        assertThat(fridayFour.weekOf(Instant.parse("2026-11-22T23:59:00Z"))).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(fridayFour.isDue(Instant.parse("2026-11-23T00:00:00Z")))
                .as("the next Monday")
                .isFalse();
    }

    @Test
    void the_week_is_named_by_its_monday_in_the_digest_zone() {
        DigestSchedule auckland = new DigestSchedule(DayOfWeek.MONDAY, 8, ZoneId.of("Pacific/Auckland"));
        Instant mondayMorningInAuckland = Instant.parse("2026-11-22T19:30:00Z");
        assertThat(auckland.weekOf(mondayMorningInAuckland)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(auckland.isDue(mondayMorningInAuckland)).isTrue();
    }

    @Test
    void an_hour_skipped_by_daylight_saving_moves_to_the_next_valid_one() {
        DigestSchedule sundayTwo = new DigestSchedule(DayOfWeek.SUNDAY, 2, NEW_YORK);
        assertThat(sundayTwo.dueAt(LocalDate.of(2027, 3, 8))).isEqualTo(Instant.parse("2027-03-14T07:00:00Z"));
    }

    @Test
    void defaults_are_friday_at_four_utc_and_malformed_settings_fall_back_to_them() {
        assertThat(DigestSchedule.defaults()).isEqualTo(new DigestSchedule(DayOfWeek.FRIDAY, 16, ZoneOffset.UTC));
        assertThat(DigestSchedule.of("someday", 25, "Mars/Olympus")).isEqualTo(DigestSchedule.defaults());
        assertThat(DigestSchedule.of("monday", 7, "Europe/Paris"))
                .isEqualTo(new DigestSchedule(DayOfWeek.MONDAY, 7, ZoneId.of("Europe/Paris")));
    }
}
