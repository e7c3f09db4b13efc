package dev.drumbeat.escalation.rules;

import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.escalation.settings.ThresholdsDao;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.db.Database;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link ThresholdsDao}: a workspace's own settings, and the defaults for a workspace that has none. */
class EscalationFactsThresholdsTest {
    static Database database;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh();
        new Seed(database.jdbi(), "T0DEFAULT");
        new Seed(database.jdbi(), "T0STRICT");
        database.jdbi().useHandle(h -> h.execute("""
                insert into escalation_settings (team_id, grace_hours, red_streak, kpi_off_periods, level2_after_hours,
                                                 level3_after_hours)
                values ('T0STRICT', 24, 1, 2, 12, 36)"""));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static ThresholdsDao dao() {
        return database.jdbi().onDemand(ThresholdsDao.class);
    }

    @Test
    void a_workspace_without_settings_has_the_defaults_which_match_the_tables() {
        assertThat(dao().thresholds("T0DEFAULT")).isEqualTo(Thresholds.defaults());
        database.jdbi().useHandle(h -> h.execute("insert into escalation_settings (team_id) values ('T0DEFAULT')"));
        try {
            assertThat(dao().thresholds("T0DEFAULT")).isEqualTo(Thresholds.defaults());
        } finally {
            database.jdbi().useHandle(h -> h.execute("delete from escalation_settings where team_id = 'T0DEFAULT'"));
        }
    }

    @Test
    void a_workspaces_own_settings_are_read_in_hours() {
        assertThat(dao().thresholds("T0STRICT")).isEqualTo(new Thresholds(Duration.ofHours(24), 1, 2, Duration.ofHours(12),
                Duration.ofHours(36)));
    }

    @Test
    void every_workspace_with_settings_is_read_at_once_for_a_sweep() {
        assertThat(dao().thresholdsByTeam()).containsOnlyKeys("T0STRICT")
                .containsEntry("T0STRICT", dao().thresholds("T0STRICT"));
    }
}
