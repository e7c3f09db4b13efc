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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who is asked, what the DM lists, who is excused, and the one reminder. All owners here are in UTC. */
class PromptRulesTest {
    static final Instant MONDAY_NINE = Instant.parse("2027-03-15T09:00:00Z");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    static MutableClock clock = new MutableClock(MONDAY_NINE);
    static PromptService prompts;
    static Seed seed;

    @BeforeEach
    void reset() {
        prompts = new PromptService(
                drumbeat.jdbi(), new Outbox(clock), new Periods(DayOfWeek.MONDAY, 9), Duration.ofHours(24), clock);
        seed = new Seed(drumbeat.jdbi(), "T0RULES")
                .person("U0ALICE01", "alice", "member")
                .person("U0BOB0001", "bob", "member")
                .person("U0CAROL01", "carol", "member")
                .person("U0GONE001", "gone", "member")
                .deactivated("U0GONE001");
        clock.set(MONDAY_NINE);
        drumbeat.jdbi().useHandle(h -> {
            h.execute("update people set away_until = null, away_deputy_id = null, tz = 'UTC'");
        });
        seed.service("payments", "Payments API", "core", "U0ALICE01", "1", "1", "1")
                .service("ledger", "Core Ledger", "strategic", "U0ALICE01", "1", "1", "1")
                .service("mail", "Email", "secondary", "U0GONE001", "1", "1", "1")
                .service("crm", "CRM", "core", null, "1", "1", "1");
    }

    private String outboxText(String key) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select args::text from slack_outbox where dedupe_key = :k")
                        .bind("k", key)
                        .mapTo(String.class)
                        .findOne()
                        .orElse(""));
    }

    @Test
    void an_owner_gets_one_dm_listing_every_service_they_own_with_a_button_each() {
        assertThat(prompts.sendDuePrompts()).isEqualTo(1);
        String dm = outboxText("prompt:T0RULES|U0ALICE01|2027-03-15");
        assertThat(dm)
                .contains(
                        "Payments API",
                        "Core Ledger",
                        "checkin-open:payments",
                        "checkin-open:ledger",
                        "Weekly check-in",
                        "\"channel\": \"U0ALICE01\"");
        assertThat(seed.count("checkin_prompt_services")).isEqualTo(2);
    }

    @Test
    void services_without_an_active_owner_are_not_prompted() {
        prompts.sendDuePrompts();
        assertThat(seed.count("checkin_prompts")).isEqualTo(1);
        assertThat(outboxText("prompt:T0RULES|U0ALICE01|2027-03-15")).doesNotContain("Email", "CRM");
    }

    @Test
    void a_service_already_checked_in_this_period_is_left_out() {
        seed.checkIn("payments", "green", "", "U0ALICE01");
        drumbeat.jdbi().useHandle(h -> h.execute("update checkins set period_start = date '2027-03-15'"));
        prompts.sendDuePrompts();
        assertThat(outboxText("prompt:T0RULES|U0ALICE01|2027-03-15"))
                .contains("Core Ledger")
                .doesNotContain("Payments API");
    }

    @Test
    void while_away_the_personal_deputy_is_asked_and_told_whom_they_cover() {
        drumbeat.jdbi()
                .useHandle(
                        h -> h.execute(
                                "update people set away_until = date '2027-03-19', away_deputy_id = 'U0BOB0001' where user_id = 'U0ALICE01'"));
        prompts.sendDuePrompts();
        assertThat(outboxText("prompt:T0RULES|U0BOB0001|2027-03-15"))
                .contains("Payments API", "covering for <@U0ALICE01>");
        assertThat(seed.count("checkin_prompts where user_id = 'U0ALICE01'")).isZero();
    }

    @Test
    void while_away_with_nobody_covering_the_period_is_excused() {
        drumbeat.jdbi()
                .useHandle(
                        h -> h.execute("update people set away_until = date '2027-03-19' where user_id = 'U0ALICE01'"));
        drumbeat.jdbi().useHandle(h -> h.execute("update services set deputy_id = 'U0CAROL01' where key = 'ledger'"));
        prompts.sendDuePrompts();
        assertThat(outboxText("prompt:T0RULES|U0CAROL01|2027-03-15"))
                .contains("Core Ledger")
                .doesNotContain("Payments API");
        assertThat(seed.count("checkin_excusals where period_start = date '2027-03-15'"))
                .isEqualTo(1);
        prompts.sendDuePrompts();
        assertThat(seed.count("checkin_excusals")).isEqualTo(1);
    }

    @Test
    void a_deputy_in_another_zone_is_asked_for_the_owners_week_at_nine_in_their_own_zone() {
        drumbeat.jdbi().useHandle(h -> {
            h.execute(
                    "update people set tz = 'Australia/Sydney', away_until = date '2027-03-19', away_deputy_id = 'U0BOB0001'"
                            + " where user_id = 'U0ALICE01'");
            h.execute("update people set tz = 'America/New_York' where user_id = 'U0BOB0001'");
        });
        clock.set(Instant.parse("2027-03-14T23:00:00Z")); // Monday 10:00 in Sydney, Sunday 19:00 in New York
        prompts.sendDuePrompts();
        assertThat(seed.count("checkin_prompts"))
                .as("nothing for the deputy's previous week")
                .isZero();
        clock.set(Instant.parse("2027-03-15T13:00:00Z")); // Monday 09:00 in New York
        prompts.sendDuePrompts();
        assertThat(seed.count("checkin_prompts where user_id = 'U0BOB0001' and period_start = date '2027-03-15'"))
                .isEqualTo(1);
        assertThat(seed.count("checkin_prompts")).isEqualTo(1);
    }

    @Test
    void an_absence_that_ended_before_the_period_does_not_count() {
        drumbeat.jdbi()
                .useHandle(
                        h -> h.execute(
                                "update people set away_until = date '2027-03-12', away_deputy_id = 'U0BOB0001' where user_id = 'U0ALICE01'"));
        prompts.sendDuePrompts();
        assertThat(seed.count("checkin_prompts where user_id = 'U0ALICE01'")).isEqualTo(1);
    }

    @Test
    void one_reminder_follows_in_the_thread_after_the_delay_and_never_a_second() {
        prompts.sendDuePrompts();
        clock.advance(Duration.ofHours(23));
        assertThat(prompts.sendDueReminders()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(prompts.sendDueReminders()).isEqualTo(1);
        clock.advance(Duration.ofHours(24));
        assertThat(prompts.sendDueReminders()).isZero();
        String reminder = outboxText("reminder:" + promptId());
        assertThat(reminder)
                .contains("2 services are", "\"$ts_of\": \"prompt:T0RULES|U0ALICE01|2027-03-15\"", "thread_ts");
    }

    @Test
    void no_reminder_once_everything_is_checked_in() {
        prompts.sendDuePrompts();
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into checkins (team_id, service_id, period_start, status, submitted_by, submitted_at)
                select team_id, id, date '2027-03-15', 'green', 'U0ALICE01', now() from services where owner_id = 'U0ALICE01'"""));
        clock.advance(Duration.ofHours(30));
        assertThat(prompts.sendDueReminders()).isZero();
    }

    private long promptId() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from checkin_prompts where user_id = 'U0ALICE01'")
                        .mapTo(Long.class)
                        .one());
    }
}
