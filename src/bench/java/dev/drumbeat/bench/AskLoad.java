package dev.drumbeat.bench;

import dev.drumbeat.Drumbeat;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * The ask benchmark, end to end: {@code /drumbeat ask what can we deprioritise to save 2% of monthly cost}, signed as
 * Slack signs it, over HTTP to a whole Drumbeat (embedded PostgreSQL, the Slack stand-in) holding one generated
 * workspace of 10,000 services with 52 weeks of KPI readings ({@link AskPortfolio}). Latency runs to the complete
 * HTTP response, which carries the answer. In the same run: the floor (the same bodies to a bare Javalin endpoint) and
 * {@code /drumbeat help} (Drumbeat's command path without the ask's work); the SQL each ask ran; the ask's parts
 * timed one at a time; and the greedy heuristic beside the optimiser on the same candidates. Run:
 * {@code mvn -B -Pbench test-compile exec:java -Dbench.main=dev.drumbeat.bench.AskLoad}; options in
 * {@code -Dexec.args}: {@code --rate --seconds --warmup} (defaults 5, 60, 10) and {@code --services N} (10000).
 * The candidates query as it was before each KPI kept its latest reading is timed beside it ({@link AskBefore}).
 * Not a test: about five minutes.
 */
public final class AskLoad {
    static final String QUESTION = "ask what can we deprioritise to save 2% of monthly cost";
    static final String ANSWER = "What to deprioritise to save 2% of monthly cost";
    static final BigDecimal PERCENT = new BigDecimal("2");
    static final double P50_LIMIT_MS = 150;
    static final double P99_LIMIT_MS = 300;
    static final List<String> DEFAULTS = List.of("--rate", "5", "--seconds", "60", "--warmup", "10");
    private final LoadOptions options;
    private final PrintStream out = System.out;

    private AskLoad(LoadOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
        List<String> rest = new ArrayList<>(List.of(args));
        int at = rest.indexOf("--services");
        int services = at < 0 ? 10_000 : Integer.parseInt(rest.remove(at + 1));
        rest.remove("--services");
        if (rest.contains("--url")) {
            throw new IllegalArgumentException("the ask benchmark generates its own workspace, so it cannot use --url");
        }
        LoadOptions options = LoadOptions.parse(
                Stream.concat(DEFAULTS.stream(), rest.stream()).toArray(String[]::new));
        String command = "mvn -B -Pbench test-compile exec:java -Dbench.main=dev.drumbeat.bench.AskLoad"
                + (args.length == 0 ? "" : " -Dexec.args=\"" + String.join(" ", args) + "\"");
        new LoadReport(System.out, false).header(Machine.describe(), options, command, Instant.now());
        new AskLoad(options).run(services);
    }

    private void run(int services) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("drumbeat-askload-");
        try (Database database = Database.open(Optional.empty(), dataDir)) {
            long started = System.nanoTime();
            AskPortfolio.generate(database.jdbi(), services);
            out.printf(
                    Locale.ROOT,
                    "%nGenerated in %.1f s (then vacuum analyze). Rows: %s%n",
                    (System.nanoTime() - started) / 1e9,
                    AskPortfolio.rowCounts(database.jdbi()));
            SqlTimings sql = SqlTimings.installOn(database.jdbi(), SqlTimings.askKinds());
            try (SlackStandIn slack = SlackStandIn.start(TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes());
                    Drumbeat drumbeat = Drumbeat.start(
                            TestDrumbeat.config(slack.apiUrl()), database, Clock.systemUTC(), routes -> {}, false);
                    FloorServer floor = FloorServer.start()) {
                URI events = URI.create("http://127.0.0.1:" + drumbeat.port() + "/slack/events");
                AskRuns runs = new AskRuns(options, events, floor.url(), DatabaseFolder.postmaster(dataDir), sql, out);
                runs.all();
                afterwards(database.jdbi());
            }
        } finally {
            DatabaseFolder.delete(dataDir);
        }
    }

    /** The parts one at a time, the plan, greedy, and the candidates query as it was before V10. */
    private void afterwards(Jdbi jdbi) {
        AskStages stages = new AskStages(jdbi, AskPortfolio.TEAM, out);
        stages.report(PERCENT);
        stages.explain();
        new AskGreedy(
                        jdbi.withHandle(h -> AskCandidates.read(h, AskPortfolio.TEAM)),
                        jdbi.withHandle(h -> AskCandidates.monthlyCost(h, AskPortfolio.TEAM)),
                        out)
                .report();
        new AskBefore(jdbi, out).report(AskPortfolio.TEAM);
    }
}
