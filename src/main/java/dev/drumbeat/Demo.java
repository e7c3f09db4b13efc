package dev.drumbeat;

import dev.drumbeat.config.Capacity;
import dev.drumbeat.config.Config;
import dev.drumbeat.config.ConfigLoader;
import dev.drumbeat.config.CostsIntake;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.DemoBills;
import dev.drumbeat.sandbox.DemoClock;
import dev.drumbeat.sandbox.DemoColleagues;
import dev.drumbeat.sandbox.DemoPortfolio;
import dev.drumbeat.sandbox.DemoWorkspace;
import dev.drumbeat.sandbox.SandboxClock;
import dev.drumbeat.sandbox.SandboxHistory;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `drumbeat demo`: everything on one machine with no Slack workspace and no database server.
 * Embedded PostgreSQL keeps its data in {@code dataDir}; the demo portfolio is loaded only into an empty database,
 * and a second start resumes where the first stopped: the demo's clock where it stood, the sandbox's conversations
 * as they were (saved as the demo runs and when it stops).
 */
public final class Demo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Demo.class);
    private static final Currency CURRENCY = Currency.getInstance("USD");
    private static final Duration SAVE_EVERY = Duration.ofSeconds(15);
    private static final Duration LAST_SAVE = Duration.ofSeconds(2);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private final Database database;
    private final SlackStandIn slack;
    private final Drumbeat drumbeat;
    private final DemoPortfolio.Summary summary;
    private final SandboxHistory history;
    private final ScheduledExecutorService saver;
    private final String startNote;

    private Demo(
            Database database,
            SlackStandIn slack,
            Drumbeat drumbeat,
            DemoPortfolio.Summary summary,
            SandboxHistory history,
            String startNote) {
        this.database = database;
        this.slack = slack;
        this.drumbeat = drumbeat;
        this.summary = summary;
        this.history = history;
        this.startNote = startNote;
        this.saver = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "demo-history");
            thread.setDaemon(true);
            return thread;
        });
        saver.scheduleWithFixedDelay(this::save, SAVE_EVERY.toSeconds(), SAVE_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Starts the demo on {@code port}, or on a free one for 0 (its links must name the port before it starts). */
    public static Demo start(Path dataDir, int port, Clock realClock) {
        int chosenPort = port == 0 ? freePort() : port;
        DemoBills.prepare(dataDir.resolve("bills"));
        Database database = Database.open(Optional.empty(), dataDir);
        SlackStandIn slack = null;
        try {
            SandboxHistory history = SandboxHistory.read(database.jdbi(), DemoPortfolio.TEAM_ID);
            DemoClock clock = history.clockStoodAt()
                    .map(at -> DemoClock.resumedAt(realClock, at))
                    .orElseGet(() -> new DemoClock(realClock));
            DemoPortfolio portfolio = new DemoPortfolio(clock);
            boolean loadedBefore = portfolio.isLoaded(database.jdbi());
            DemoPortfolio.Summary summary = portfolio.load(database.jdbi());
            new DemoBills(clock).load(database.jdbi(), dataDir.resolve("bills"), CURRENCY);
            DemoColleagues colleagues = new DemoColleagues(database.jdbi(), clock);
            colleagues.catchUp();
            slack = standIn(portfolio, clock);
            int restored = history.resume(slack, clock);
            Drumbeat drumbeat =
                    startDrumbeat(dataDir, chosenPort, database, slack, portfolio, clock, colleagues, history);
            String note = note(summary, loadedBefore, history.clockStoodAt().isPresent(), clock.instant(), restored);
            return new Demo(database, slack, drumbeat, summary, history, note);
        } catch (RuntimeException e) {
            new Stopping()
                    .then("the Slack stand-in", slack == null ? () -> {} : slack)
                    .then("the database", database)
                    .run();
            throw e;
        }
    }

    private static Drumbeat startDrumbeat(
            Path dataDir,
            int chosenPort,
            Database database,
            SlackStandIn slack,
            DemoPortfolio portfolio,
            DemoClock clock,
            DemoColleagues colleagues,
            SandboxHistory history) {
        AtomicReference<SlackDriver> driver = new AtomicReference<>();
        AtomicReference<Drumbeat> running = new AtomicReference<>();
        SandboxRoutes sandbox = new SandboxRoutes(
                driver::get,
                slack,
                portfolio.people(),
                DemoPortfolio.TEAM_ID,
                new SandboxClock(clock, running::get, colleagues, history),
                history);
        Drumbeat drumbeat = Drumbeat.start(
                config(dataDir, chosenPort, slack, portfolio), database, clock, sandbox, true, Drumbeat.THIS_MACHINE);
        running.set(drumbeat);
        driver.set(new SlackDriver(
                URI.create("http://127.0.0.1:" + drumbeat.port() + "/slack/events"),
                DemoWorkspace.SIGNING_SECRET,
                clock));
        return drumbeat;
    }

    private static SlackStandIn standIn(DemoPortfolio portfolio, Clock clock) {
        SlackStandIn slack = SlackStandIn.start(0, DemoWorkspace.BOT_TOKEN, SlackStandIn.manifestScopes(), clock);
        portfolio
                .people()
                .forEach(p -> slack.addUser(
                        p.userId(),
                        p.handle(),
                        p.realName(),
                        p.tz(),
                        ZoneId.of(p.tz()).getRules().getOffset(clock.instant()).getTotalSeconds(),
                        portfolio.deactivatedUserIds().contains(p.userId())));
        return slack;
    }

    /** Says whether this is a new demo or the one stored before, resumed, and where its clock stands. */
    private static String note(
            DemoPortfolio.Summary summary, boolean loadedBefore, boolean saved, Instant now, int messages) {
        String portfolio = summary.services() + " services, " + summary.people() + " people, " + summary.readings()
                + " KPI readings";
        if (!loadedBefore) {
            return "Started a new demo of Northwind Bank (" + portfolio + "), its clock at " + MOMENT.format(now) + ".";
        }
        if (!saved) {
            return "Resumed the demo stored before (" + portfolio + "), its clock at " + MOMENT.format(now)
                    + "; its sandbox conversations were not kept.";
        }
        return "Resumed the demo where its clock stood, " + MOMENT.format(now) + ", with the sandbox's " + messages
                + " messages (" + portfolio + ").";
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
                CURRENCY,
                DayOfWeek.MONDAY,
                9,
                Duration.ofHours(24),
                Optional.of("http://localhost:" + port + "/"),
                Config.DATABASE_WAIT,
                Capacity.defaults(),
                CostsIntake.defaults(),
                // A Prometheus of one's own, if DRUMBEAT_PROMETHEUS_URL names one; otherwise measured KPIs say none is
                // set
                new ConfigLoader(System.getenv()).monitoring());
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

    /** What the command line says when the demo has started: a new demo, or the one before resumed. */
    public String startNote() {
        return startNote;
    }

    /** The demo's database, for tests that read what the demo stored. */
    Jdbi jdbi() {
        return database.jdbi();
    }

    public SlackStandIn slack() {
        return slack;
    }

    /** Saves where the clock stands and the sandbox's conversations, for the next start to resume. */
    private void save() {
        try {
            history.save();
        } catch (RuntimeException e) {
            log.warn("could not save the sandbox's conversations ({}); the next save tries again", e.getMessage());
        }
    }

    /**
     * Saves one last time, while the database still answers (bounded by {@link #LAST_SAVE}, so a stop never hangs on
     * it), then stops Drumbeat (see {@link Drumbeat#close}), the Slack stand-in and the embedded database, in that order.
     */
    @Override
    public void close() {
        try {
            saver.submit(this::save).get(LAST_SAVE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("the sandbox's last conversations could not be saved; a restart resumes from the save before");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            saver.shutdownNow();
        }
        new Stopping()
                .then("Drumbeat", drumbeat)
                .then("the Slack stand-in", slack)
                .then("the database", database)
                .run();
    }
}
