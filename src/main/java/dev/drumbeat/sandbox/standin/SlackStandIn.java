package dev.drumbeat.sandbox.standin;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A local stand-in for the Slack Web API, faithful to Slack's documented contract, so that tests and
 * {@code drumbeat demo} can run Drumbeat with no Slack workspace. Point Bolt's client at {@link #apiUrl()}
 * ({@code SlackConfig#setMethodsEndpointUrlPrefix}); calls are checked the way Slack checks them (token, bot
 * scopes, required arguments, Block Kit limits), answered in Slack's shape, recorded, and can be made to fail
 * with 429 or 5xx. It keeps a small workspace: messages per channel, modals and Home tabs, people.
 * Thread-safe: the HTTP server calls it concurrently, and every accessor may be used from any thread.
 */
public final class SlackStandIn implements AutoCloseable {

    public static final String TEAM_ID = "T0DRUMBEAT";
    public static final String BOT_USER_ID = "U0DRUMBOT";
    public static final String BOT_ID = "B0DRUMBOT";
    public static final String APP_ID = "A0DRUMBEAT";

    private final SlackStandInWorkspace workspace;
    private final SlackStandInEndpoint endpoint;
    private final SlackStandInResponses responses;
    private final Javalin server;

    private SlackStandIn(int port, String botToken, Set<String> grantedBotScopes, Clock clock) {
        this.workspace = new SlackStandInWorkspace(clock);
        this.endpoint =
                new SlackStandInEndpoint(workspace.methods(new SlackContractCheck(botToken, grantedBotScopes)), clock);
        this.responses = new SlackStandInResponses(workspace.conversations(), endpoint::record, clock);
        this.server = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.routes.post("/api/{method}", endpoint);
                    config.routes.get("/api/{method}", endpoint);
                    config.routes.post("/respond/{token}", responses);
                })
                .start("127.0.0.1", port);
    }

    /** Starts on a free port of 127.0.0.1. */
    public static SlackStandIn start(String botToken, Set<String> grantedBotScopes) {
        return start(0, botToken, grantedBotScopes);
    }

    public static SlackStandIn start(int port, String botToken, Set<String> grantedBotScopes) {
        return start(port, botToken, grantedBotScopes, Clock.systemUTC());
    }

    /** The clock decides message timestamps, trigger id expiry and when calls are recorded. */
    public static SlackStandIn start(int port, String botToken, Set<String> grantedBotScopes, Clock clock) {
        return new SlackStandIn(port, botToken, grantedBotScopes, clock);
    }

    /** The bot scopes the app's manifest asks for: {@code oauth_config.scopes.bot} of classpath bot-manifest.json. */
    public static Set<String> manifestScopes() {
        InputStream manifest = SlackStandIn.class.getClassLoader().getResourceAsStream("bot-manifest.json");
        if (manifest == null) {
            throw new IllegalStateException(
                    "bot-manifest.json is not on the classpath; the build packages it from the repo root");
        }
        Set<String> scopes = new TreeSet<>();
        SlackStandInJson.read(manifest, JsonNode.class)
                .path("oauth_config")
                .path("scopes")
                .path("bot")
                .forEach(scope -> scopes.add(scope.asText()));
        return Collections.unmodifiableSet(scopes);
    }

    /** The Web API base URL, ending with a slash: {@code http://127.0.0.1:<port>/api/}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port() + "/api/";
    }

    public int port() {
        return server.port();
    }

    /**
     * A response_url for an interaction on the message {@code messageTs} in {@code channel}, clicked by
     * {@code userId}: posts to it are recorded as calls of {@code response_url} and act on that message as Slack's do.
     */
    public String responseUrl(String channel, String userId, String messageTs) {
        return responses.mint(
                "http://127.0.0.1:" + port() + "/", new SlackStandInResponses.Target(channel, userId, messageTs));
    }

    /** What a response_url made of a message the stand-in never posted (a slash command's answer), if anything. */
    public Optional<SlackStandInResponses.Replacement> replacement(String channel, String ts) {
        return responses.replacement(channel, ts);
    }

    /**
     * Tells {@code observer} of every post to a response_url from now on, on the thread that took it, once it took
     * effect: for a caller that must know the moment an answer arrives, such as the ask benchmark.
     */
    public void onResponse(Consumer<SlackStandInResponses.Posted> observer) {
        responses.observe(observer);
    }

    /** Every call in the order it took effect, rejected ones included. */
    public List<SlackStandInCall> calls() {
        return endpoint.calls();
    }

    public List<SlackStandInCall> calls(String method) {
        return calls().stream().filter(call -> call.method().equals(method)).toList();
    }

    /** Forgets recorded calls and every injected failure; messages, views and people stay. */
    public void clear() {
        endpoint.clearCalls();
        workspace.faults().clear();
    }

    /**
     * Forgets everything a test could have left, as if newly started: calls, injected failures, enforced rate limits,
     * delays, messages, open conversations, modals and Home tabs, people, trigger ids and response_urls. Message
     * timestamps and view ids go on from where they were, so none is handed out twice.
     */
    public void reset() {
        endpoint.reset();
        responses.reset();
        workspace.reset();
    }

    /**
     * The next call of {@code method} answers {@code httpStatus} once (calls queue up in order); a 429 carries
     * {@code Retry-After} when {@code retryAfterSeconds} is not null, and the body {@code {"ok":false,"error":"ratelimited"}}.
     */
    public void failNext(String method, int httpStatus, Integer retryAfterSeconds) {
        workspace.faults().failNext(method, httpStatus, retryAfterSeconds);
    }

    /**
     * The next call of {@code method} about {@code channel} is refused as Slack refuses a call it understood but will
     * not do: HTTP 200 with {@code {"ok":false,"error":"<error>"}}, such as {@code not_in_channel} for a channel the bot
     * was never invited to. Calls about other channels are answered as usual.
     */
    public void refuseNext(String method, String channel, String error) {
        workspace.faults().refuseNext(method, channel, error);
    }

    /** Every call of {@code method} answers {@code httpStatus} (a 429 with Retry-After: 1) until recovered or cleared. */
    public void failAlways(String method, int httpStatus) {
        workspace.faults().failAlways(method, httpStatus);
    }

    /**
     * From now on, holds {@code chat.postMessage} to Slack's limits, as token buckets in real time: at most
     * {@code workspacePerSecond} across the workspace and {@code perChannelPerSecond} in any one channel. Over a
     * limit it answers 429 with {@code Retry-After: 1}, and counts it. Off unless asked for.
     */
    public void enforceRateLimits(int workspacePerSecond, int perChannelPerSecond) {
        endpoint.rateLimits().enforce(workspacePerSecond, perChannelPerSecond);
    }

    /** How many calls were refused by {@link #enforceRateLimits}. */
    public int rateLimitedCount() {
        return endpoint.rateLimits().rateLimitedCount();
    }

    /**
     * From now on, every call takes {@code delay} longer, as over a network: half passes before Slack acts on the call
     * and half before the answer is written, so a caller killed meanwhile leaves a call in flight. Zero (the default)
     * for none; the kill benchmark uses a tenth of a second.
     */
    public void delayCalls(Duration delay) {
        endpoint.delay(delay);
    }

    /**
     * Holds the next call of {@code method} at {@code point}, to stop its caller mid-call as a crash would; see
     * {@link SlackStandInHold}. Released by the test, by {@link #reset} or on close.
     */
    public SlackStandInHold holdNext(String method, SlackStandInHold.Point point) {
        return endpoint.hold(method, point);
    }

    public void recover(String method) {
        workspace.faults().recover(method);
    }

    public void addUser(String userId, String name, String realName, String tz, int tzOffsetSeconds, boolean deleted) {
        workspace.users().add(userId, name, realName, tz, tzOffsetSeconds, deleted);
    }

    /** Messages in a channel in posting order, edits in place and deletions removed. */
    public List<SlackStandInMessage> messages(String channel) {
        return workspace.conversations().messages(channel);
    }

    public Map<String, List<SlackStandInMessage>> conversations() {
        return workspace.conversations().all();
    }

    /** The conversations as they stand, to keep across a restart. */
    public SlackStandInHistory history() {
        return workspace.conversations().history(responses.replaced());
    }

    /** Puts back conversations kept from before a restart, in place of any held now. */
    public void restore(SlackStandInHistory history) {
        workspace.conversations().restore(history);
        responses.restore(history.replaced());
    }

    /** The id of the bot's DM with a person, as conversations.open answers it. */
    public String directChannelOf(String userId) {
        return SlackStandInConversations.directChannelFor(List.of(userId));
    }

    /** A message timestamp from the stand-in's own sequence: unique, and later than every message posted so far. */
    public String mintTs() {
        return workspace.conversations().mintTs();
    }

    /** JSON of the modal last opened, pushed or updated for a person, as Slack answered it (with its id). */
    public Optional<String> lastOpenedView(String userId) {
        return workspace.views().lastShownTo(userId).map(SlackStandInJson::write);
    }

    /** A trigger id for {@code userId}, as Slack sends with an interaction: valid 3 seconds by the clock, usable once. */
    public String registerTrigger(String userId) {
        return workspace.triggers().register(userId);
    }

    /** JSON of the Home tab last published for a person. */
    public Optional<String> homeView(String userId) {
        return workspace.views().homeOf(userId).map(SlackStandInJson::write);
    }

    @Override
    public void close() {
        endpoint.releaseHolds();
        server.stop();
    }
}
