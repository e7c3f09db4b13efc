package dev.drumbeat.escalation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.escalation.settings.ThresholdsDao;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ThresholdsDao}: a workspace's own settings, and the defaults for a workspace that has none. */
class EscalationFactsThresholdsTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    @BeforeEach
    void seed() {
        new Seed(drumbeat.jdbi(), "T0DEFAULT");
        new Seed(drumbeat.jdbi(), "T0STRICT");
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into escalation_settings (team_id, grace_hours, red_streak, kpi_off_periods, level2_after_hours,
                                                 level3_after_hours)
                values ('T0STRICT', 24, 1, 2, 12, 36)"""));
    }

    private static ThresholdsDao dao() {
        return drumbeat.jdbi().onDemand(ThresholdsDao.class);
    }

    @Test
    void a_workspace_without_settings_has_the_defaults_which_match_the_tables() {
        assertThat(dao().thresholds("T0DEFAULT")).isEqualTo(Thresholds.defaults());
        drumbeat.jdbi().useHandle(h -> h.execute("insert into escalation_settings (team_id) values ('T0DEFAULT')"));
        try {
            assertThat(dao().thresholds("T0DEFAULT")).isEqualTo(Thresholds.defaults());
        } finally {
            drumbeat.jdbi().useHandle(h -> h.execute("delete from escalation_settings where team_id = 'T0DEFAULT'"));
        }
    }

    @Test
    void a_workspaces_own_settings_are_read_in_hours() {
        assertThat(dao().thresholds("T0STRICT"))
                .isEqualTo(new Thresholds(Duration.ofHours(24), 1, 2, Duration.ofHours(12), Duration.ofHours(36)));
    }

    @Test
    void every_workspace_with_settings_is_read_at_once_for_a_sweep() {
        assertThat(dao().thresholdsByTeam())
                .containsOnlyKeys("T0STRICT")
                .containsEntry("T0STRICT", dao().thresholds("T0STRICT"));
    }
}
