package dev.drumbeat.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import dev.drumbeat.Drumbeat;
import dev.drumbeat.config.Config;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.sandbox.SlackUser;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.sandbox.standin.SlackStandInMessage;
import dev.drumbeat.sandbox.standin.SlackStandInResponses;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.slack.SlowCommands;
import dev.drumbeat.slack.outbox.OutboxSender;
import dev.drumbeat.slack.outbox.OutboxSenderSettings;
import dev.drumbeat.slack.outbox.RateLimitSettings;
import dev.drumbeat.slack.outbox.RateLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test house for tests that need PostgreSQL, and for end-to-end tests the Slack stand-in and a whole running
 * Drumbeat. Register it on a test class:
 * <pre>
 * &#64;RegisterExtension
 * static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();
 * </pre>
 * It starts everything once per test class: a database of its own copied from the migrated template
 * ({@link TestDatabase}, whose one embedded PostgreSQL all classes share; with {@link #withAppOn}, the one given), a
 * {@link MutableClock} at the system time, and with {@link #withApp} the stand-in and Drumbeat on it (scheduler off:
 * tests run jobs by hand). Before each test it puts everything back as it was at the start: every table empty (the
 * migrations seed no rows), the stand-in as if new, the clock back at its start. So a test sets up all it needs
 * itself, in a {@code @BeforeEach} or in the test, and may run in any order. After each end-to-end test it fails the
 * test if Drumbeat broke Slack's contract.
 * <p>
 * With {@link #withoutApp} there is no Drumbeat: a database and a clock, and a stand-in started the first time a test
 * asks for {@link #slack()}, for tests that drive the parts themselves; {@link #drainOutbox()} sends what they queued.
 * <p>
 * The helpers send what Slack sends, signed ({@link #command}, {@link #click}, {@link #submit}, {@link #event}), and
 * read what Drumbeat answered ({@link SlackReply}) or sent to the stand-in ({@link #posts}, {@link #openedView}).
 * Not thread-safe: JUnit calls it from one thread per class; the helpers may be called from several.
 */
public final class DrumbeatExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    /** The channel commands come from unless a test names another. */
    public static final String CHANNEL = "C0GENERAL";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("dbt_[A-Za-z0-9_-]{32}");
    /** Slack errors that mean Drumbeat broke Slack's contract, never a condition a test sets up on purpose. */
    private static final Set<String> CONTRACT_ERRORS = Set.of(
            "missing_scope", "unknown_method", "not_authed", "invalid_auth", "invalid_blocks", "invalid_arguments");

    private final boolean runsApp;
    private final UnaryOperator<Config> change;
    private final Supplier<Database> databases;
    private String startedBy;
    private Database database;
    private DatabaseReset tables;
    private MutableClock clock;
    private Instant start;
    private SlackStandIn slack;
    private Drumbeat app;
    private SlackDriver driver;
    private Slack senderClient;
    private OutboxSender sender;

    private DrumbeatExtension(boolean runsApp, UnaryOperator<Config> change, Supplier<Database> databases) {
        this.runsApp = runsApp;
        this.change = change;
        this.databases = databases;
    }

    /** The database, the Slack stand-in and Drumbeat with the test config ({@link TestDrumbeat#config}). */
    public static DrumbeatExtension withApp() {
        return withApp(config -> config);
    }

    /** As {@link #withApp()}, with the test config changed first, such as {@code c -> c.withPublicUrl(…)}. */
    public static DrumbeatExtension withApp(UnaryOperator<Config> change) {
        return new DrumbeatExtension(true, change, TestDatabase::fresh);
    }

    /** As {@link #withApp()}, on a database of the test's own, such as one on a {@link StoppablePostgres}. */
    public static DrumbeatExtension withAppOn(Supplier<Database> database) {
        return new DrumbeatExtension(true, config -> config, database);
    }

    /** The database and the clock, and the stand-in when a test asks for it; no Drumbeat. */
    public static DrumbeatExtension withoutApp() {
        return new DrumbeatExtension(false, config -> config, TestDatabase::fresh);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (startedBy != null) {
            return; // a @Nested class: its outer class started everything
        }
        startedBy = context.getUniqueId();
        clock = MutableClock.atSystemTime();
        start = clock.instant();
        database = databases.get();
        tables = new DatabaseReset(database.jdbi());
        if (runsApp) {
            slack = startStandIn();
            app = Drumbeat.start(
                    change.apply(TestDrumbeat.config(slack.apiUrl())), database, clock, routes -> {}, false);
            driver = new SlackDriver(
                    URI.create("http://127.0.0.1:" + app.port() + "/slack/events"), TestDrumbeat.SIGNING_SECRET, clock);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (runsApp) {
            tables.quiesceOutbox();
        }
        tables.empty();
        if (slack != null) {
            slack.reset();
        }
        sender = null; // a fresh one forgets the rate limits' pauses
        clock.set(start);
    }

    /** Lets the outbox settle, so every call this test caused is in, then fails the test if one broke Slack's contract. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (!runsApp) {
            return;
        }
        tables.quiesceOutbox();
        List<SlackStandInCall> broken = slack.calls().stream()
                .filter(c -> !c.ok() && CONTRACT_ERRORS.contains(c.error()))
                .toList();
        assertThat(broken).as("Slack calls that broke the contract").isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (!context.getUniqueId().equals(startedBy)) {
            return;
        }
        startedBy = null;
        AutoCloseable[] running = {app, senderClient, slack, database};
        app = null;
        driver = null;
        sender = null;
        senderClient = null;
        slack = null;
        closeAll(running, 0);
    }

    /** Closes each in order, the rest even when one fails. */
    private static void closeAll(AutoCloseable[] running, int from) throws Exception {
        if (from == running.length) {
            return;
        }
        try {
            if (running[from] != null) {
                running[from].close();
            }
        } finally {
            closeAll(running, from + 1);
        }
    }

    private SlackStandIn startStandIn() {
        return SlackStandIn.start(0, TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes(), clock);
    }

    // What the class has

    public Database database() {
        return database;
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    /** The clock Drumbeat and the stand-in read; back at its start before each test. */
    public MutableClock clock() {
        return clock;
    }

    /** The Slack stand-in; without the app it starts on first use. */
    public SlackStandIn slack() {
        if (slack == null && !runsApp) {
            slack = startStandIn();
        }
        return slack;
    }

    public Drumbeat app() {
        return requireApp();
    }

    /** Sends requests to Drumbeat's {@code /slack/events} as Slack does, signed; for requests the helpers don't make. */
    public SlackDriver driver() {
        requireApp();
        return driver;
    }

    /** An address on the running Drumbeat, such as {@code /api/v1/portfolio}. */
    public URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + requireApp().port() + pathAndQuery);
    }

    private Drumbeat requireApp() {
        if (app == null) {
            throw new IllegalStateException(
                    "no Drumbeat runs: register DrumbeatExtension.withApp() for an end-to-end test");
        }
        return app;
    }

    // Data

    /** Test data in the test workspace ({@link TestDrumbeat#TEAM}). */
    public Seed seed() {
        return seed(TestDrumbeat.TEAM);
    }

    public Seed seed(String teamId) {
        return new Seed(jdbi(), teamId);
    }

    /** {@code select count(*) from <fromWhere>}, such as {@code count("checkins where status = 'red'")}. */
    public int count(String fromWhere) {
        return jdbi().withHandle(h -> h.createQuery("select count(*) from " + fromWhere)
                .mapTo(Integer.class)
                .one());
    }

    /** Runs one SQL statement with positional arguments. */
    public void execute(String sql, Object... args) {
        jdbi().useHandle(h -> h.execute(sql, args));
    }

    // Sending what Slack sends

    /** A person in the test workspace whose trigger ids the stand-in accepts for views.open. */
    public SlackUser user(String userId, String name) {
        return SlackUser.of(TestDrumbeat.TEAM, userId, name).withTriggers(id -> slack().registerTrigger(id));
    }

    /** {@link #user(String, String)} named after the lower-cased id. */
    public SlackUser user(String userId) {
        return user(userId, userId.toLowerCase());
    }

    /** The configured Drumbeat admin, {@link TestDrumbeat#ADMIN}. */
    public SlackUser admin() {
        return user(TestDrumbeat.ADMIN, "ada");
    }

    /** {@code /drumbeat <text>} typed by the user in {@link #CHANNEL}. */
    public SlackReply command(SlackUser user, String text) {
        return command(user, CHANNEL, text);
    }

    /**
     * As the person sees it in the end: the acknowledgement, or, when it said Drumbeat was working on it, the answer
     * that replaced it through the command's response_url (a stand-in's, for a message of its own sequence).
     */
    public SlackReply command(SlackUser user, String channel, String text) {
        String ts = slack().mintTs();
        SlackReply ack =
                SlackReply.of(driver().command(user, channel, text, slack().responseUrl(channel, user.userId(), ts)));
        if (!ack.json().path("text").asText().equals(SlowCommands.WORKING)) {
            return ack;
        }
        Await.until(
                "the answer that follows \"working on it\"",
                () -> slack.replacement(channel, ts).isPresent());
        SlackStandInResponses.Replacement answer =
                slack.replacement(channel, ts).orElseThrow();
        Map<String, Object> shown = new java.util.LinkedHashMap<>();
        shown.put("response_type", "ephemeral");
        shown.put("text", answer.text());
        shown.put("blocks", answer.blocks() == null ? List.of() : answer.blocks());
        return new SlackReply(200, JSON.valueToTree(shown));
    }

    /** {@code /drumbeat <text>} typed in {@link #CHANNEL} by {@link #user(String)}. */
    public SlackReply command(String userId, String text) {
        return command(user(userId), text);
    }

    /** {@code /drumbeat token create <label>} by the configured admin; the token it shows once. */
    public String apiToken(String label) {
        return apiToken(admin(), label);
    }

    /** {@code /drumbeat token create <label>} by {@code creator}, an admin; the token it shows once. */
    public String apiToken(SlackUser creator, String label) {
        SlackReply reply = command(creator, "C1", "token create " + label);
        Matcher token = TOKEN.matcher(reply.text());
        assertThat(token.find()).as(reply.json().toString()).isTrue();
        return token.group();
    }

    /** A button clicked in the bot's DM, with a fresh trigger id; see {@link SlackPayloads#blockAction}. */
    public SlackReply click(String userId, String actionId, String value) {
        return interaction(
                SlackPayloads.blockAction(TestDrumbeat.TEAM, userId, slack().registerTrigger(userId), actionId, value));
    }

    /**
     * A button clicked on a message in {@code channel}, one only the clicker sees when {@code ephemeral}, with a
     * response_url the stand-in answers as Slack's does.
     */
    public SlackReply clickInChannel(
            String userId, String channel, String messageTs, boolean ephemeral, String actionId, String value) {
        Map<String, Object> click =
                SlackPayloads.blockAction(TestDrumbeat.TEAM, userId, slack().registerTrigger(userId), actionId, value);
        return interaction(SlackPayloads.onMessage(
                click, channel, messageTs, ephemeral, slack().responseUrl(channel, userId, messageTs)));
    }

    /** A modal submitted; {@code values} maps block id to a state value such as {@link SlackPayloads#text}. */
    public SlackReply submit(
            String userId, String callbackId, String privateMetadata, Map<String, Map<String, Object>> values) {
        return interaction(
                SlackPayloads.viewSubmission(TestDrumbeat.TEAM, userId, callbackId, privateMetadata, values));
    }

    /** Any interaction payload, posted as Slack posts it. */
    public SlackReply interaction(Map<String, Object> payload) {
        return SlackReply.of(driver().interaction(payload));
    }

    /** An Events API event in the test workspace, such as {@link SlackPayloads#userChange}; Drumbeat's HTTP answer. */
    public HttpResponse<String> event(String eventId, Map<String, Object> event) {
        return event(SlackPayloads.eventCallback(TestDrumbeat.TEAM, eventId, event));
    }

    /** A whole Events API envelope. */
    public HttpResponse<String> event(Map<String, Object> envelope) {
        return driver().event(envelope);
    }

    /**
     * Sends, on this thread, everything the outbox holds that is due, until nothing more goes out: the way the running
     * sender would, but without Slack's one message a second in a channel, so a test waits on nothing. Only without
     * the app, whose own sender would race it. Returns how many calls it made.
     */
    public int drainOutbox() {
        if (runsApp) {
            throw new IllegalStateException("Drumbeat's own outbox sender runs; wait for what it sends instead");
        }
        int calls = 0;
        for (int round = 0; ; round++) {
            int made = outboxSender().drainOnce();
            if (made == 0) {
                return calls;
            }
            calls += made;
            assertThat(round).as("the outbox still sending after 100 rounds").isLessThan(100);
        }
    }

    private OutboxSender outboxSender() {
        if (sender == null) {
            senderClient = SlackApp.client(TestDrumbeat.config(slack().apiUrl()));
            RateLimitSettings unpaced = RateLimitSettings.defaults().withPostMessage(100, 20, Duration.ZERO);
            sender = new OutboxSender(
                    jdbi(),
                    senderClient,
                    TestDrumbeat.BOT_TOKEN,
                    clock,
                    new RateLimits(unpaced, System::nanoTime, clock),
                    OutboxSenderSettings.defaults());
        }
        return sender;
    }

    // Reading what the stand-in received

    public List<SlackStandInCall> calls(String method) {
        return slack().calls(method);
    }

    /** Every chat.postMessage call naming {@code channel} (a user id for a DM), refused ones too, in order. */
    public List<SlackStandInCall> posts(String channel) {
        return calls("chat.postMessage").stream()
                .filter(c -> channel.equals(c.args().get("channel")))
                .toList();
    }

    public List<SlackStandInMessage> messages(String channel) {
        return slack().messages(channel);
    }

    /** The modal last opened, pushed or updated for the person. */
    public JsonNode openedView(String userId) {
        return json(slack().lastOpenedView(userId)
                .orElseThrow(() -> new AssertionError("no modal was shown to " + userId)));
    }

    /** Every text of the modal last shown to the person, such as the notice a button answered with. */
    public String openedViewText(String userId) {
        return SlackReply.texts(openedView(userId));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
