package dev.drumbeat.escalation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.core.Periods;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Initiative facts: open initiatives only, the active services linked to them, and how many of those are red now. */
class EscalationFactsInitiativeTest {
    static final String TEAM = "T0INITS";
    static final Periods PERIODS = new Periods(DayOfWeek.MONDAY, 9);
    /** Wednesday 18 Nov 2026; the period under way is Monday 16 Nov. */
    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    static Seed seed;

    @BeforeEach
    void reset() {
        seed = new Seed(drumbeat.jdbi(), TEAM)
                .person("U0ALICE01", "alice", "member")
                .person("U0BOB0001", "bob", "member")
                .timeZone("U0BOB0001", "Pacific/Auckland");
        for (String key : List.of("red-now", "red-last-week", "red-long-ago", "green-now", "no-checkins", "retired")) {
            seed.service(key, key, "core", "U0ALICE01", "1", "1", "1");
        }
        sql("update services set active = false where key = 'retired'");
        checkIn("red-now", "2026-11-09", "green");
        checkIn("red-now", "2026-11-16", "red");
        checkIn("red-last-week", "2026-11-09", "red");
        checkIn("red-long-ago", "2026-11-02", "red");
        checkIn("green-now", "2026-11-09", "red");
        checkIn("green-now", "2026-11-16", "green");
        checkIn("retired", "2026-11-16", "red");
    }

    private static void sql(String statement, Object... args) {
        drumbeat.jdbi().useHandle(h -> h.execute(statement, args));
    }

    private static void checkIn(String serviceKey, String period, String status) {
        sql("""
                insert into checkins (team_id, service_id, period_start, status, submitted_by, submitted_at)
                select team_id, id, cast(? as date), ?, 'U0ALICE01', now() from services where key = ?""", period, status, serviceKey);
    }

    private static void initiative(String key, String status, String due, String... serviceKeys) {
        sql("""
                insert into initiatives (team_id, key, name, owner_id, due_date, status)
                values (?, ?, ?, 'U0ALICE01', cast(? as date), ?)""", TEAM, key, "Initiative " + key, due, status);
        for (String serviceKey : serviceKeys) {
            sql("""
                    insert into initiative_services (initiative_id, service_id, team_id)
                    select i.id, s.id, s.team_id from initiatives i, services s where i.key = ? and s.key = ?""", key, serviceKey);
        }
    }

    private static InitiativeFacts only(Instant now) {
        List<InitiativeFacts> facts =
                drumbeat.jdbi().onDemand(EscalationFactsDao.class).initiativeFacts(now, PERIODS);
        assertThat(facts).hasSize(1);
        return facts.get(0);
    }

    @Test
    void an_initiative_carries_its_key_owner_due_date_and_status() {
        initiative("cloud", "planned", "2026-12-31");

        assertThat(only(NOW))
                .isEqualTo(new InitiativeFacts(
                        only(NOW).initiativeId(),
                        TEAM,
                        "cloud",
                        "Initiative cloud",
                        Optional.of("U0ALICE01"),
                        Optional.of(LocalDate.of(2026, 12, 31)),
                        "planned",
                        0,
                        0));
    }

    @Test
    void done_and_cancelled_initiatives_are_left_out() {
        initiative("cloud", "active", null);
        initiative("old", "done", null);
        initiative("dropped", "cancelled", null);

        assertThat(only(NOW).key()).isEqualTo("cloud");
    }

    @Test
    void linked_services_count_active_ones_only() {
        initiative("cloud", "active", null, "green-now", "no-checkins", "retired");

        assertThat(only(NOW).linkedServices()).isEqualTo(2);
        assertThat(only(NOW).linkedRed()).isZero();
    }

    @Test
    void a_service_is_red_when_its_latest_check_in_this_period_or_last_is_red() {
        initiative("cloud", "active", null, "red-now", "red-last-week", "red-long-ago", "green-now", "no-checkins");

        assertThat(only(NOW).linkedServices()).isEqualTo(5);
        assertThat(only(NOW).linkedRed()).isEqualTo(2);
    }

    @Test
    void whether_last_week_is_recent_follows_the_owners_zone() {
        initiative("cloud", "active", null, "red-last-week");
        Instant aucklandMondayNine = Instant.parse("2026-11-22T20:00:00Z");

        assertThat(only(aucklandMondayNine).linkedRed()).isEqualTo(1);
        sql("update services set owner_id = 'U0BOB0001' where key = 'red-last-week'");
        assertThat(only(aucklandMondayNine).linkedRed()).isZero();
    }
}
