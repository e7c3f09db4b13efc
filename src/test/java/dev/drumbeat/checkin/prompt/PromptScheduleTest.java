package dev.drumbeat.checkin.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.core.Periods;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.Seed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Weekly prompts fire at 09:00 on Monday in each owner's own zone, once, across daylight-saving changes
 * and in a half-hour zone. The expected instants are written out in UTC by hand, not computed.
 */
class PromptScheduleTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    static MutableClock clock = new MutableClock(Instant.parse("2027-03-01T00:00:00Z"));
    static PromptService prompts;
    static Seed seed;

    @BeforeEach
    void seed() {
        prompts = new PromptService(
                drumbeat.jdbi(), new Outbox(clock), new Periods(DayOfWeek.MONDAY, 9), Duration.ofHours(24), clock);
        seed = new Seed(drumbeat.jdbi(), "T0TZ")
                .person("U0NY00001", "nora", "member")
                .person("U0LDN0001", "liam", "member")
                .person("U0SYD0001", "sam", "member")
                .person("U0KOL0001", "kavya", "member")
                .service("ny-svc", "New York Service", "core", "U0NY00001", "1", "1", "1")
                .service("ldn-svc", "London Service", "core", "U0LDN0001", "1", "1", "1")
                .service("syd-svc", "Sydney Service", "core", "U0SYD0001", "1", "1", "1")
                .service("kol-svc", "Kolkata Service", "core", "U0KOL0001", "1", "1", "1");
        drumbeat.jdbi().useHandle(h -> {
            h.execute("update people set tz = 'America/New_York' where user_id = 'U0NY00001'");
            h.execute("update people set tz = 'Europe/London' where user_id = 'U0LDN0001'");
            h.execute("update people set tz = 'Australia/Sydney' where user_id = 'U0SYD0001'");
            h.execute("update people set tz = 'Asia/Kolkata' where user_id = 'U0KOL0001'");
        });
    }

    /** Sweeps a minute before and at the expected instant, then several times later: exactly one prompt, made at the instant. */
    private void assertPromptedOnceAt(String userId, String periodStart, String expectedUtc) {
        Instant expected = Instant.parse(expectedUtc);
        clock.set(expected.minusSeconds(60));
        prompts.sendDuePrompts();
        assertThat(promptTimes(userId, periodStart))
                .as("%s before 09:00 local", userId)
                .isEmpty();
        for (Duration later : List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(3), Duration.ofDays(2))) {
            clock.set(expected.plus(later));
            prompts.sendDuePrompts();
        }
        assertThat(promptTimes(userId, periodStart))
                .as("%s prompt for %s", userId, periodStart)
                .containsExactly(expected);
        assertThat(seed.count("slack_outbox where dedupe_key = 'prompt:T0TZ|" + userId + "|" + periodStart + "'"))
                .isEqualTo(1);
    }

    private List<Instant> promptTimes(String userId, String periodStart) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery(
                                "select prompted_at from checkin_prompts where user_id = :u and period_start = cast(:p as date)")
                        .bind("u", userId)
                        .bind("p", periodStart)
                        .mapTo(Instant.class)
                        .list());
    }

    @Test
    void new_york_is_prompted_at_nine_local_on_both_sides_of_the_march_change() {
        assertPromptedOnceAt("U0NY00001", "2027-03-08", "2027-03-08T14:00:00Z"); // EST, UTC-5
        assertPromptedOnceAt("U0NY00001", "2027-03-15", "2027-03-15T13:00:00Z"); // EDT, UTC-4, after 14 March
    }

    @Test
    void london_is_prompted_at_nine_local_on_both_sides_of_the_october_change() {
        assertPromptedOnceAt("U0LDN0001", "2027-10-25", "2027-10-25T08:00:00Z"); // BST, UTC+1
        assertPromptedOnceAt("U0LDN0001", "2027-11-01", "2027-11-01T09:00:00Z"); // GMT, after 31 October
    }

    @Test
    void sydney_is_prompted_at_nine_local_when_its_summer_time_ends_and_starts() {
        assertPromptedOnceAt("U0SYD0001", "2027-03-29", "2027-03-28T22:00:00Z"); // AEDT, UTC+11
        assertPromptedOnceAt("U0SYD0001", "2027-04-05", "2027-04-04T23:00:00Z"); // AEST, UTC+10, after 4 April
        assertPromptedOnceAt("U0SYD0001", "2027-10-04", "2027-10-03T22:00:00Z"); // AEDT again, after 3 October
    }

    @Test
    void kolkata_is_prompted_at_nine_local_in_its_half_hour_zone() {
        assertPromptedOnceAt("U0KOL0001", "2027-03-15", "2027-03-15T03:30:00Z"); // IST, UTC+5:30
    }

    @Test
    void a_sweep_on_sunday_evening_in_new_york_prompts_sydney_whose_monday_has_begun() {
        clock.set(Instant.parse("2027-03-14T23:00:00Z")); // Sunday 19:00 in New York, Monday 10:00 in Sydney
        prompts.sendDuePrompts();
        assertThat(promptTimes("U0SYD0001", "2027-03-15")).hasSize(1);
        assertThat(promptTimes("U0NY00001", "2027-03-15")).isEmpty();
    }
}
