package dev.drumbeat.bench;

import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ask benchmark's loads against one running Drumbeat: the floor, {@code /drumbeat help} and the ask, each open loop
 * at the same rate on a fresh client; then the ask again one at a time; the table, the verdict against the issue's
 * targets and the SQL the measured asks ran. Not thread-safe: one load at a time.
 */
final class AskRuns {
    static final int SINGLE_ASKS = 200;
    private final LoadOptions options;
    private final CommandShots ask;
    private final CommandShots help;
    private final SignedPost floorPost;
    private final Optional<ProcessHandle> database;
    private final SqlTimings sql;
    private final PrintStream out;

    AskRuns(
            LoadOptions options,
            URI events,
            URI floor,
            Optional<ProcessHandle> database,
            SqlTimings sql,
            PrintStream out) {
        SignedPost post = new SignedPost(events, TestDrumbeat.SIGNING_SECRET);
        this.options = options;
        this.ask = new CommandShots(
                "/drumbeat ask (2% of monthly cost)",
                post, AskPortfolio.TEAM, AskPortfolio.ASKERS, AskLoad.QUESTION, AskLoad.ANSWER);
        this.help = new CommandShots(
                "/drumbeat help", post, AskPortfolio.TEAM, AskPortfolio.ASKERS, "help", "Drumbeat commands");
        this.floorPost = new SignedPost(floor, TestDrumbeat.SIGNING_SECRET);
        this.database = database;
        this.sql = sql;
        this.out = out;
    }

    void all() throws IOException, InterruptedException {
        preflight();
        LoadResult floor = load(ask.atFloor(floorPost));
        LoadResult helped = load(help);
        asks(List.of(floor, helped));
    }

    /** The ask at the fixed rate, then one at a time; the table, the verdict and the SQL of each. */
    void asks(List<LoadResult> baselines) throws IOException, InterruptedException {
        LoadResult asked = loadAsks();
        List<String> openLoopSql = sql.table(options.seconds() * options.rate());
        LoadResult single = oneAtATime();
        List<LoadResult> results = new ArrayList<>(baselines);
        results.addAll(List.of(asked, single));
        new LoadReport(out, false).table(results);
        verdict(asked);
        verdict(single);
        out.println("\nSQL Drumbeat ran during the measured asks, from execution to all rows fetched (JDBI SqlLogger),"
                + " at the fixed rate:\n");
        openLoopSql.forEach(out::println);
        out.println("\nand one at a time:\n");
        sql.table(SINGLE_ASKS).forEach(out::println);
    }

    /**
     * Asks {@link #SINGLE_ASKS} times, each sent when the last answer is in (closed loop): what one ask costs when it
     * has the machine to itself, to tell its own time from waiting behind another.
     */
    private LoadResult oneAtATime() throws IOException, InterruptedException {
        out.printf("Asking %d times, one at a time…%n", SINGLE_ASKS);
        HttpClient client = client();
        long[] nanos = new long[SINGLE_ASKS];
        Map<String, Integer> errors = new TreeMap<>();
        ConditionsProbe probe = ConditionsProbe.start(database);
        sql.start();
        long began = System.nanoTime();
        for (int i = 0; i < SINGLE_ASKS; i++) {
            Shot shot = ask.shot(i);
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(shot.request(), HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - started;
            Outcome.of(response, null, shot, nanos[i]).ifPresent(error -> errors.merge(error, 1, Integer::sum));
        }
        long window = System.nanoTime() - began;
        sql.stop();
        Arrays.sort(nanos);
        return new LoadResult(ask.name() + ", one at a time", errors, nanos, window, 0, probe.stop());
    }

    /** One ask before the clock starts: it must be the answer; the first also builds the parser's index of names. */
    private void preflight() throws IOException, InterruptedException {
        Shot shot = ask.shot(0);
        long started = System.nanoTime();
        HttpResponse<String> response = client().send(shot.request(), HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - started) / 1e6;
        if (response.statusCode() != 200 || !ask.isAnswer(response.body())) {
            throw new IllegalStateException("Drumbeat did not answer the question: HTTP " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        out.printf(
                Locale.ROOT,
                "%nPreflight: the first ask took %.0f ms; response %,d bytes; its text: %s%n%n",
                ms,
                response.body().length(),
                CommandShots.text(response.body()));
    }

    /** The ask load; the SQL timings start with the first counted request, so the warm-up's SQL is left out. */
    private LoadResult loadAsks() throws InterruptedException {
        int warmup = options.warmupRequests();
        return load(new LoadTarget() {
            @Override
            public String name() {
                return ask.name();
            }

            @Override
            public Shot shot(int index) {
                if (index == warmup) {
                    sql.start();
                }
                return ask.shot(index);
            }
        });
    }

    private LoadResult load(LoadTarget target) throws InterruptedException {
        out.printf(
                "Loading %s: %d requests over %d s…%n",
                target.name(), options.totalRequests(), options.warmup() + options.seconds());
        LoadResult result = new FixedRateLoad(client(), options, database).run(target);
        sql.stop();
        return result;
    }

    private void verdict(LoadResult asked) {
        double p50 = asked.percentileMillis(50);
        double p99 = asked.percentileMillis(99);
        out.printf("%n%s:%n", asked.target());
        out.printf(
                Locale.ROOT,
                "Target p50 <= %.0f ms: %s (%.1f ms)%n",
                AskLoad.P50_LIMIT_MS,
                p50 <= AskLoad.P50_LIMIT_MS ? "met" : "MISSED",
                p50);
        out.printf(
                Locale.ROOT,
                "Target p99 <= %.0f ms: %s (%.1f ms)%n",
                AskLoad.P99_LIMIT_MS,
                p99 <= AskLoad.P99_LIMIT_MS ? "met" : "MISSED",
                p99);
        out.println("Errors: " + (asked.errors() == 0 ? "none" : asked.errorsByKind()));
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(SignedPost.TIMEOUT)
                .build();
    }
}
