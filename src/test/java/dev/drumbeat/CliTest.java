package dev.drumbeat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.support.TestDatabase;
import dev.drumbeat.support.TestDrumbeat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listenToTheLog() {
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(logged);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** What was logged at WARN or above, one line each, with whether it carried a stack trace. */
    private List<String> alarms() {
        return logged.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : " [with a stack trace]"))
                .toList();
    }

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
    void serve_with_slack_unreachable_says_so_in_one_line_and_how_to_check() {
        Map<String, String> env = serveEnv();
        env.put("DRUMBEAT_SLACK_API_URL", "http://127.0.0.1:" + closedPort() + "/api/");

        int code;
        try (Database database = TestDatabase.fresh()) {
            env.put("DATABASE_URL", databaseUrlOf(database));
            code = run(env, "serve");
        }

        assertThat(code).isEqualTo(1);
        assertThat(errText())
                .startsWith("drumbeat: cannot reach Slack at http://127.0.0.1:")
                .contains("check that this machine can reach it", "DRUMBEAT_SLACK_API_URL")
                .doesNotContain("token is invalid", "Exception", "\tat ")
                .hasLineCount(1);
        assertThat(alarms()).isEmpty();
    }

    @Test
    void serve_with_a_token_slack_refuses_names_the_variable() {
        try (SlackStandIn slack = SlackStandIn.start("xoxb-another-workspace-token", SlackStandIn.manifestScopes());
                Database database = TestDatabase.fresh()) {
            Map<String, String> env = serveEnv();
            env.put("DATABASE_URL", databaseUrlOf(database));
            env.put("DRUMBEAT_SLACK_API_URL", slack.apiUrl());

            int code = run(env, "serve");

            assertThat(code).isEqualTo(2);
            assertThat(errText())
                    .startsWith("drumbeat: SLACK_BOT_TOKEN was refused by Slack (invalid_auth)")
                    .doesNotContain(TestDrumbeat.BOT_TOKEN, "Exception", "\tat ")
                    .hasLineCount(1);
            assertThat(alarms()).isEmpty();
        }
    }

    @Test
    void serve_with_the_database_unreachable_names_database_url_and_the_host_in_one_line() {
        Map<String, String> env = serveEnv();
        int port = closedPort();
        env.put("DATABASE_URL", "postgres://drumbeat:hunter2-secret@127.0.0.1:" + port + "/drumbeat");

        int code = run(env, "serve");

        assertThat(code).isEqualTo(1);
        assertThat(errText())
                .startsWith("drumbeat: cannot reach the database at 127.0.0.1:" + port + " given by DATABASE_URL")
                .doesNotContain("hunter2-secret", "Exception", "\tat ")
                .hasLineCount(1);
        assertThat(alarms()).isEmpty();
    }

    @Test
    void import_beside_a_running_embedded_database_says_it_is_in_use(@TempDir Path dataDir) {
        try (Database running = Database.open(Optional.empty(), dataDir)) {
            int code = run(Map.of("DRUMBEAT_DATA_DIR", dataDir.toString()), "export");

            assertThat(running.isReachable()).isTrue();
            assertThat(code).isEqualTo(1);
            assertThat(errText())
                    .startsWith("drumbeat: the embedded database in " + dataDir + " is in use by another Drumbeat")
                    .doesNotContain("Exception", "\tat ")
                    .hasLineCount(1);
        }
    }

    @Test
    void demo_with_a_port_that_is_not_a_number_names_the_variable() {
        assertThat(run(Map.of("PORT", "http"), "demo")).isEqualTo(2);
        assertThat(errText())
                .isEqualTo("drumbeat: PORT is malformed: 'http' is not a port (0 to 65535)" + System.lineSeparator());
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

    private static Map<String, String> serveEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", TestDrumbeat.BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", TestDrumbeat.SIGNING_SECRET);
        env.put("PORT", "0");
        return env;
    }

    private static String databaseUrlOf(Database database) {
        return ((HikariDataSource) database.dataSource()).getJdbcUrl();
    }

    /** A port nothing listens on: one the system just handed out and took back. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
