package dev.drumbeat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDatabase;
import dev.drumbeat.support.TestDrumbeat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Drumbeat's start and stop as `serve` makes them: what it learns from Slack first, and the order it stops in. */
class DrumbeatLifecycleTest {
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger stopping = (Logger) LoggerFactory.getLogger(Stopping.class);

    @TempDir
    Path dir;

    @BeforeEach
    void listenToTheLog() {
        logged.start();
        root().addAppender(logged);
        stopping.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(logged);
        stopping.setLevel(null);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void a_start_records_the_workspace_its_token_belongs_to_so_a_plain_import_finds_it() throws IOException {
        try (Database database = TestDatabase.fresh();
                SlackStandIn slack = SlackStandIn.start(TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes());
                Drumbeat drumbeat = Drumbeat.start(
                        TestDrumbeat.config(slack.apiUrl()), database, MutableClock.atSystemTime(), r -> {}, false)) {
            List<String> workspaces = database.jdbi()
                    .withHandle(h -> h.createQuery("select team_id || ' ' || name from workspaces")
                            .mapTo(String.class)
                            .list());
            assertThat(workspaces).containsExactly(SlackStandIn.TEAM_ID + " Drumbeat Sandbox");

            Path csv = Files.writeString(
                    dir.resolve("catalog.csv"),
                    "key,name,tier,unit_cost,monthly_demand,monthly_value\nmail,Mail,core,2.5,1200,4000\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new Cli(
                            Map.of("DATABASE_URL", ((HikariDataSource) database.dataSource()).getJdbcUrl()),
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(new String[] {"import", csv.toString()});

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("into " + SlackStandIn.TEAM_ID + ": 1 created");
        }
    }

    @Test
    void a_busy_drumbeat_on_its_embedded_database_stops_in_order_and_logs_nothing_alarming() {
        Database database = Database.open(Optional.empty(), dir.resolve("data"));
        SlackStandIn slack = SlackStandIn.start(TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes());
        try {
            new Seed(database.jdbi(), SlackStandIn.TEAM_ID)
                    .person("U0OWNER01", "owner", "member")
                    .service("mail", "Mail", "core", "U0OWNER01", "1", "1", "1");
            Drumbeat drumbeat = Drumbeat.start(
                    TestDrumbeat.config(slack.apiUrl()), database, MutableClock.atSystemTime(), r -> {}, true);
            Await.until(
                    "the scheduler's first runs",
                    Duration.ofSeconds(30),
                    () -> !slack.calls("users.list").isEmpty());
            logged.list.clear();

            new Stopping()
                    .then("Drumbeat", drumbeat)
                    .then("the database", database)
                    .run();

            assertThat(steps())
                    .containsSubsequence(
                            "Drumbeat",
                            "the HTTP server",
                            "the scheduler's triggers",
                            "the Slack outbox sender",
                            "the scheduler, once its running jobs finish",
                            "the database");
            assertThat(steps().get(steps().size() - 1)).isEqualTo("the database");
            assertThat(alarms()).isEmpty();
            assertThat(database.isReachable()).isFalse();
        } finally {
            slack.close();
            database.close();
        }
    }

    private List<String> steps() {
        return logged.list.stream()
                .filter(e -> e.getLoggerName().equals(Stopping.class.getName()) && e.getLevel() == Level.DEBUG)
                .map(e -> e.getFormattedMessage().substring("stopping ".length()))
                .toList();
    }

    private List<String> alarms() {
        return logged.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
                .toList();
    }
}
