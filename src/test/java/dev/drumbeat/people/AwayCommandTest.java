package dev.drumbeat.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.SlackUser;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `/drumbeat away` and `/drumbeat back` end to end: signed commands in, the stored state and audit out. */
class AwayCommandTest {
    /** Tuesday 1 December 2026, noon in London; periods start on Mondays. */
    static final Instant TUESDAY_NOON = Instant.parse("2026-12-01T12:00:00Z");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    static final SlackUser alice = drumbeat.user("U0ALICE01", "alice");
    Seed seed;

    @BeforeEach
    void seed() {
        drumbeat.clock().set(TUESDAY_NOON);
        seed = drumbeat.seed()
                .person("U0ALICE01", "alice", "member")
                .person("U0BOB0001", "bob", "member")
                .person("U0GONE001", "gone", "member")
                .deactivated("U0GONE001");
        drumbeat.execute("update people set tz = 'Europe/London'");
        seed.service("payments-api", "Payments API", "core", "U0ALICE01", "0.12", "4200000", "620000")
                .service("ledger", "Ledger", "core", "U0ALICE01", "1", "10", "20")
                .service("search", "Search", "secondary", "U0ALICE01", "1", "10", "20");
    }

    private static String away(String args) {
        return drumbeat.command(alice, "away " + args).text();
    }

    private static AwayState stateOf(String userId) {
        return drumbeat.jdbi()
                .withExtension(AwayDao.class, dao -> dao.find(TestDrumbeat.TEAM, userId))
                .orElseThrow();
    }

    @ParameterizedTest(name = "away until {0} stores {1}")
    @CsvSource({
        "2026-12-24, 2026-12-24",
        "24 Dec, 2026-12-24",
        "Dec 24, 2026-12-24",
        "24/12, 2026-12-24",
        "tomorrow, 2026-12-02",
        "friday, 2026-12-04",
        "next friday, 2026-12-11"
    })
    void each_date_form_is_understood(String date, LocalDate stored) {
        away("until " + date);

        assertThat(stateOf("U0ALICE01").until()).contains(stored);
    }

    @Test
    void away_with_a_deputy_stores_both_answers_in_a_plain_sentence_and_is_audited() {
        SlackReply response = drumbeat.command(alice, "away until 24 Dec <@U0BOB0001|bob>");

        assertThat(response.responseType()).isEqualTo("ephemeral");
        assertThat(response.text())
                .contains("You're away until Thu 24 Dec. <@U0BOB0001> covers your 3 services;"
                        + " I'll ask you again from Mon 28 Dec.");
        assertThat(stateOf("U0ALICE01"))
                .isEqualTo(AwayState.until(LocalDate.of(2026, 12, 24), Optional.of("U0BOB0001")));
        Map<String, Object> audit =
                drumbeat.jdbi().withHandle(h -> h.createQuery("""
                select actor, action, after ->> 'until' as until, after ->> 'deputyId' as deputy, before ->> 'until' as was
                  from audit_log where entity = 'person' and entity_key = 'U0ALICE01'""").mapToMap().one());
        assertThat(audit)
                .containsEntry("actor", "U0ALICE01")
                .containsEntry("action", "away")
                .containsEntry("until", "2026-12-24")
                .containsEntry("deputy", "U0BOB0001")
                .containsEntry("was", null);
    }

    @Test
    void without_a_personal_deputy_the_reply_says_which_services_are_covered_and_which_excused() {
        drumbeat.jdbi().useHandle(h -> h.execute("update services set deputy_id = 'U0BOB0001' where key = 'ledger'"));

        String reply = away("until friday");

        assertThat(reply)
                .contains(
                        "You're away until Fri 4 Dec. Their own deputies cover 1 of your 3 services;"
                                + " check-ins for the other 2 are excused while you're away; I'll ask you again from Mon 7 Dec.");
        assertThat(stateOf("U0ALICE01").deputyId()).isEmpty();
    }

    @Test
    void the_date_is_read_in_the_persons_own_time_zone() {
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update people set tz = 'Pacific/Auckland' where user_id = 'U0ALICE01'"));

        String reply = away("until tomorrow");

        assertThat(stateOf("U0ALICE01").until()).contains(LocalDate.of(2026, 12, 3));
        assertThat(reply).contains("You're away until Thu 3 Dec.");
    }

    @Test
    void a_past_date_is_refused_with_the_accepted_forms_and_nothing_is_stored() {
        String reply = away("until 2026-11-30");

        assertThat(reply).contains("Mon 30 Nov is in the past", AwayDates.FORMS);
        assertThat(stateOf("U0ALICE01")).isEqualTo(AwayState.PRESENT);
        assertThat(seed.count("audit_log where entity = 'person'")).isZero();
    }

    @Test
    void a_date_that_is_not_a_date_is_refused_with_the_accepted_forms() {
        assertThat(away("until whenever <@U0BOB0001|bob>"))
                .contains("I can't read “whenever” as a date", AwayDates.FORMS);
        assertThat(away("<@U0BOB0001|bob>")).contains("Say until when you're away");
        assertThat(stateOf("U0ALICE01")).isEqualTo(AwayState.PRESENT);
    }

    @Test
    void the_deputy_must_be_someone_known() {
        assertThat(away("until friday @nobody")).contains("I don't know @nobody yet");
        assertThat(away("until friday <@U0GHOST01>")).contains("I don't know <@U0GHOST01> yet");
        assertThat(stateOf("U0ALICE01")).isEqualTo(AwayState.PRESENT);
    }

    @Test
    void the_deputy_must_be_active_in_slack() {
        assertThat(away("until friday <@U0GONE001|gone>")).contains("<@U0GONE001> is deactivated in Slack");
        assertThat(stateOf("U0ALICE01")).isEqualTo(AwayState.PRESENT);
    }

    @Test
    void nobody_can_be_their_own_deputy() {
        assertThat(away("until friday <@U0ALICE01|alice>")).contains("You can't be your own deputy");
        assertThat(stateOf("U0ALICE01")).isEqualTo(AwayState.PRESENT);
    }

    @Test
    void back_clears_the_away_state_says_when_the_next_prompt_comes_and_is_audited() {
        away("until 24 Dec @bob");

        String reply = drumbeat.command(alice, "back").text();

        assertThat(reply).contains("Welcome back — I'll ask you again on Monday.");
        assertThat(stateOf("U0ALICE01")).isEqualTo(AwayState.PRESENT);
        List<String> audited = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("""
                select action || ' ' || coalesce(before ->> 'until', '-') || ' ' || coalesce(after ->> 'until', '-')
                  from audit_log where entity = 'person' and entity_key = 'U0ALICE01' order by id""").mapTo(String.class).list());
        assertThat(audited).containsExactly("away - 2026-12-24", "back 2026-12-24 -");
    }

    @Test
    void back_when_not_away_changes_nothing_and_says_so() {
        String reply = drumbeat.command(alice, "back").text();

        assertThat(reply).contains("You weren't marked away, so nothing changed");
        assertThat(seed.count("audit_log where entity = 'person'")).isZero();
    }

    @Test
    void away_on_its_own_shows_the_current_state() {
        assertThat(away("")).contains("You're not marked away");
        away("until 24/12 @bob");

        assertThat(away("")).contains("You're away until Thu 24 Dec. <@U0BOB0001> covers for you.");
    }
}
