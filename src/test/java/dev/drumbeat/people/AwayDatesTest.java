package dev.drumbeat.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drumbeat.core.UserError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ways people write the day they are away until, read from a Tuesday, 1 December 2026. */
class AwayDatesTest {
    static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @ParameterizedTest(name = "“{0}” is {1}")
    @CsvSource({
        "2026-12-24, 2026-12-24",
        "24 Dec, 2026-12-24",
        "24 december, 2026-12-24",
        "24th Dec, 2026-12-24",
        "Dec 24, 2026-12-24",
        "'December 24, 2026', 2026-12-24",
        "24/12, 2026-12-24",
        "24/12/2026, 2026-12-24",
        "today, 2026-12-01",
        "tomorrow, 2026-12-02",
        "Tomorrow, 2026-12-02",
        "friday, 2026-12-04",
        "fri, 2026-12-04",
        "tuesday, 2026-12-01",
        "next friday, 2026-12-11",
        "next monday, 2026-12-07",
        "5 Jan, 2027-01-05",
        "1/1, 2027-01-01"
    })
    void each_accepted_form_names_its_day(String text, LocalDate expected) {
        assertThat(AwayDates.resolve(text, TUESDAY)).isEqualTo(expected);
    }

    @Test
    void friday_said_on_a_friday_is_that_day_and_next_friday_is_a_week_on() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertThat(friday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);

        assertThat(AwayDates.resolve("friday", friday)).isEqualTo(friday);
        assertThat(AwayDates.resolve("next friday", friday)).isEqualTo(friday.plusWeeks(1));
    }

    @Test
    void next_friday_said_on_a_saturday_is_the_friday_of_the_coming_week() {
        assertThat(AwayDates.resolve("next friday", LocalDate.of(2026, 12, 5))).isEqualTo(LocalDate.of(2026, 12, 11));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "31/02", "13/13", "24 Decembre", "next week", "2026-13-01", "ma 3", "24"})
    void anything_else_is_refused_with_the_accepted_forms(String text) {
        assertThatThrownBy(() -> AwayDates.resolve(text, TUESDAY))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("can't read")
                .hasMessageContaining(AwayDates.FORMS);
    }

    @Test
    void a_past_date_is_refused_and_the_accepted_forms_are_given() {
        assertThatThrownBy(() -> AwayDates.resolve("2026-11-30", TUESDAY))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("Mon 30 Nov is in the past")
                .hasMessageContaining(AwayDates.FORMS);
    }

    @Test
    void a_date_more_than_a_year_ahead_is_refused_but_a_year_to_the_day_is_accepted() {
        assertThat(AwayDates.resolve("2027-12-01", TUESDAY)).isEqualTo(LocalDate.of(2027, 12, 1));
        assertThatThrownBy(() -> AwayDates.resolve("2027-12-02", TUESDAY))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("more than a year away")
                .hasMessageContaining("Wed 1 Dec 2027");
    }

    @Test
    void replies_show_the_year_only_when_it_is_not_this_one() {
        assertThat(AwayDates.format(LocalDate.of(2026, 12, 24), TUESDAY)).isEqualTo("Thu 24 Dec");
        assertThat(AwayDates.format(LocalDate.of(2027, 1, 5), TUESDAY)).isEqualTo("Tue 5 Jan 2027");
    }
}
