package dev.drumbeat.bench;

import dev.drumbeat.sandbox.DemoWorkspace;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;

/**
 * The speed benchmark for {@code /drumbeat status <service>}: fires signed slash commands at a fixed
 * rate at the demo (started here, or a running one with {@code --url}), after the same load against a
 * bare Javalin endpoint as the floor, and prints p50/p90/p99/max, errors and whether the targets
 * are met. Run it with {@code mvn -B -Pbench test-compile exec:java}; options go in {@code -Dexec.args}.
 * Not a test: it takes over half a minute per target and wants a quiet machine.
 */
public final class StatusLoad {
    private static final String COMMAND = "mvn -B -Pbench test-compile exec:java";
    private final LoadOptions options;
    private final PrintStream out;

    private StatusLoad(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        // Jetty closes a connection idle for 30 s; the JDK client would keep it for 1200 s and then POST on it.
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
        LoadOptions options = LoadOptions.parse(args);
        String command = COMMAND + (args.length == 0 ? "" : " -Dexec.args=\"" + String.join(" ", args) + "\"");
        LoadReport report = new LoadReport(System.out, options.url().isPresent());
        report.header(Machine.describe(), options, command, Instant.now());
        new StatusLoad(options, System.out).run(report);
    }

    private void run(LoadReport report) throws IOException, InterruptedException {
        try (FloorServer floor = FloorServer.start();
                DrumbeatUnderTest drumbeat = start()) {
            out.println("Drumbeat: " + drumbeat.describe() + "; floor: " + floor.url());
            SignedPost drumbeatPost = new SignedPost(drumbeat.eventsUrl(), secret());
            List<TypedService> typed =
                    Preflight.answered(client(), drumbeatPost, DemoServiceNames.typedVariants(), out);
            if (typed.isEmpty()) {
                throw new IllegalStateException("Drumbeat answered no status command correctly; is it the demo?");
            }
            StatusShots status = new StatusShots(drumbeatPost, typed);
            LoadResult floorResult = load(new FloorShots(new SignedPost(floor.url(), secret()), status), drumbeat);
            LoadResult drumbeatResult = load(status, drumbeat);
            report.table(List.of(floorResult, drumbeatResult));
            report.verdict(floorResult, drumbeatResult);
        }
    }

    /** Runs one target on a fresh client, and so a fresh connection pool. */
    private LoadResult load(LoadTarget target, DrumbeatUnderTest drumbeat) throws InterruptedException {
        out.printf(
                "Loading %s: %d requests over %d s…%n",
                target.name(), options.totalRequests(), options.warmup() + options.seconds());
        return new FixedRateLoad(client(), options, drumbeat.databaseProcess()).run(target);
    }

    private DrumbeatUnderTest start() {
        if (options.url().isPresent()) {
            return DrumbeatUnderTest.at(options.url().get());
        }
        try {
            return DrumbeatUnderTest.startDemo();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data folder for the demo", e);
        }
    }

    private String secret() {
        return options.secret().orElse(DemoWorkspace.SIGNING_SECRET);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(SignedPost.TIMEOUT)
                .build();
    }
}
