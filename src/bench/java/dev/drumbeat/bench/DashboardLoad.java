package dev.drumbeat.bench;

import dev.drumbeat.Drumbeat;
import dev.drumbeat.chart.ChartLinks;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The web dashboard, its JSON API and the chart images on a large portfolio: {@link AskPortfolio}'s workspace of
 * 10,000 services with 52 weeks of KPI readings, plus 52 weeks of check-ins and open stale escalations
 * ({@link DashboardHistory}), served by a whole Drumbeat over real HTTP. A leadership person's session comes from
 * {@code /drumbeat dashboard} and its one-time link, the API token from {@code /drumbeat token create}. Each page is
 * requested one at a time after a warm-up ({@link PageRuns}), accepting gzip as a browser does; the portfolio page and
 * the API once more without, as {@code curl} asks. {@code /healthz} on the same server is the baseline, in the same
 * run. Prints p50, p99 and max, the sizes, the SQL each page ran, and the big pages' reads timed alone
 * ({@link DashboardStages}). Run: {@code mvn -B -Pbench test-compile exec:java -Dbench.main=dev.drumbeat.bench.DashboardLoad};
 * options in {@code -Dexec.args}: {@code --services N --warmup N --requests N --seconds N} (10000, 10, 100, 25: at most
 * that many seconds measured per page). Not a test: about three minutes. Deletes its database folder at the end.
 */
public final class DashboardLoad {
    static final String PUBLIC_URL = "http://drumbeat.bench.local/";
    private final PrintStream out = System.out;
    private final Options options;

    private DashboardLoad(Options options) {
        this.options = options;
    }

    /** The command line: {@code --services --warmup --requests --seconds}, each followed by a number. */
    record Options(int services, int warmup, int requests, int seconds) {
        private static final List<String> NAMES = List.of("--services", "--warmup", "--requests", "--seconds");

        static Options parse(String[] args) {
            int[] values = {10_000, 10, 100, 25};
            for (int i = 0; i < args.length; i += 2) {
                int at = NAMES.indexOf(args[i]);
                if (at < 0 || i + 1 >= args.length) {
                    throw new IllegalArgumentException("use " + String.join(" N ", NAMES) + " N, not " + args[i]);
                }
                values[at] = Integer.parseInt(args[i + 1]);
            }
            return new Options(values[0], values[1], values[2], values[3]);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.println("Date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        System.out.println("Machine: " + Machine.describe());
        System.out.println(
                "Command: mvn -B -Pbench test-compile exec:java -Dbench.main=dev.drumbeat.bench.DashboardLoad"
                        + (args.length == 0 ? "" : " -Dexec.args=\"" + String.join(" ", args) + "\""));
        System.out.printf(
                Locale.ROOT,
                "Load: one request at a time per page, %d warm-up (not counted), then %d or %d s,"
                        + " whichever ends first; latency from the send to the complete body%n",
                options.warmup(),
                options.requests(),
                options.seconds());
        new DashboardLoad(options).run();
    }

    private void run() throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("drumbeat-dashload-");
        try (Database database = Database.open(Optional.empty(), dataDir)) {
            generate(database.jdbi());
            SqlTimings sql = SqlTimings.installOn(database.jdbi(), DashboardStatements.kinds());
            try (SlackStandIn slack = SlackStandIn.start(TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes());
                    Drumbeat drumbeat = Drumbeat.start(
                            TestDrumbeat.config(slack.apiUrl()).withPublicUrl(PUBLIC_URL),
                            database,
                            Clock.systemUTC(),
                            routes -> {},
                            false)) {
                measure(
                        URI.create("http://127.0.0.1:" + drumbeat.port() + "/"),
                        database.jdbi(),
                        DatabaseFolder.postmaster(dataDir),
                        sql);
            }
        } finally {
            DatabaseFolder.delete(dataDir);
            out.println("\nDeleted " + dataDir + ": " + !Files.exists(dataDir));
        }
    }

    private void generate(Jdbi jdbi) {
        long started = System.nanoTime();
        AskPortfolio.generate(jdbi, options.services());
        DashboardHistory.generate(jdbi);
        out.printf(
                Locale.ROOT,
                "%nGenerated in %.1f s (then vacuum analyze). Rows: %s, checkins=%d, open stale escalations=%d%n",
                (System.nanoTime() - started) / 1e9,
                AskPortfolio.rowCounts(jdbi),
                DashboardHistory.count(jdbi, "select count(*) from checkins"),
                DashboardHistory.count(jdbi, "select count(*) from escalations where closed_at is null"));
        out.printf(
                Locale.ROOT,
                "The dashboard's workspace %s holds %d active services.%n",
                AskPortfolio.TEAM,
                DashboardHistory.count(
                        jdbi, "select count(*) from services where active and team_id = '" + AskPortfolio.TEAM + "'"));
    }

    private void measure(URI base, Jdbi jdbi, Optional<ProcessHandle> database, SqlTimings sql)
            throws IOException, InterruptedException {
        DashboardVisitor visitor = new DashboardVisitor(base);
        DashboardPages pages = new DashboardPages(
                base, visitor.session(AskPortfolio.ASKERS.get(0)), visitor.apiToken("bench"), options.services());
        List<String> keys = jdbi.withHandle(h -> h.createQuery("select key from services where team_id = ? order by id")
                .bind(0, AskPortfolio.TEAM)
                .mapTo(String.class)
                .list());
        List<Long> kpis = jdbi.withHandle(h -> h.createQuery("select id from kpis where team_id = ? order by id")
                .bind(0, AskPortfolio.TEAM)
                .mapTo(Long.class)
                .list());
        ChartLinks links = new ChartLinks(
                TestDrumbeat.SIGNING_SECRET, Optional.of(PUBLIC_URL), Clock.systemUTC(), Duration.ofHours(8));
        List<DashboardPages.Endpoint> endpoints = new ArrayList<>(List.of(pages.healthz()));
        List<DashboardPages.Endpoint> shown = pages.pages(every(keys, 200));
        endpoints.addAll(shown);
        endpoints.add(shown.get(0).uncompressed());
        endpoints.add(shown.get(4).uncompressed());
        endpoints.addAll(pages.charts(links, AskPortfolio.TEAM, every(kpis, 500)));
        PageRuns runs = new PageRuns(options.warmup(), options.requests(), options.seconds(), database, sql);
        List<PageRuns.PageResult> results = new ArrayList<>();
        for (DashboardPages.Endpoint endpoint : endpoints) {
            out.println("Requesting " + endpoint.name() + "…");
            results.add(runs.run(endpoint));
        }
        new DashboardReport(out).print(results);
        new DashboardStages(jdbi, AskPortfolio.TEAM, out).report();
    }

    /** Every {@code step}-th item, so requests spread over the portfolio. */
    private static <T> List<T> every(List<T> all, int step) {
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < all.size(); i += step) {
            picked.add(all.get(i));
        }
        return picked;
    }
}
