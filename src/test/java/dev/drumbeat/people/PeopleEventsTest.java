package dev.drumbeat.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDrumbeat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slack's user_change keeps people's time zones current, so prompts follow someone who moves. */
class PeopleEventsTest {
    static TestDrumbeat t;
    static Seed seed;

    @BeforeAll
    static void start() {
        t = TestDrumbeat.start();
        seed = new Seed(t.jdbi(), TestDrumbeat.TEAM).person("U0MOVER01", "mover", "leadership");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static void userChange(String eventId, String userId, String tz) {
        t.driver.event(Map.of("type", "event_callback", "team_id", TestDrumbeat.TEAM, "api_app_id", "A0DRUMBEAT",
                "event_id", eventId, "event_time", 1700000000,
                "event", Map.of("type", "user_change", "event_ts", "1700000000.000300",
                        "user", Map.of("id", userId, "team_id", TestDrumbeat.TEAM, "name", "mover", "real_name", "Mo Ver",
                                "tz", tz, "deleted", false))));
    }

    @Test
    void a_changed_time_zone_is_stored_and_the_role_is_kept() {
        userChange("Ev0TZ1", "U0MOVER01", "Asia/Singapore");
        assertThat(seed.count("people where user_id = 'U0MOVER01' and tz = 'Asia/Singapore' and role = 'leadership'"
                + " and real_name = 'Mo Ver'")).isEqualTo(1);
    }

    @Test
    void someone_never_seen_is_left_to_the_hourly_sync() {
        userChange("Ev0TZ2", "U0STRANGER", "Europe/Paris");
        assertThat(seed.count("people where user_id = 'U0STRANGER'")).isZero();
    }
}
