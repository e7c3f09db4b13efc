package dev.drumbeat;

import com.slack.api.bolt.App;
import dev.drumbeat.apitoken.ApiTokenFeature;
import dev.drumbeat.ask.AskFeature;
import dev.drumbeat.catalog.CatalogFeature;
import dev.drumbeat.catalog.csv.CatalogCsvFeature;
import dev.drumbeat.catalog.initiative.InitiativeFeature;
import dev.drumbeat.chart.ChartFeature;
import dev.drumbeat.checkin.CheckInFeature;
import dev.drumbeat.checkin.prompt.PromptFeature;
import dev.drumbeat.config.Config;
import dev.drumbeat.costs.CostActuals;
import dev.drumbeat.costs.CostsFeature;
import dev.drumbeat.costs.CostsIntakeFeature;
import dev.drumbeat.dashboard.DashboardFeature;
import dev.drumbeat.db.Database;
import dev.drumbeat.digest.DigestFeature;
import dev.drumbeat.escalation.EscalationFeature;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.home.HomeFeature;
import dev.drumbeat.measure.MeasureFeature;
import dev.drumbeat.metrics.Metrics;
import dev.drumbeat.metrics.MetricsGauges;
import dev.drumbeat.okr.OkrFeature;
import dev.drumbeat.people.PeopleFeature;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.schedule.JobRunner;
import dev.drumbeat.schedule.Scheduling;
import dev.drumbeat.slack.BoltAdapter;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Interactions;
import dev.drumbeat.slack.RequestVerifier;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.slack.SlackIdentity;
import dev.drumbeat.slack.SlackRetries;
import dev.drumbeat.slack.SlackUnreachable;
import dev.drumbeat.slack.SlashCommandReplays;
import dev.drumbeat.slack.SlowCommands;
import dev.drumbeat.slack.outbox.OutboxCommand;
import dev.drumbeat.slack.outbox.OutboxSender;
import dev.drumbeat.slack.outbox.OutboxSenderSettings;
import dev.drumbeat.slack.outbox.RateLimitSettings;
import dev.drumbeat.slack.outbox.RateLimits;
import dev.drumbeat.web.WebServer;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root: builds the {@link Shared} context, lists the features, registers what they declare, and
 * starts the HTTP server, the outbox sender and Quartz. Everything is built with {@code new}; no container.
 * {@link Cli} is the command line in front of it.
 */
public final class Drumbeat implements AutoCloseable, JobRunner {
    /** Where `serve` listens: every interface, for Slack and the load balancer. */
    public static final String ANY_INTERFACE = "0.0.0.0";
    /** Where the demo listens: its sandbox lets anyone act as anyone, so only this machine may reach it. */
    public static final String THIS_MACHINE = "127.0.0.1";

    private final WebServer web;
    private final List<AutoCloseable> featureWork;
    private final OutboxSender outbox;
    private final Optional<Scheduling> scheduling;

    private Drumbeat(
            WebServer web, List<AutoCloseable> featureWork, OutboxSender outbox, Optional<Scheduling> scheduling) {
        this.web = web;
        this.featureWork = List.copyOf(featureWork);
        this.outbox = outbox;
        this.scheduling = scheduling;
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.getenv(), System.out, System.err).run(args));
    }

    /** Starts Drumbeat with its scheduled jobs; {@code extraRoutes} lets the sandbox add its pages. */
    public static Drumbeat start(Config config, Database database, Clock clock, Consumer<JavalinConfig> extraRoutes) {
        return start(config, database, clock, extraRoutes, true);
    }

    /** Starts Drumbeat on every network interface. */
    public static Drumbeat start(
            Config config, Database database, Clock clock, Consumer<JavalinConfig> extraRoutes, boolean runJobs) {
        return start(config, database, clock, extraRoutes, runJobs, ANY_INTERFACE);
    }

    /**
     * Starts Drumbeat on the given database, listening on {@code host}. Without {@code runJobs} no Quartz scheduler
     * starts (tests run jobs by hand with their own clock); the outbox sender always runs. Slack is asked first who
     * the token belongs to, and that workspace recorded, so the command line finds it before anyone uses Slack;
     * throws {@link SlackUnreachable} or a {@link dev.drumbeat.config.ConfigException} when it cannot be asked.
     */
    public static Drumbeat start(
            Config config,
            Database database,
            Clock clock,
            Consumer<JavalinConfig> extraRoutes,
            boolean runJobs,
            String host) {
        Shared shared = Shared.of(config, database.jdbi(), clock);
        SlackIdentity identity = SlackIdentity.ask(shared.slack(), config);
        PeopleService people = new PeopleService(shared.jdbi(), config.admins());
        people.knowWorkspace(identity.teamId(), identity.teamName());
        App app = SlackApp.create(config, shared.slack());
        app.use(new SlackRetries(shared.jdbi(), clock));
        app.use(new SlashCommandReplays(shared.jdbi(), clock));
        SlowCommands slowCommands = new SlowCommands(slowCommandSettings(config));
        Contributions contributions =
                new Contributions(new CommandRouter(people, slowCommands), new Interactions(app, people));
        features(shared, people).forEach(feature -> feature.contribute(contributions));
        contributions.command(new OutboxCommand(shared.jdbi(), clock));
        contributions.commands().register(app);
        Metrics metrics = new Metrics();
        MetricsGauges.register(metrics, shared.jdbi(), shared.periods(), clock);
        List<Consumer<JavalinConfig>> routes = new ArrayList<>(contributions.declaredRoutes());
        routes.add(extraRoutes);
        WebServer web = new WebServer(
                new BoltAdapter(app, new RequestVerifier(config.signingSecret(), clock)),
                database,
                metrics,
                routes(routes),
                config.capacity());
        OutboxSender outbox = outboxSender(shared, contributions, metrics).start();
        Optional<Scheduling> scheduling = runJobs
                ? Optional.of(Scheduling.start(database.dataSource(), contributions.declaredJobs())
                        .observe(metrics::jobRun))
                : Optional.empty();
        List<AutoCloseable> work = new ArrayList<>(List.of(slowCommands));
        work.addAll(contributions.declaredRunning());
        Drumbeat drumbeat = new Drumbeat(web, work, outbox, scheduling);
        try {
            web.start(host, config.port());
        } catch (RuntimeException e) {
            drumbeat.close();
            throw e;
        }
        return drumbeat;
    }

    private static SlowCommands.Settings slowCommandSettings(Config config) {
        return new SlowCommands.Settings(
                config.capacity().commandWorkers(),
                config.capacity().commandQueue(),
                config.capacity().commandPatience());
    }

    /**
     * Every feature, built in the order their links need; the list's order is the order they declare in, which is
     * the order `/drumbeat help` lists their subcommands.
     */
    private static List<Feature> features(Shared shared, PeopleService people) {
        ApiTokenFeature apiTokens = new ApiTokenFeature(shared, people);
        EscalationFeature escalation = new EscalationFeature(shared, people);
        ChartFeature charts = new ChartFeature(shared);
        OkrFeature okrs = new OkrFeature(shared, people);
        MeasureFeature measured = new MeasureFeature(shared);
        CatalogFeature catalog = new CatalogFeature(
                shared,
                people,
                charts.cards(),
                escalation.ownerGiven(),
                new CostActuals(shared.jdbi(), shared.clock()),
                measured.measures());
        PromptFeature prompts = new PromptFeature(shared, measured.measures());
        CheckInFeature checkIns = new CheckInFeature(
                shared,
                people,
                catalog.service(),
                okrs.confidence(),
                prompts.updates(),
                apiTokens.guard(),
                measured.measures());
        HomeFeature home =
                new HomeFeature(shared, catalog.service(), checkIns.service(), escalation.service(), okrs.home());
        return List.of(
                catalog,
                new InitiativeFeature(shared, people, catalog.service()),
                new CatalogCsvFeature(shared, apiTokens.guard(), measured.measures()),
                new CostsFeature(shared, apiTokens.guard()),
                new CostsIntakeFeature(shared, apiTokens.guard()),
                measured,
                new PeopleFeature(shared, people, catalog.service(), escalation.deactivations()),
                apiTokens,
                checkIns.redrawingHome(home.redraw()),
                prompts,
                escalation,
                okrs,
                new AskFeature(shared),
                new DashboardFeature(shared, people, catalog.service(), escalation.service(), apiTokens.guard()),
                home,
                new DigestFeature(shared, okrs.digestSection(), charts.digestChart()),
                charts);
    }

    private static OutboxSender outboxSender(Shared shared, Contributions contributions, Metrics metrics) {
        Clock clock = shared.clock();
        OutboxSender sender = new OutboxSender(
                        shared.jdbi(),
                        shared.slack(),
                        shared.config().botToken(),
                        clock,
                        new RateLimits(RateLimitSettings.defaults(), System::nanoTime, clock),
                        OutboxSenderSettings.defaults())
                .observe(metrics::slackCall);
        contributions.declaredDeadLetters().forEach(sender::onDead);
        return sender;
    }

    /** Fires a scheduled job now on whichever instance of the cluster takes it; for operators and tests. */
    @Override
    public void runJobNow(String name) {
        scheduling
                .orElseThrow(() -> new IllegalStateException("this instance runs no jobs"))
                .triggerNow(name);
    }

    public int port() {
        return web.port();
    }

    /**
     * Stops in the order that leaves nothing half done: no more requests, no more jobs fired, the work requests
     * started, the outbox's calls in flight recorded (what is still queued waits for the next start, or another
     * instance), then the jobs already running. The database stays open; its owner closes it after this.
     */
    @Override
    public void close() {
        Stopping stopping = new Stopping().then("the HTTP server", web::stop);
        scheduling.ifPresent(s -> stopping.then("the scheduler's triggers", s::standBy));
        for (int i = featureWork.size() - 1; i >= 0; i--) {
            stopping.then(
                    "work requests started (" + featureWork.get(i).getClass().getSimpleName() + ")",
                    featureWork.get(i));
        }
        stopping.then("the Slack outbox sender", outbox);
        scheduling.ifPresent(s -> stopping.then("the scheduler, once its running jobs finish", s));
        stopping.run();
    }

    /** Several route registrations as one, in order. */
    public static Consumer<JavalinConfig> routes(List<Consumer<JavalinConfig>> registrations) {
        return config -> registrations.forEach(r -> r.accept(config));
    }
}
