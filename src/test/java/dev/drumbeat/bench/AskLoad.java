package dev.drumbeat.bench;

import dev.drumbeat.Drumbeat;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.SlackStandIn;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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
 * {@code -Dexec.args}: {@code --rate --seconds --warmup} (defaults 5, 60, 10), {@code --services N} (10000), and
 * {@code --index} to measure again with a covering index on the latest readings. Not a test: about five minutes.
 */
public final class AskLoad {
    static final String QUESTION = "ask what can we deprioritise to save 2% of monthly cost";
    static final String ANSWER = "What to deprioritise to save 2% of monthly cost";
    static final BigDecimal PERCENT = new BigDecimal("2");
    static final double P50_LIMIT_MS = 150;
    static final double P99_LIMIT_MS = 300;
    static final List<String> DEFAULTS = List.of("--rate", "5", "--seconds", "60", "--warmup", "10");
    static final String INDEX = "create index kpi_readings_newest on kpi_readings"
            + " (kpi_id, period_start desc, recorded_at desc, id desc) include (value)";
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
        boolean index = rest.remove("--index");
        if (rest.contains("--url")) {
            throw new IllegalArgumentException("the ask benchmark generates its own workspace, so it cannot use --url");
        }
        LoadOptions options = LoadOptions.parse(Stream.concat(DEFAULTS.stream(), rest.stream()).toArray(String[]::new));
        String command = "mvn -B -Pbench test-compile exec:java -Dbench.main=dev.drumbeat.bench.AskLoad"
                + (args.length == 0 ? "" : " -Dexec.args=\"" + String.join(" ", args) + "\"");
        new LoadReport(System.out, false).header(Machine.describe(), options, command, Instant.now());
        new AskLoad(options).run(services, index);
    }

    private void run(int services, boolean index) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("drumbeat-askload-");
        try (Database database = Database.open(Optional.empty(), dataDir)) {
            long started = System.nanoTime();
            AskPortfolio.generate(database.jdbi(), services);
            out.printf(Locale.ROOT, "%nGenerated in %.1f s (then vacuum analyze). Rows: %s%n", (System.nanoTime() - started) / 1e9,
                    AskPortfolio.rowCounts(database.jdbi()));
            SqlTimings sql = SqlTimings.installOn(database.jdbi());
            try (SlackStandIn slack = SlackStandIn.start(TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes());
                 Drumbeat drumbeat = Drumbeat.start(TestDrumbeat.config(slack.apiUrl()), database, Clock.systemUTC(),
                         routes -> { }, false);
                 FloorServer floor = FloorServer.start()) {
                URI events = URI.create("http://127.0.0.1:" + drumbeat.port() + "/slack/events");
                AskRuns runs = new AskRuns(options, events, floor.url(), postmaster(dataDir), sql, out);
                runs.all();
                afterwards(database.jdbi(), index, runs);
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    /** The parts one at a time, the plan, greedy, and optionally all of it again with a covering index. */
    private void afterwards(Jdbi jdbi, boolean index, AskRuns again) throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        AskStages stages = new AskStages(jdbi, AskPortfolio.TEAM, today, out);
        stages.report(PERCENT);
        stages.explain();
        new AskGreedy(jdbi.withHandle(h -> AskCandidates.read(h, AskPortfolio.TEAM, today)),
                jdbi.withHandle(h -> AskCandidates.monthlyCost(h, AskPortfolio.TEAM)), out).report();
        if (index) {
            out.println("\n--index: " + INDEX + "; analyze kpi_readings; then the parts and the ask load again\n");
            jdbi.useHandle(h -> h.execute(INDEX));
            jdbi.useHandle(h -> h.execute("analyze kpi_readings"));
            stages.report(PERCENT);
            stages.explain();
            again.askOnly();
        }
    }

    /** The embedded PostgreSQL's postmaster, so the run can say how much CPU the database took. */
    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
