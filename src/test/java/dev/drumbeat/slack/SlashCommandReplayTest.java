package dev.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A captured slash command sent again, signature and all, is dropped: Slack never sends one twice. */
class SlashCommandReplayTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    private static String okrAdd(String triggerId) {
        return SlackDriver.formBody(Map.of(
                "team_id", TestDrumbeat.TEAM,
                "user_id", TestDrumbeat.ADMIN,
                "user_name", "ada",
                "command", "/drumbeat",
                "text", "okr add Make payments boringly reliable",
                "channel_id", "C1",
                "trigger_id", triggerId));
    }

    private static HttpResponse<String> send(String body, String timestamp) {
        String signature =
                RequestVerifier.sign(TestDrumbeat.SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), timestamp, body);
        return drumbeat.driver().sendSigned(body, "application/x-www-form-urlencoded", timestamp, signature);
    }

    @Test
    void the_same_signed_command_sent_three_times_creates_one_objective_and_the_replays_get_an_empty_ack() {
        String body = okrAdd("1.2.3");
        String timestamp = Long.toString(drumbeat.clock().instant().getEpochSecond());

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            responses.add(send(body, timestamp));
        }

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(SlackReply.of(responses.get(0)).text()).contains("Make payments boringly reliable");
        assertThat(responses.subList(1, 3)).extracting(HttpResponse::body).containsOnly("");
        assertThat(drumbeat.count("objectives")).isEqualTo(1);
    }

    @Test
    void two_commands_alike_but_for_slacks_trigger_id_both_run() {
        String timestamp = Long.toString(drumbeat.clock().instant().getEpochSecond());

        send(okrAdd("1.2.3"), timestamp);
        send(okrAdd("4.5.6"), timestamp);

        assertThat(drumbeat.count("objectives")).isEqualTo(2);
    }
}
