package dev.drumbeat;

import dev.drumbeat.config.Config;
import dev.drumbeat.config.ConfigException;
import dev.drumbeat.config.ConfigLoader;
import dev.drumbeat.db.Database;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Drumbeat's command line: {@code serve}, {@code demo}, {@code import}, {@code export}. Returns an exit code. */
final class Cli {
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    Cli(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            return switch (command) {
                case "serve" -> serve();
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
        Drumbeat drumbeat = Drumbeat.start(config, database, Clock.systemUTC(), routes -> { });
        out.println("Drumbeat is listening on port " + drumbeat.port() + " (Slack events at /slack/events)");
        awaitShutdown(() -> {
            drumbeat.close();
            database.close();
        });
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
