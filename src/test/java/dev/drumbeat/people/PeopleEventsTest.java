package dev.drumbeat.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackPayloads;
import dev.drumbeat.support.TestDrumbeat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Slack's user_change keeps people's time zones current, so prompts follow someone who moves. */
class PeopleEventsTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    Seed seed;

    @BeforeEach
    void seed() {
        seed = drumbeat.seed().person("U0MOVER01", "mover", "leadership");
    }

    private static void userChange(String eventId, String userId, String tz) {
        Map<String, Object> user = SlackPayloads.slackUser(TestDrumbeat.TEAM, userId, "mover", false);
        user.put("real_name", "Mo Ver");
        user.put("tz", tz);
        drumbeat.event(eventId, SlackPayloads.userChange(user));
    }

    @Test
    void a_changed_time_zone_is_stored_and_the_role_is_kept() {
        userChange("Ev0TZ1", "U0MOVER01", "Asia/Singapore");
        assertThat(seed.count("people where user_id = 'U0MOVER01' and tz = 'Asia/Singapore' and role = 'leadership'"
                        + " and real_name = 'Mo Ver'"))
                .isEqualTo(1);
    }

    @Test
    void someone_never_seen_is_left_to_the_hourly_sync() {
        userChange("Ev0TZ2", "U0STRANGER", "Europe/Paris");
        assertThat(seed.count("people where user_id = 'U0STRANGER'")).isZero();
    }
}
