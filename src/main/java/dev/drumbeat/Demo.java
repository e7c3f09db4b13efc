package dev.drumbeat;

import dev.drumbeat.config.Config;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.DemoClock;
import dev.drumbeat.sandbox.DemoPortfolio;
import dev.drumbeat.sandbox.DemoWorkspace;
import dev.drumbeat.sandbox.SandboxClock;
import dev.drumbeat.sandbox.SandboxRoutes;
import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * `drumbeat demo`: everything on one machine with no Slack workspace and no database server.
 * Embedded PostgreSQL keeps its data in {@code dataDir}, so a second start finds the first's changes;
 * the demo portfolio is loaded only into an empty database.
 */
public final class Demo implements AutoCloseable {

    private final Database database;
    private final SlackStandIn slack;
    private final Drumbeat drumbeat;
    private final DemoPortfolio.Summary summary;

    private Demo(Database database, SlackStandIn slack, Drumbeat drumbeat, DemoPortfolio.Summary summary) {
        this.database = database;
        this.slack = slack;
        this.drumbeat = drumbeat;
        this.summary = summary;
    }

    /** Starts the demo on {@code port}, or on a free one for 0 (its links must name the port before it starts). */
    public static Demo start(Path dataDir, int port, Clock realClock) {
        int chosenPort = port == 0 ? freePort() : port;
        DemoClock clock = new DemoClock(realClock);
        Database database = Database.open(Optional.empty(), dataDir);
        SlackStandIn slack = null;
        try {
            slack = SlackStandIn.start(0, DemoWorkspace.BOT_TOKEN, SlackStandIn.manifestScopes(), clock);
            return start(dataDir, chosenPort, clock, database, slack);
        } catch (RuntimeException e) {
            new Stopping()
                    .then("the Slack stand-in", slack == null ? () -> {} : slack)
                    .then("the database", database)
                    .run();
            throw e;
        }
    }

    private static Demo start(Path dataDir, int chosenPort, DemoClock clock, Database database, SlackStandIn slack) {
        DemoPortfolio portfolio = new DemoPortfolio(clock);
        DemoPortfolio.Summary summary = portfolio.load(database.jdbi());
        portfolio
                .people()
                .forEach(p -> slack.addUser(
                        p.userId(),
                        p.handle(),
                        p.realName(),
                        p.tz(),
                        ZoneId.of(p.tz()).getRules().getOffset(clock.instant()).getTotalSeconds(),
                        portfolio.deactivatedUserIds().contains(p.userId())));
        AtomicReference<SlackDriver> driver = new AtomicReference<>();
        AtomicReference<Drumbeat> running = new AtomicReference<>();
        SandboxRoutes sandbox = new SandboxRoutes(
                driver::get, slack, portfolio.people(), DemoPortfolio.TEAM_ID, new SandboxClock(clock, running::get));
        Drumbeat drumbeat = Drumbeat.start(
                config(dataDir, chosenPort, slack, portfolio), database, clock, sandbox, true, Drumbeat.THIS_MACHINE);
        running.set(drumbeat);
        driver.set(new SlackDriver(
                URI.create("http://127.0.0.1:" + drumbeat.port() + "/slack/events"),
                DemoWorkspace.SIGNING_SECRET,
                clock));
        return new Demo(database, slack, drumbeat, summary);
    }

    private static Config config(Path dataDir, int port, SlackStandIn slack, DemoPortfolio portfolio) {
        Set<String> admins = portfolio.people().stream()
                .filter(p -> p.role().equals("admin"))
                .map(DemoPortfolio.DemoPerson::userId)
                .collect(Collectors.toSet());
        return new Config(
                DemoWorkspace.BOT_TOKEN,
                DemoWorkspace.SIGNING_SECRET,
                Optional.empty(),
                dataDir,
                port,
                slack.apiUrl(),
                Optional.of(DemoWorkspace.LEADERSHIP_CHANNEL),
                admins,
                Currency.getInstance("USD"),
                DayOfWeek.MONDAY,
                9,
                Duration.ofHours(24),
                Optional.of("http://localhost:" + port + "/"),
                Config.DATABASE_WAIT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port for the demo", e);
        }
    }

    public int port() {
        return drumbeat.port();
    }

    public DemoPortfolio.Summary summary() {
        return summary;
    }

    public SlackStandIn slack() {
        return slack;
    }

    /** Stops Drumbeat (see {@link Drumbeat#close}), then the Slack stand-in, then the embedded database. */
    @Override
    public void close() {
        new Stopping()
                .then("Drumbeat", drumbeat)
                .then("the Slack stand-in", slack)
                .then("the database", database)
                .run();
    }
}
