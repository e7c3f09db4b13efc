package dev.drumbeat.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.config.Config;
import dev.drumbeat.core.Role;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.TestDrumbeat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PeopleSyncTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    SlackStandIn slack;

    @BeforeEach
    void people() {
        slack = drumbeat.slack();
        for (int i = 0; i < 450; i++) {
            slack.addUser(
                    String.format("U0P%05d", i),
                    "person" + i,
                    "Person " + i,
                    i % 2 == 0 ? "Europe/London" : "Asia/Kolkata",
                    i % 2 == 0 ? 0 : 19800,
                    i == 7);
        }
    }

    private PeopleSync sync(String token) {
        Config config = TestDrumbeat.config(slack.apiUrl());
        return new PeopleSync(SlackApp.client(config), token, drumbeat.jdbi());
    }

    @Test
    void every_page_of_users_list_is_stored_with_time_zone_and_deactivation() {
        assertThat(sync(TestDrumbeat.BOT_TOKEN).syncAll("T0SYNC")).contains(450);
        PeopleDao dao = drumbeat.jdbi().onDemand(PeopleDao.class);
        assertThat(dao.all("T0SYNC")).hasSize(450);
        assertThat(dao.find("T0SYNC", "U0P00001")).get().extracting(Person::tz).isEqualTo("Asia/Kolkata");
        assertThat(dao.find("T0SYNC", "U0P00007"))
                .get()
                .extracting(Person::deactivated)
                .isEqualTo(true);
        assertThat(slack.calls("users.list"))
                .hasSizeGreaterThan(1)
                .allSatisfy(c -> assertThat(c.ok()).isTrue());
    }

    @Test
    void a_refused_token_stores_nothing_and_says_so() {
        assertThat(sync("xoxb-wrong-token").syncAll("T0REFUSED")).isEmpty();
        assertThat(drumbeat.jdbi().onDemand(PeopleDao.class).all("T0REFUSED")).isEmpty();
    }

    @Test
    void roles_set_in_drumbeat_survive_a_resync() {
        drumbeat.jdbi()
                .useHandle(h -> h.execute("insert into workspaces (team_id) values ('T0ROLE') on conflict do nothing"));
        drumbeat.jdbi()
                .useHandle(
                        h -> h.execute(
                                "insert into people (team_id, user_id, name, role) values ('T0ROLE', 'U0P00002', 'old', 'leadership')"));
        sync(TestDrumbeat.BOT_TOKEN).syncAll("T0ROLE");
        assertThat(drumbeat.jdbi().onDemand(PeopleDao.class).find("T0ROLE", "U0P00002"))
                .get()
                .satisfies(p -> assertThat(p.role()).isEqualTo(Role.LEADERSHIP))
                .satisfies(p -> assertThat(p.name()).isEqualTo("person2"));
    }

    @Test
    void the_bots_own_workspace_is_found_through_auth_test() {
        assertThat(sync(TestDrumbeat.BOT_TOKEN).syncOwnWorkspace()).contains(450);
        assertThat(drumbeat.jdbi().onDemand(PeopleDao.class).all(SlackStandIn.TEAM_ID))
                .hasSize(450);
    }
}
