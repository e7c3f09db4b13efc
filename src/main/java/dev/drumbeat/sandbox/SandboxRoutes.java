package dev.drumbeat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The browser page that plays Slack for `drumbeat demo`: pick a person, pick a conversation, type `/drumbeat …`
 * or `@Drumbeat …`, click the bot's buttons and menus, fill in its modals, open its Home tab. The page's requests
 * go to Drumbeat's real {@code /slack/events} URL, signed as Slack signs them, so the sandbox exercises the same
 * path Slack does; what the bot sends back lands in the Slack stand-in, which the page polls.
 */
public final class SandboxRoutes implements Consumer<JavalinConfig> {
    private static final String JS = ContentType.JAVASCRIPT + "; charset=utf-8";
    private static final Map<String, String> ASSETS =
            Map.of("sandbox.js", JS, "blocks.js", JS, "sandbox.css", ContentType.CSS + "; charset=utf-8");
    private final SandboxWorkspace workspace;
    private final SandboxComposer composer;
    private final SandboxInteractions interactions;
    private final SandboxReads reads;

    /**
     * {@code driver} is supplied late: the server's port is known only once it has started; {@code history} holds what
     * people typed on the page, restored from an earlier run.
     */
    public SandboxRoutes(
            Supplier<SlackDriver> driver,
            SlackStandIn slack,
            List<DemoPortfolio.DemoPerson> people,
            String teamId,
            SandboxClock clock,
            SandboxHistory history) {
        SandboxTranscript transcript = history.transcript();
        SandboxFeed feed = new SandboxFeed(slack, transcript);
        this.workspace = new SandboxWorkspace(driver, slack, people, teamId, clock, transcript, feed);
        this.composer = new SandboxComposer(workspace);
        this.interactions = new SandboxInteractions(workspace);
        this.reads = new SandboxReads(
                workspace,
                new SandboxConversations(
                        slack, feed, DemoWorkspace.LEADERSHIP_CHANNEL, SandboxConversations.demoTeamChannels()));
    }

    @Override
    public void accept(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.redirect("/sandbox"));
        config.routes.get(
                "/sandbox", ctx -> ctx.contentType(ContentType.TEXT_HTML).result(resource("index.html")));
        config.routes.get("/sandbox/{asset}", SandboxRoutes::asset);
        config.routes.get("/sandbox/api/people", ctx -> ctx.json(workspace.people()));
        config.routes.post("/sandbox/api/command", composer::command);
        config.routes.post("/sandbox/api/mention", composer::mention);
        config.routes.post("/sandbox/api/message", composer::say);
        config.routes.post("/sandbox/api/action", interactions::action);
        config.routes.post("/sandbox/api/submit", interactions::submit);
        config.routes.post("/sandbox/api/home", interactions::openHome);
        config.routes.get("/sandbox/api/home", reads::home);
        config.routes.get("/sandbox/api/conversations", reads::conversations);
        config.routes.get("/sandbox/api/messages", reads::messages);
        config.routes.get("/sandbox/api/modal", reads::modal);
        config.routes.get("/sandbox/api/state", reads::state);
        config.routes.get("/sandbox/api/activity", reads::activity);
        config.routes.get(
                "/sandbox/api/clock",
                ctx -> ctx.json(Map.of("now", workspace.clock().now().toString())));
        config.routes.post("/sandbox/api/clock", this::advance);
    }

    /** Moves the demo's clock: {@code "day"} one day on, {@code "monday"} to the next Monday 09:00 where the user is. */
    private void advance(Context ctx) {
        JsonNode request = SandboxHttp.body(ctx);
        String to = request.path("to").asText("");
        if (!to.equals("day") && !to.equals("monday")) {
            ctx.status(400).json(Map.of("error", "say \"to\": \"day\" or \"monday\""));
            return;
        }
        SandboxClock clock = workspace.clock();
        Instant now = to.equals("day")
                ? clock.advanceOneDay()
                : clock.advanceToMondayNine(
                        workspace.zoneOf(request.path("userId").asText()));
        ctx.json(Map.of("now", now.toString()));
    }

    private static void asset(Context ctx) {
        String type = ASSETS.get(ctx.pathParam("asset"));
        if (type == null) {
            ctx.status(404).result("no such sandbox file");
            return;
        }
        ctx.contentType(type).result(resource(ctx.pathParam("asset")));
    }

    private static String resource(String name) {
        try (InputStream in = SandboxRoutes.class.getResourceAsStream("/sandbox/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the sandbox page's " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
