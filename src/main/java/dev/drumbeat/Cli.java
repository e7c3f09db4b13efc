package dev.drumbeat;

import dev.drumbeat.catalog.csv.CatalogCsvCli;
import dev.drumbeat.config.Config;
import dev.drumbeat.config.ConfigException;
import dev.drumbeat.config.ConfigLoader;
import dev.drumbeat.costs.CostsCli;
import dev.drumbeat.db.Database;
import dev.drumbeat.db.DatabaseProbe;
import dev.drumbeat.db.DatabaseUnreachable;
import dev.drumbeat.db.DatabaseUrl;
import dev.drumbeat.slack.SlackUnreachable;
import java.io.PrintStream;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Drumbeat's command line: {@code serve}, {@code demo}, {@code import}, {@code export}. Returns an exit code: 2 for
 * a setting or argument to fix, 1 for something out of reach (Slack, the database); either with one line on stderr.
 */
public final class Cli {
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public Cli(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            return switch (command) {
                case "serve" -> serve();
                case "demo" -> demo();
                case "import", "export" ->
                    new CatalogCsvCli(out, err, Clock.systemUTC()).run(command, rest, this::openDatabase);
                case "costs" -> new CostsCli(out, err, Clock.systemUTC()).run(rest, currency(), this::openDatabase);
                default -> usage(command);
            };
        } catch (ConfigException e) {
            err.println("drumbeat: " + e.getMessage());
            return 2;
        } catch (SlackUnreachable | DatabaseUnreachable | EmbeddedDatabaseInUse e) {
            err.println("drumbeat: " + e.getMessage());
            return 1;
        }
    }

    private int serve() {
        Config config = new ConfigLoader(env).load();
        Database database = open(
                config.databaseUrl(),
                config.dataDir(),
                config.databaseWait(),
                config.capacity().databaseConnections());
        Drumbeat drumbeat;
        try {
            drumbeat = Drumbeat.start(config, database, Clock.systemUTC(), routes -> {});
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        out.println("Drumbeat is listening on port " + drumbeat.port() + " (Slack events at /slack/events)");
        awaitShutdown(new Stopping().then("Drumbeat", drumbeat).then("the database", database));
        return 0;
    }

    /** The workspace's currency as `serve` reads it, for imports of bills. */
    private Currency currency() {
        String code = Optional.ofNullable(env.get("DRUMBEAT_CURRENCY"))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .orElse("USD");
        try {
            return Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DRUMBEAT_CURRENCY is not an ISO 4217 code: " + code);
        }
    }

    /** Only the database settings: import and export need no Slack variables. */
    private Database openDatabase() {
        Optional<String> url =
                Optional.ofNullable(env.get("DATABASE_URL")).map(String::strip).filter(u -> !u.isEmpty());
        String dataDir = Optional.ofNullable(env.get("DRUMBEAT_DATA_DIR"))
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .orElse(".drumbeat/data");
        return open(url, Path.of(dataDir), Database.DEFAULT_WAIT, Database.DEFAULT_CONNECTIONS);
    }

    /** DATABASE_URL's database once it answers, else the embedded one in {@code dataDir} unless another holds it. */
    private static Database open(Optional<String> url, Path dataDir, Duration wait, int connections) {
        if (url.isPresent()) {
            DatabaseUrl parsed;
            try {
                parsed = DatabaseUrl.parse(url.get());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("DATABASE_URL is malformed: " + e.getMessage());
            }
            DatabaseProbe.check(parsed);
            return Database.connect(parsed, wait, connections);
        }
        try {
            return Database.open(Optional.empty(), dataDir, wait, connections);
        } catch (RuntimeException e) {
            if (heldByAnother(e)) {
                throw new EmbeddedDatabaseInUse(dataDir);
            }
            throw e;
        }
    }

    /** Whether embedded PostgreSQL refused the data folder because another process (or this one) holds its lock. */
    private static boolean heldByAnother(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OverlappingFileLockException
                    || (cause instanceof IllegalStateException
                            && String.valueOf(cause.getMessage()).startsWith("could not lock"))) {
                return true;
            }
        }
        return false;
    }

    private int demo() {
        int port = port(env.getOrDefault("PORT", "3000"));
        Path dataDir = Path.of(env.getOrDefault("DRUMBEAT_DATA_DIR", ".drumbeat/demo"));
        Demo demo;
        try {
            demo = Demo.start(dataDir, port, Clock.systemUTC());
        } catch (RuntimeException e) {
            if (heldByAnother(e)) {
                throw new EmbeddedDatabaseInUse(dataDir);
            }
            throw e;
        }
        out.println("Drumbeat demo: " + demo.startNote());
        out.println("Its data is in " + dataDir.toAbsolutePath()
                + ": starting again resumes from there; delete that folder to start over.");
        out.println("Open http://localhost:" + demo.port() + "/sandbox  (Ctrl+C stops it)");
        awaitShutdown(new Stopping().then("the demo", demo));
        return 0;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConfigException("PORT is malformed: '" + value + "' is not a port (0 to 65535)");
    }

    private int usage(String command) {
        PrintStream stream = command.equals("help") ? out : err;
        if (!command.equals("help")) {
            stream.println("drumbeat: unknown command '" + command + "'");
        }
        stream.println("usage: drumbeat serve | demo | import <catalog.csv> [--team T…] | export [file] [--team T…]"
                + " | costs import <focus files…> [--team T]");
        return command.equals("help") ? 0 : 2;
    }

    /** Blocks until the process is asked to stop (Ctrl+C, SIGTERM), then stops everything in order in one hook. */
    static void awaitShutdown(Stopping stopping) {
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.run();
            done.countDown();
        }));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The embedded database's data folder is held by another running Drumbeat. */
    private static final class EmbeddedDatabaseInUse extends RuntimeException {
        EmbeddedDatabaseInUse(Path dataDir) {
            super(
                    "the embedded database in " + dataDir + " is in use by another Drumbeat; stop that one first,"
                            + " or give both the same DATABASE_URL (a PostgreSQL server) so they can share it",
                    null,
                    false,
                    false);
        }
    }
}
