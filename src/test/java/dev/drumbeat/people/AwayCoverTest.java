package dev.drumbeat.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who is asked for a service in a period while its owner is away: {@link AwayCover}'s rule, without a database. */
class AwayCoverTest {
    static final LocalDate PERIOD = LocalDate.of(2026, 12, 21);
    static final String OWNER = "U0OWNER01";
    static final Optional<String> SERVICE_DEPUTY = Optional.of("U0SVCDEP1");
    static final Optional<String> PERSONAL_DEPUTY = Optional.of("U0PERSDEP");

    @Test
    void a_present_owner_is_asked_even_when_the_service_has_a_deputy() {
        assertThat(AwayCover.coverFor(OWNER, SERVICE_DEPUTY, AwayState.PRESENT, PERIOD))
                .contains(OWNER);
    }

    @Test
    void an_away_owner_with_a_personal_deputy_is_covered_by_that_deputy_rather_than_the_services() {
        AwayState away = AwayState.until(PERIOD.plusDays(3), PERSONAL_DEPUTY);

        assertThat(AwayCover.coverFor(OWNER, SERVICE_DEPUTY, away, PERIOD)).isEqualTo(PERSONAL_DEPUTY);
    }

    @Test
    void an_away_owner_without_a_personal_deputy_is_covered_by_the_services_deputy() {
        AwayState away = AwayState.until(PERIOD.plusDays(3), Optional.empty());

        assertThat(AwayCover.coverFor(OWNER, SERVICE_DEPUTY, away, PERIOD)).isEqualTo(SERVICE_DEPUTY);
    }

    @Test
    void an_away_owner_with_no_deputy_at_all_leaves_the_period_excused() {
        AwayState away = AwayState.until(PERIOD.plusDays(3), Optional.empty());

        assertThat(AwayCover.coverFor(OWNER, Optional.empty(), away, PERIOD)).isEmpty();
    }

    @Test
    void a_service_deputy_who_is_the_away_owner_themself_covers_nothing() {
        AwayState away = AwayState.until(PERIOD.plusDays(3), Optional.empty());

        assertThat(AwayCover.coverFor(OWNER, Optional.of(OWNER), away, PERIOD)).isEmpty();
    }

    @Test
    void an_away_spell_that_ended_the_day_before_the_period_leaves_the_owner_asked() {
        AwayState away = AwayState.until(PERIOD.minusDays(1), PERSONAL_DEPUTY);

        assertThat(AwayCover.coverFor(OWNER, SERVICE_DEPUTY, away, PERIOD)).contains(OWNER);
    }

    @Test
    void being_away_through_the_first_day_of_the_period_covers_that_period() {
        AwayState away = AwayState.until(PERIOD, PERSONAL_DEPUTY);

        assertThat(AwayCover.coverFor(OWNER, SERVICE_DEPUTY, away, PERIOD)).isEqualTo(PERSONAL_DEPUTY);
    }
}
