package dev.drumbeat.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import org.junit.jupiter.api.Test;

/** Without DRUMBEAT_PUBLIC_URL there is nowhere to link to, and `/drumbeat dashboard` says who must fix that. */
class DashboardNoPublicUrlTest {

    @Test
    void without_a_public_url_the_command_says_an_admin_must_set_it_and_gives_no_link() {
        try (TestDrumbeat t = TestDrumbeat.start()) {
            SlackReply reply = SlackReply.of(t.driver.command(t.admin(), "C1", "dashboard"));

            assertThat(reply.responseType()).isEqualTo("ephemeral");
            assertThat(reply.text()).contains("DRUMBEAT_PUBLIC_URL").contains("admin").doesNotContain("Open the dashboard");
            assertThat(reply.json().findValues("url")).isEmpty();
            int links = t.jdbi().withHandle(h -> h.createQuery("select count(*) from dashboard_links").mapTo(Integer.class).one());
            assertThat(links).isZero();
        }
    }
}
