package dev.drumbeat.bench;

import dev.drumbeat.Drumbeat;
import dev.drumbeat.config.Capacity;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.sandbox.SlackUser;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /drumbeat ask} and clicks under load, end to end: a whole Drumbeat (embedded PostgreSQL, the Slack stand-in)
 * holding a generated workspace of 10,000 services ({@link AskPortfolio}). First asks one at a time (the baseline:
 * what an ask costs alone), then 32 people asking at once for 60 s (closed loop, a mix of questions from
 * {@link AskMix}), then bursts of 500 simultaneous Check in clicks ({@link ClickBurst}), and the same bursts against
 * Drumbeat started again with its HTTP server sized as it was before (the baseline for bursts). For each ask it times the
 * acknowledgement (the HTTP response) and the final answer (the acknowledgement itself when it carries the answer, else
 * the answer's arrival at the response_url). The targets: no acknowledgement over Slack's 3 s, the final answer's p99
 * within 1 s, no connection reset. Run: {@code mvn -B -Pbench test-compile exec:java
 * -Dbench.main=dev.drumbeat.bench.AskLoadBench}; options in {@code -Dexec.args}: {@code --services --clients --seconds
 * --warmup --single --clicks --bursts --before-bursts} and the capacities ({@link AskLoadOptions}). Not a test: about
 * four minutes.
 */
public final class AskLoadBench {
    static final double FINAL_P99_LIMIT_MS = 1000;
    private final AskLoadOptions options;
    private final PrintStream out = System.out;

    private AskLoadBench(AskLoadOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        AskLoadOptions options = AskLoadOptions.parse(args);
        System.out.println("Date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        System.out.println("Machine: " + Machine.describe());
        System.out.println("Command: mvn -B -Pbench test-compile exec:java -Dbench.main=dev.drumbeat.bench.AskLoadBench"
                + (args.length == 0 ? "" : " -Dexec.args=\"" + String.join(" ", args) + "\""));
        System.out.println("Options: " + options);
        new AskLoadBench(options).run();
    }

    private static Drumbeat start(Database database, SlackStandIn slack, Capacity capacity) {
        return Drumbeat.start(
                TestDrumbeat.config(slack.apiUrl()).withCapacity(capacity),
                database,
                Clock.systemUTC(),
                routes -> {},
                false);
    }

    private static URI events(Drumbeat drumbeat) {
        return URI.create("http://127.0.0.1:" + drumbeat.port() + "/slack/events");
    }

    private ClickBurst clicks(Database database, SlackStandIn slack, URI events) {
        return new ClickBurst(
                events,
                TestDrumbeat.SIGNING_SECRET,
                slack,
                AskPortfolio.TEAM,
                ClickBurst.owned(database.jdbi(), AskPortfolio.TEAM, options.clicks()),
                AskPortfolio.LAST_PERIOD.plusWeeks(1));
    }

    private void run() throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("drumbeat-askloadbench-");
        try (Database database = Database.open(Optional.empty(), dataDir)) {
            long started = System.nanoTime();
            AskPortfolio.generate(database.jdbi(), options.services());
            out.printf(
                    Locale.ROOT,
                    "%nGenerated in %.1f s. Rows: %s%n",
                    (System.nanoTime() - started) / 1e9,
                    AskPortfolio.rowCounts(database.jdbi()));
            AnswerArrivals arrivals = new AnswerArrivals();
            try (SlackStandIn slack = SlackStandIn.start(TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes())) {
                slack.onResponse(arrivals::arrived);
                AskLoadRuns.Results results;
                AskLoadRuns runs;
                try (Drumbeat drumbeat = start(database, slack, options.capacity())) {
                    URI events = events(drumbeat);
                    AskClients clients = new AskClients(
                            new SlackDriver(events, TestDrumbeat.SIGNING_SECRET, Clock.systemUTC()),
                            slack,
                            arrivals,
                            AskMix.of(database.jdbi(), AskPortfolio.TEAM),
                            AskPortfolio.ASKERS.stream()
                                    .map(id -> SlackUser.of(AskPortfolio.TEAM, id, id.toLowerCase(Locale.ROOT)))
                                    .toList());
                    runs = new AskLoadRuns(
                            options, clients, clicks(database, slack, events), DatabaseFolder.postmaster(dataDir), out);
                    results = runs.all();
                }
                List<ClickTally> before = List.of();
                if (options.beforeBursts() > 0) {
                    out.println(
                            "\nThe same bursts against Drumbeat started again with the HTTP server sized as before ("
                                    + AskLoadOptions.BEFORE + ")");
                    try (Drumbeat drumbeat = start(database, slack, AskLoadOptions.BEFORE)) {
                        before = runs.bursts(
                                clicks(database, slack, events(drumbeat)), options.beforeBursts(), ", sized as before");
                    }
                }
                runs.report(results, before);
            }
        } finally {
            DatabaseFolder.delete(dataDir);
        }
    }
}
