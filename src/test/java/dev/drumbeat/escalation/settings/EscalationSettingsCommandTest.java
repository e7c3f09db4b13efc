package dev.drumbeat.escalation.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.digest.DigestDao;
import dev.drumbeat.sandbox.SlackUser;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/drumbeat settings` end to end: signed slash commands in, the row the sweeps and the digest read, audited. */
class EscalationSettingsCommandTest {
    static final String MEMBER = "U0MEMBER1";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @Test
    void settings_shows_the_defaults_in_plain_words_each_with_the_command_to_change_it() {
        SlackReply reply = as(member(), "settings");

        assertThat(reply.responseType()).isEqualTo("ephemeral");
        assertThat(reply.text())
                .containsSubsequence(
                        "A service is stale 48 hours after its check-in day _(default)_",
                        "`/drumbeat settings grace 72h`",
                        "Red 2 weeks in a row escalates _(default)_",
                        "`/drumbeat settings red-streak 3`",
                        "A KPI off target 3 weeks in a row escalates _(default)_",
                        "`/drumbeat settings kpi-weeks 4`",
                        "Escalations reach the team after 48 hours _(default)_ and leadership after 96 hours _(default)_",
                        "`/drumbeat settings team-after 24h`",
                        "`/drumbeat settings leadership-after 5d`",
                        "The leadership digest goes out Fridays at 16:00 UTC _(default)_",
                        "`/drumbeat settings digest friday 16:00 Europe/London`",
                        "Only Drumbeat admins can change these.");
    }

    @Test
    void a_changed_value_is_shown_without_the_default_mark() {
        admin("settings red-streak 4");

        assertThat(admin("settings"))
                .contains("Red 4 weeks in a row escalates\n", "A KPI off target 3 weeks in a row escalates _(default)_")
                .doesNotContain("Red 4 weeks in a row escalates _(default)_");
    }

    @Test
    void an_admin_changes_grace_in_hours_or_days_and_the_sweep_reads_it() {
        assertThat(admin("settings grace 72h"))
                .contains(
                        "Changed: a service is stale 72 hours after its check-in day (was 48 hours)",
                        "To undo: `/drumbeat settings grace 48h`");
        assertThat(thresholds().grace()).isEqualTo(Duration.ofHours(72));

        assertThat(admin("settings grace 5d")).contains("(was 72 hours)", "`/drumbeat settings grace 72h`");
        assertThat(thresholds().grace()).isEqualTo(Duration.ofDays(5));
    }

    @Test
    void an_admin_changes_the_red_streak_and_kpi_weeks_and_the_sweep_reads_them() {
        assertThat(admin("settings red-streak 3"))
                .contains(
                        "Changed: red 3 weeks in a row escalates (was 2 weeks)",
                        "To undo: `/drumbeat settings red-streak 2`");
        assertThat(admin("settings kpi-weeks 4"))
                .contains(
                        "Changed: a KPI off target 4 weeks in a row escalates (was 3 weeks)",
                        "To undo: `/drumbeat settings kpi-weeks 3`");

        Thresholds thresholds = thresholds();
        assertThat(thresholds.redStreak()).isEqualTo(3);
        assertThat(thresholds.kpiOffPeriods()).isEqualTo(4);
        assertThat(thresholds.grace()).isEqualTo(Thresholds.defaults().grace());
    }

    @Test
    void an_admin_changes_the_ladder_timings_and_the_sweep_reads_them() {
        assertThat(admin("settings team-after 24h"))
                .contains(
                        "Changed: escalations reach the team after 24 hours (was 48 hours)",
                        "To undo: `/drumbeat settings team-after 48h`");
        assertThat(admin("settings leadership-after 5d"))
                .contains(
                        "Changed: escalations reach leadership after 120 hours (was 96 hours)",
                        "To undo: `/drumbeat settings leadership-after 96h`");

        assertThat(thresholds().toLevel2()).isEqualTo(Duration.ofHours(24));
        assertThat(thresholds().toLevel3()).isEqualTo(Duration.ofHours(120));
    }

    @Test
    void an_admin_moves_the_digest_and_the_digest_schedule_reads_it() {
        assertThat(admin("settings digest monday 9:00 Europe/London"))
                .contains(
                        "Changed: the leadership digest goes out Mondays at 09:00 Europe/London (was Fridays at 16:00 UTC)",
                        "To undo: `/drumbeat settings digest friday 16:00 UTC`");
        assertThat(digest()).isEqualTo(new DigestSchedule(DayOfWeek.MONDAY, 9, ZoneId.of("Europe/London")));

        assertThat(admin("settings digest Thursdays 17")).contains("goes out Thursdays at 17:00 Europe/London");
        assertThat(digest()).isEqualTo(new DigestSchedule(DayOfWeek.THURSDAY, 17, ZoneId.of("Europe/London")));

        admin("settings digest fri 16 america/new_york");
        assertThat(digest()).isEqualTo(new DigestSchedule(DayOfWeek.FRIDAY, 16, ZoneId.of("America/New_York")));
    }

    @Test
    void the_cost_thresholds_are_shown_with_their_defaults_and_an_admin_changes_and_undoes_each() {
        assertThat(as(member(), "settings").text())
                .containsSubsequence(
                        "A service's cost rising three months running to 10% above the months before is cost drift"
                                + " _(default)_",
                        "`/drumbeat settings drift-trend 12%`",
                        "A service's cost jumping 25% above the three months before in one month is cost drift"
                                + " _(default)_",
                        "`/drumbeat settings drift-spike 30%`",
                        "Spend no allocation rule takes goes to leadership when it is over 5% of a month's bill"
                                + " _(default)_",
                        "`/drumbeat settings unallocated 10%`");

        assertThat(admin("settings drift-trend 12%"))
                .contains(
                        "Changed: a service's cost rising three months running to 12% above the months before is cost"
                                + " drift (was 10%)",
                        "To undo: `/drumbeat settings drift-trend 10%`");
        assertThat(admin("settings drift-spike 40"))
                .contains("(was 25%)", "To undo: `/drumbeat settings drift-spike 25%`");
        assertThat(admin("settings unallocated 3 %"))
                .contains(
                        "Changed: spend no allocation rule takes goes to leadership when it is over 3% of a month's bill"
                                + " (was 5%)",
                        "To undo: `/drumbeat settings unallocated 5%`");
        Thresholds changed = thresholds();
        assertThat(List.of(changed.driftTrendPercent(), changed.driftSpikePercent(), changed.unallocatedPercent()))
                .containsExactly(12, 40, 3);
        assertThat(settingsAudit())
                .containsExactly(
                        "update settings drift-trend by " + TestDrumbeat.ADMIN,
                        "update settings drift-spike by " + TestDrumbeat.ADMIN,
                        "update settings unallocated by " + TestDrumbeat.ADMIN);

        admin("settings drift-trend 10%");
        admin("settings drift-spike 25%");
        admin("settings unallocated 5%");
        assertThat(thresholds()).isEqualTo(Thresholds.defaults());
        assertThat(admin("settings drift-trend")).contains("_(default)_", "three months running");
    }

    @Test
    void bad_cost_thresholds_are_refused_with_the_allowed_range() {
        assertThat(admin("settings drift-trend 0%")).contains("`drift-trend` is a whole per cent from 1 to 100");
        assertThat(admin("settings drift-spike 1001%"))
                .contains("`drift-spike` is a whole per cent from 1 to 1000", "nothing was changed");
        assertThat(admin("settings unallocated 4.5%"))
                .contains("`unallocated` is a whole per cent from 1 to 100, like `/drumbeat settings unallocated 10%`");
        assertThat(as(member(), "settings unallocated 10%").text())
                .contains("Only a Drumbeat admin can change escalation settings");

        assertThat(count("select count(*) from escalation_settings")).isZero();
    }

    @Test
    void bad_values_are_refused_with_the_allowed_range_and_nothing_is_stored() {
        assertThat(admin("settings team-after 0h")).contains("`team-after` can be from 1 to 720 hours (30 days)");
        assertThat(admin("settings grace 9999h"))
                .contains("`grace` can be from 0 to 336 hours (14 days)", "nothing was changed");
        assertThat(admin("settings grace 72"))
                .contains("Give `grace` in hours or days, like `grace 72h` or `grace 3d`");
        assertThat(admin("settings red-streak x")).contains("`red-streak` is a whole number of weeks from 1 to 52");
        assertThat(admin("settings kpi-weeks 53")).contains("`kpi-weeks` is a whole number of weeks from 1 to 52");
        assertThat(admin("settings leadership-after 24h"))
                .contains("`leadership-after` must be later than `team-after`," + " which is 48 hours");
        assertThat(admin("settings team-after 4d"))
                .contains("`leadership-after` is 96 hours, so `team-after` must be less than that");
        assertThat(admin("settings digest friday 16:00 Mars/Olympus"))
                .contains("I don't know the time zone `Mars/Olympus`", "`Europe/London`");
        assertThat(admin("settings digest someday 16:00")).contains("`someday` is not a day of the week");
        assertThat(admin("settings digest friday 24")).contains("The digest's hour is from 0 to 23");
        assertThat(admin("settings digest friday 16:30")).contains("The digest goes out on the hour: use `16:00`");
        assertThat(admin("settings digest friday")).contains("Give the digest's day, hour and, if you like, time zone");

        assertThat(count("select count(*) from escalation_settings")).isZero();
        assertThat(settingsAudit()).isEmpty();
    }

    @Test
    void a_refused_value_leaves_an_existing_row_as_it_was() {
        admin("settings grace 72h");
        String row = row();

        admin("settings grace 9999h");
        admin("settings leadership-after 1h");

        assertThat(row()).isEqualTo(row);
        assertThat(settingsAudit()).hasSize(1);
    }

    @Test
    void a_member_sees_the_settings_but_may_not_change_them() {
        for (String command : List.of("settings grace 72h", "settings digest monday 9", "settings red-streak x")) {
            assertThat(as(member(), command).text())
                    .as(command)
                    .contains("Only a Drumbeat admin can change escalation settings");
        }
        assertThat(as(member(), "settings grace").text())
                .contains("A service is stale 48 hours after its check-in day");

        assertThat(count("select count(*) from escalation_settings")).isZero();
        assertThat(thresholds()).isEqualTo(Thresholds.defaults());
    }

    @Test
    void an_unknown_setting_answers_with_the_list_of_settings() {
        assertThat(admin("settings patience 3d"))
                .contains(
                        "There is no setting called `patience`",
                        "`/drumbeat settings grace 72h`",
                        "`/drumbeat settings red-streak 3`",
                        "`/drumbeat settings kpi-weeks 4`",
                        "`/drumbeat settings team-after 24h`",
                        "`/drumbeat settings leadership-after 5d`",
                        "`/drumbeat settings digest friday 16:00 Europe/London`");
    }

    @Test
    void each_change_is_audited_with_the_settings_before_and_after() {
        admin("settings grace 3d");
        admin("settings digest monday 9 Europe/London");

        assertThat(settingsAudit())
                .containsExactly(
                        "update settings grace by " + TestDrumbeat.ADMIN,
                        "update settings digest by " + TestDrumbeat.ADMIN);
        String grace = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("""
                select (before ->> 'graceHours') || ' -> ' || (after ->> 'graceHours') from audit_log
                 where entity = 'settings' and entity_key = 'grace'""").mapTo(String.class).one());
        assertThat(grace).isEqualTo("48 -> 72");
        String digest = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("""
                select concat_ws(' ', after ->> 'digestDay', after ->> 'digestHour', after ->> 'digestZone') from audit_log
                 where entity = 'settings' and entity_key = 'digest'""").mapTo(String.class).one());
        assertThat(digest).isEqualTo("MONDAY 9 Europe/London");
    }

    @Test
    void setting_a_value_it_already_has_changes_nothing_and_audits_nothing() {
        assertThat(admin("settings red-streak 2")).contains("Nothing changed: red 2 weeks in a row escalates already");

        assertThat(settingsAudit()).isEmpty();
    }

    private static String admin(String command) {
        SlackReply reply = as(drumbeat.admin(), command);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.responseType()).isEqualTo("ephemeral");
        return reply.text();
    }

    private static SlackReply as(SlackUser user, String command) {
        return drumbeat.command(user, command);
    }

    private static SlackUser member() {
        return drumbeat.user(MEMBER, "mel");
    }

    private static Thresholds thresholds() {
        return drumbeat.jdbi().onDemand(ThresholdsDao.class).thresholds(TestDrumbeat.TEAM);
    }

    private static DigestSchedule digest() {
        return drumbeat.jdbi().withExtension(DigestDao.class, DigestDao::workspaces).stream()
                .filter(w -> w.teamId().equals(TestDrumbeat.TEAM))
                .findFirst()
                .orElseThrow()
                .schedule();
    }

    private static List<String> settingsAudit() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("""
                select action || ' ' || entity || ' ' || entity_key || ' by ' || actor from audit_log
                 where entity = 'settings' order by id""").mapTo(String.class).list());
    }

    private static String row() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select s::text from escalation_settings s")
                        .mapTo(String.class)
                        .one());
    }

    private static int count(String sql) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
