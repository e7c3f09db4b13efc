package dev.drumbeat;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import dev.drumbeat.ask.AskListeners;
import dev.drumbeat.ask.AskPosts;
import dev.drumbeat.ask.AskService;
import dev.drumbeat.ask.AskShareFailures;
import dev.drumbeat.ask.decision.DecisionNotices;
import dev.drumbeat.ask.decision.DecisionService;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.catalog.csv.CatalogExport;
import dev.drumbeat.catalog.csv.CatalogImportService;
import dev.drumbeat.catalog.CatalogListeners;
import dev.drumbeat.catalog.csv.CatalogRoutes;
import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.catalog.InitiativeService;
import dev.drumbeat.core.Money;
import dev.drumbeat.catalog.Service;
import dev.drumbeat.chart.CardCharts;
import dev.drumbeat.chart.ChartData;
import dev.drumbeat.chart.ChartLinks;
import dev.drumbeat.chart.ChartRoutes;
import dev.drumbeat.chart.DigestCharts;
import dev.drumbeat.checkin.CheckInListeners;
import dev.drumbeat.checkin.CheckInService;
import dev.drumbeat.core.Periods;
import dev.drumbeat.checkin.PromptJob;
import dev.drumbeat.checkin.PromptRefresh;
import dev.drumbeat.checkin.PromptService;
import dev.drumbeat.checkin.ReadingsRoutes;
import dev.drumbeat.checkin.ReadingsService;
import dev.drumbeat.config.Config;
import dev.drumbeat.dashboard.DashboardAccess;
import dev.drumbeat.dashboard.DashboardApiRoutes;
import dev.drumbeat.dashboard.DashboardCharts;
import dev.drumbeat.dashboard.DashboardListeners;
import dev.drumbeat.dashboard.DashboardRoutes;
import dev.drumbeat.dashboard.PortfolioService;
import dev.drumbeat.db.Database;
import dev.drumbeat.digest.DigestJob;
import dev.drumbeat.escalation.EscalationChannelRefusals;
import dev.drumbeat.digest.DigestService;
import dev.drumbeat.escalation.EscalationJob;
import dev.drumbeat.escalation.EscalationJobTrigger;
import dev.drumbeat.escalation.EscalationListeners;
import dev.drumbeat.escalation.EscalationService;
import dev.drumbeat.escalation.EscalationServiceRules;
import dev.drumbeat.escalation.EscalationSettingsCommand;
import dev.drumbeat.escalation.EscalationSettingsService;
import dev.drumbeat.escalation.OwnerCheck;
import dev.drumbeat.escalation.OwnerCheckJob;
import dev.drumbeat.home.HomeListeners;
import dev.drumbeat.home.HomeService;
import dev.drumbeat.metrics.Metrics;
import dev.drumbeat.metrics.MetricsGauges;
import dev.drumbeat.okr.KeyResultService;
import dev.drumbeat.okr.OkrConfidence;
import dev.drumbeat.okr.OkrDigestSection;
import dev.drumbeat.okr.OkrHome;
import dev.drumbeat.okr.OkrListeners;
import dev.drumbeat.okr.OkrQuarterJob;
import dev.drumbeat.okr.OkrReview;
import dev.drumbeat.okr.OkrRollover;
import dev.drumbeat.okr.OkrRules;
import dev.drumbeat.okr.OkrService;
import dev.drumbeat.people.AwayBackCommand;
import dev.drumbeat.people.AwayCommand;
import dev.drumbeat.people.AwayService;
import dev.drumbeat.people.PeopleListeners;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.people.PeopleSync;
import dev.drumbeat.people.PeopleSyncJob;
import dev.drumbeat.schedule.JobRunner;
import dev.drumbeat.schedule.Scheduling;
import dev.drumbeat.slack.BoltAdapter;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Interactions;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxCommand;
import dev.drumbeat.slack.outbox.OutboxSender;
import dev.drumbeat.slack.outbox.OutboxSenderSettings;
import dev.drumbeat.slack.outbox.RateLimitSettings;
import dev.drumbeat.slack.outbox.RateLimits;
import dev.drumbeat.slack.RequestVerifier;
import dev.drumbeat.slack.ResponseUrls;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.slack.SlackRetries;
import dev.drumbeat.apitoken.ApiTokenGuard;
import dev.drumbeat.apitoken.ApiTokenService;
import dev.drumbeat.apitoken.TokenCommand;
import dev.drumbeat.web.WebServer;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root: builds Drumbeat's object graph with {@code new}, in dependency order, and
 * starts its HTTP server. {@link Cli} is the command line in front of it.
 */
public final class Drumbeat implements AutoCloseable, JobRunner {
    /** Where `serve` listens: every interface, for Slack and the load balancer. */
    public static final String ANY_INTERFACE = "0.0.0.0";
    /** Where the demo listens: its sandbox lets anyone act as anyone, so only this machine may reach it. */
    public static final String THIS_MACHINE = "127.0.0.1";
    private final WebServer web;
    private final List<AutoCloseable> running;
    private final Optional<Scheduling> scheduling;

    private Drumbeat(WebServer web, List<AutoCloseable> running, Optional<Scheduling> scheduling) {
        this.web = web;
        this.scheduling = scheduling;
        this.running = List.copyOf(running);
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.getenv(), System.out, System.err).run(args));
    }

    /** Starts Drumbeat with its scheduled jobs; {@code extraRoutes} lets the sandbox add its pages. */
    public static Drumbeat start(Config config, Database database, Clock clock, Consumer<JavalinConfig> extraRoutes) {
        return start(config, database, clock, extraRoutes, true);
    }

    /** Starts Drumbeat on every network interface. */
    public static Drumbeat start(Config config, Database database, Clock clock, Consumer<JavalinConfig> extraRoutes,
                                 boolean runJobs) {
        return start(config, database, clock, extraRoutes, runJobs, ANY_INTERFACE);
    }

    /**
     * Starts Drumbeat on the given database, listening on {@code host}. Without {@code runJobs} no Quartz scheduler
     * starts (tests run jobs by hand with their own clock); the outbox sender always runs.
     */
    public static Drumbeat start(Config config, Database database, Clock clock, Consumer<JavalinConfig> extraRoutes,
                                 boolean runJobs, String host) {
        List<AutoCloseable> running = new ArrayList<>();
        Money money = new Money(config.currency());
        Outbox outbox = new Outbox(clock);
        Slack slack = SlackApp.client(config);
        OutboxSender outboxSender = new OutboxSender(database.jdbi(), slack, config.botToken(), clock,
                new RateLimits(RateLimitSettings.defaults(), System::nanoTime, clock), OutboxSenderSettings.defaults());
        App app = SlackApp.create(config, slack);
        app.use(new SlackRetries(database.jdbi(), clock));
        AuditLog audit = new AuditLog(clock);
        PeopleService people = new PeopleService(database.jdbi(), config.admins());
        Interactions interactions = new Interactions(app, people);
        Periods periods = new Periods(config.checkInDay(), config.checkInHour());
        CatalogService catalog = new CatalogService(database.jdbi(), audit);
        CommandRouter router = new CommandRouter(people);
        ChartLinks chartLinks = new ChartLinks(config.signingSecret(), config.publicUrl(), clock, ChartLinks.SLACK_TTL);
        ChartData chartData = new ChartData(database.jdbi(), clock);
        EscalationService escalations = new EscalationService(database.jdbi(), outbox, config.leadershipChannel(),
                new EscalationServiceRules(periods), clock);
        EscalationListeners escalationListeners = new EscalationListeners(escalations, audit, catalog, people, money);
        new CatalogListeners(catalog, new InitiativeService(database.jdbi(), audit, clock), people, money,
                new CardCharts(chartLinks, chartData),
                (actor, service) -> escalationListeners.ownerGiven(actor, service.id(), service.ownerId().orElseThrow()))
                .register(router, interactions);
        EscalationJobTrigger escalateNow = new EscalationJobTrigger(escalations);
        running.add(escalateNow);
        new PeopleListeners(people, (team, user) -> catalog.ownedBy(team, user).stream().map(Service::name).toList(),
                escalateNow::sweepSoon).register(router, interactions);
        ApiTokenService tokens = new ApiTokenService(database.jdbi(), audit, people, clock);
        router.add(new TokenCommand(tokens));
        router.add(new OutboxCommand(database.jdbi(), clock));
        AwayService away = new AwayService(database.jdbi(), people, audit, periods, clock);
        router.add(new AwayCommand(away)).add(new AwayBackCommand(away));
        CheckInService checkIns = new CheckInService(database.jdbi(), audit, new PromptRefresh(outbox), people, periods, clock);
        new CheckInListeners(checkIns, catalog, new OkrConfidence(database.jdbi(), clock)).register(router, interactions);
        escalationListeners.register(router, interactions);
        OkrRollover rollover = new OkrRollover(database.jdbi(), outbox, audit, clock);
        OkrService okrs = new OkrService(database.jdbi(), audit, OkrRules.defaults(), clock);
        new OkrListeners(okrs, new KeyResultService(database.jdbi(), audit, okrs, periods, clock), rollover, people)
                .register(router, interactions);
        new HomeListeners(new HomeService(catalog, checkIns, escalations, new OkrHome(okrs)), money,
                database.jdbi(), outbox).register(interactions);
        OkrReview review = new OkrReview(database.jdbi(), outbox, okrs, money, config.leadershipChannel(), clock);
        router.add(new EscalationSettingsCommand(new EscalationSettingsService(database.jdbi(), audit)));
        ResponseUrls responseUrls = new ResponseUrls();
        running.add(responseUrls);
        new AskListeners(new AskService(database.jdbi(), money, router::find, clock),
                new AskPosts(database.jdbi(), outbox, money),
                new DecisionService(database.jdbi(), audit, new DecisionNotices(outbox, money), clock), money,
                responseUrls).register(router, interactions);
        DashboardAccess dashboardAccess = new DashboardAccess(database.jdbi(), people, clock);
        new DashboardListeners(dashboardAccess, config.publicUrl()).register(router, interactions);
        router.register(app);
        BoltAdapter slackEvents = new BoltAdapter(app, new RequestVerifier(config.signingSecret(), clock));
        CatalogRoutes catalogApi = new CatalogRoutes(new CatalogImportService(database.jdbi(), audit),
                new CatalogExport(database.jdbi()), new ApiTokenGuard(tokens));
        ReadingsRoutes readingsApi = new ReadingsRoutes(new ReadingsService(database.jdbi(), audit, periods, clock),
                new ApiTokenGuard(tokens));
        Metrics metrics = new Metrics();
        MetricsGauges.register(metrics, database.jdbi(), periods, clock);
        outboxSender.observe(metrics::slackCall).onDead(new AskShareFailures(database.jdbi(), outbox, clock))
                .onDead(new EscalationChannelRefusals(database.jdbi(), outbox, config.leadershipChannel(), clock));
        PortfolioService portfolio = new PortfolioService(catalog, escalations, database.jdbi(), clock);
        DashboardRoutes dashboard = new DashboardRoutes(dashboardAccess, portfolio,
                DashboardCharts.signed(config.signingSecret(), config.publicUrl(), clock), config.currency(), config.publicUrl());
        DashboardApiRoutes dashboardApi = new DashboardApiRoutes(portfolio, new ApiTokenGuard(tokens), config.currency());
        WebServer web = new WebServer(slackEvents, database, metrics, routes(List.of(catalogApi, readingsApi,
                new ChartRoutes(chartLinks, chartData, config.currency()), dashboard, dashboardApi, extraRoutes)));
        PeopleSync peopleSync = new PeopleSync(slack, config.botToken(), database.jdbi());
        PromptService prompts = new PromptService(database.jdbi(), outbox, periods, config.reminderDelay(), clock);
        List<Scheduling.Recurring> jobs = new ArrayList<>();
        jobs.add(new Scheduling.Recurring(PromptJob.NAME, PromptJob.class, () -> new PromptJob(prompts), Duration.ofMinutes(1)));
        jobs.add(new Scheduling.Recurring(PeopleSyncJob.NAME, PeopleSyncJob.class, () -> new PeopleSyncJob(peopleSync),
                Duration.ofHours(1)));
        jobs.add(new Scheduling.Recurring(EscalationJob.NAME, EscalationJob.class, () -> new EscalationJob(escalations),
                Duration.ofMinutes(15)));
        OwnerCheck ownerCheck = new OwnerCheck(database.jdbi(), slack, config.botToken(), people, escalations, OwnerCheck.PACE);
        jobs.add(new Scheduling.Recurring(OwnerCheckJob.NAME, OwnerCheckJob.class, () -> new OwnerCheckJob(ownerCheck),
                Duration.ofDays(1)));
        DigestService digests = new DigestService(database.jdbi(), outbox, periods, config.leadershipChannel(),
                money, clock, new OkrDigestSection(okrs), new DigestCharts(chartLinks, chartData, money));
        jobs.add(new Scheduling.Recurring(DigestJob.NAME, DigestJob.class, () -> new DigestJob(digests), Duration.ofMinutes(15)));
        jobs.add(new Scheduling.Recurring(OkrQuarterJob.NAME, OkrQuarterJob.class, () -> new OkrQuarterJob(review, rollover),
                Duration.ofHours(1)));
        running.add(outboxSender.start());
        Optional<Scheduling> scheduling = runJobs
                ? Optional.of(Scheduling.start(database.dataSource(), jobs).observe(metrics::jobRun)) : Optional.empty();
        scheduling.ifPresent(running::add);
        return new Drumbeat(web.start(host, config.port()), running, scheduling);
    }

    /** Fires a scheduled job now on whichever instance of the cluster takes it; for operators and tests. */
    @Override
    public void runJobNow(String name) {
        scheduling.orElseThrow(() -> new IllegalStateException("this instance runs no jobs")).triggerNow(name);
    }

    public int port() {
        return web.port();
    }

    @Override
    public void close() {
        web.stop();
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop " + running.get(i), e);
            }
        }
    }

    /** Several route registrations as one, in order. */
    public static Consumer<JavalinConfig> routes(List<Consumer<JavalinConfig>> registrations) {
        return config -> registrations.forEach(r -> r.accept(config));
    }
}
