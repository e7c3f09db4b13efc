package dev.drumbeat;

import dev.drumbeat.catalog.csv.CatalogCsvCli;
import dev.drumbeat.config.Config;
import dev.drumbeat.config.ConfigException;
import dev.drumbeat.config.ConfigLoader;
import dev.drumbeat.db.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Drumbeat's command line: {@code serve}, {@code demo}, {@code import}, {@code export}. Returns an exit code. */
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
                default -> usage(command);
            };
        } catch (ConfigException e) {
            err.println("drumbeat: " + e.getMessage());
            return 2;
        }
    }

    private int serve() {
        Config config = new ConfigLoader(env).load();
        Database database = Database.open(config.databaseUrl(), config.dataDir());
        Drumbeat drumbeat = Drumbeat.start(config, database, Clock.systemUTC(), routes -> {});
        out.println("Drumbeat is listening on port " + drumbeat.port() + " (Slack events at /slack/events)");
        awaitShutdown(() -> {
            drumbeat.close();
            database.close();
        });
        return 0;
    }

    /** Only the database settings: import and export need no Slack variables. */
    private Database openDatabase() {
        Optional<String> url =
                Optional.ofNullable(env.get("DATABASE_URL")).map(String::strip).filter(u -> !u.isEmpty());
        String dataDir = Optional.ofNullable(env.get("DRUMBEAT_DATA_DIR"))
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .orElse(".drumbeat/data");
        try {
            return Database.open(url, Path.of(dataDir));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DATABASE_URL is malformed: " + e.getMessage());
        }
    }

    private int demo() {
        int port = Integer.parseInt(env.getOrDefault("PORT", "3000"));
        Path dataDir = Path.of(env.getOrDefault("DRUMBEAT_DATA_DIR", ".drumbeat/demo"));
        Demo demo = Demo.start(dataDir, port, Clock.systemUTC());
        out.println("Drumbeat demo: " + demo.startNote());
        out.println("Its data is in " + dataDir.toAbsolutePath()
                + ": starting again resumes from there; delete that folder to start over.");
        out.println("Open http://localhost:" + demo.port() + "/sandbox  (Ctrl+C stops it)");
        awaitShutdown(demo::close);
        return 0;
    }

    private int usage(String command) {
        PrintStream stream = command.equals("help") ? out : err;
        if (!command.equals("help")) {
            stream.println("drumbeat: unknown command '" + command + "'");
        }
        stream.println("usage: drumbeat serve | demo | import <catalog.csv> [--team T…] | export [file] [--team T…]");
        return command.equals("help") ? 0 : 2;
    }

    static void awaitShutdown(Runnable stop) {
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            done.countDown();
        }));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
