package dev.drumbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new Cli(
                        env,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void serve_without_slack_settings_stops_with_one_line_naming_the_variable() {
        assertThat(run(Map.of(), "serve")).isEqualTo(2);
        assertThat(errText()).isEqualTo("drumbeat: SLACK_BOT_TOKEN is not set" + System.lineSeparator());
    }

    @Test
    void a_malformed_setting_is_named_before_anything_starts() {
        int code = run(
                Map.of(
                        "SLACK_BOT_TOKEN",
                        "xoxb-1-2-abcdefghijklmnop",
                        "SLACK_SIGNING_SECRET",
                        "s3cret-signing",
                        "PORT",
                        "http"),
                "serve");
        assertThat(code).isEqualTo(2);
        assertThat(errText())
                .startsWith("drumbeat: PORT is malformed")
                .doesNotContain("s3cret-signing", "abcdefghijklmnop");
    }

    @Test
    void an_unknown_command_prints_usage_and_fails() {
        assertThat(run(Map.of(), "launch")).isEqualTo(2);
        assertThat(errText()).contains("unknown command 'launch'", "usage: drumbeat serve | demo | import");
    }

    @Test
    void help_prints_usage_and_succeeds() {
        assertThat(run(Map.of())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: drumbeat serve | demo");
    }
}
