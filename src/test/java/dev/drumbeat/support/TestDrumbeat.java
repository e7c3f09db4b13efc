package dev.drumbeat.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.Drumbeat;
import dev.drumbeat.config.Config;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.SlackUser;
import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * A whole Drumbeat for an end-to-end test: its own database, the Slack stand-in, the real HTTP
 * server on a free port, and a driver that sends signed requests to it as Slack would.
 */
public final class TestDrumbeat implements AutoCloseable {
    public static final String TEAM = "T0DRUMBEAT";
    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String BOT_TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    public static final String ADMIN = "U0ADMIN01";

    public final Database database;
    public final SlackStandIn slack;
    public final MutableClock clock;
    public final Drumbeat app;
    public final SlackDriver driver;

    private TestDrumbeat(Database database, SlackStandIn slack, MutableClock clock, Drumbeat app) {
        this.database = database;
        this.slack = slack;
        this.clock = clock;
        this.app = app;
        this.driver = new SlackDriver(URI.create("http://127.0.0.1:" + app.port() + "/slack/events"), SIGNING_SECRET, clock);
    }

    public static TestDrumbeat start() {
        return start(config -> config);
    }

    /** As {@link #start()}, with the test config changed first, such as {@code c -> c.withPublicUrl(…)}. */
    public static TestDrumbeat start(UnaryOperator<Config> change) {
        MutableClock clock = MutableClock.atSystemTime();
        Database database = TestDatabase.fresh();
        SlackStandIn slack = SlackStandIn.start(0, BOT_TOKEN, SlackStandIn.manifestScopes(), clock);
        Drumbeat app = Drumbeat.start(change.apply(config(slack.apiUrl())), database, clock, routes -> { }, false);
        return new TestDrumbeat(database, slack, clock, app);
    }

    public static Config config(String slackApiUrl) {
        return new Config(BOT_TOKEN, SIGNING_SECRET, Optional.empty(), Path.of("target/unused"), 0, slackApiUrl,
                Optional.of("C0LEADERS"), Set.of(ADMIN), Currency.getInstance("USD"), DayOfWeek.MONDAY, 9, Duration.ofHours(24),
                Optional.empty());
    }

    /** A person in the test workspace whose trigger ids the stand-in will accept. */
    public SlackUser user(String userId, String name) {
        return SlackUser.of(TEAM, userId, name).withTriggers(slack::registerTrigger);
    }

    public SlackUser admin() {
        return user(ADMIN, "ada");
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    /** Slack errors that mean Drumbeat broke Slack's contract, never a condition a test sets up on purpose. */
    private static final Set<String> CONTRACT_ERRORS = Set.of(
            "missing_scope", "unknown_method", "not_authed", "invalid_auth", "invalid_blocks", "invalid_arguments");

    /** Stops everything, and fails if any call Drumbeat made broke Slack's contract. */
    @Override
    public void close() {
        var broken = slack.calls().stream().filter(c -> !c.ok() && CONTRACT_ERRORS.contains(c.error())).toList();
        try {
            assertThat(broken).as("Slack calls that broke the contract").isEmpty();
        } finally {
            stopAll();
        }
    }

    private void stopAll() {
        app.close();
        slack.close();
        database.close();
    }
}
