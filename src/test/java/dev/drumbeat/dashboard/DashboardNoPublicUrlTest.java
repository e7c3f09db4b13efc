package dev.drumbeat.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without DRUMBEAT_PUBLIC_URL there is nowhere to link to, and `/drumbeat dashboard` says who must fix that. */
class DashboardNoPublicUrlTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @Test
    void without_a_public_url_the_command_says_an_admin_must_set_it_and_gives_no_link() {
        SlackReply reply = drumbeat.command(drumbeat.admin(), "C1", "dashboard");

        assertThat(reply.responseType()).isEqualTo("ephemeral");
        assertThat(reply.text())
                .contains("DRUMBEAT_PUBLIC_URL")
                .contains("admin")
                .doesNotContain("Open the dashboard");
        assertThat(reply.json().findValues("url")).isEmpty();
        assertThat(drumbeat.count("dashboard_links")).isZero();
    }
}
