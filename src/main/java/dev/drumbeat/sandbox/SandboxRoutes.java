package dev.drumbeat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The browser page that plays Slack for `drumbeat demo`: pick a person, type `/drumbeat …`, see the
 * answer and every call the bot made to the Slack stand-in. The page's requests go to Drumbeat's real
 * {@code /slack/events} URL, signed as Slack signs them, so the sandbox exercises the same path Slack does.
 */
public final class SandboxRoutes implements Consumer<JavalinConfig> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<SlackDriver> driver;
    private final SlackStandIn slack;
    private final List<DemoPortfolio.DemoPerson> people;
    private final String teamId;
    private final SandboxClock clock;

    /** {@code driver} is supplied late: the server's port is known only once it has started. */
    SandboxRoutes(Supplier<SlackDriver> driver, SlackStandIn slack, List<DemoPortfolio.DemoPerson> people, String teamId,
                  SandboxClock clock) {
        this.driver = driver;
        this.slack = slack;
        this.people = List.copyOf(people);
        this.teamId = teamId;
        this.clock = clock;
    }

    @Override
    public void accept(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.redirect("/sandbox"));
        config.routes.get("/sandbox", ctx -> ctx.contentType(ContentType.TEXT_HTML).result(page()));
        config.routes.get("/sandbox/api/people", ctx -> ctx.json(people));
        config.routes.post("/sandbox/api/command", this::command);
        config.routes.post("/sandbox/api/submit", this::submit);
        config.routes.post("/sandbox/api/action", this::action);
        config.routes.post("/sandbox/api/mention", this::mention);
        config.routes.post("/sandbox/api/home", this::home);
        config.routes.get("/sandbox/api/home", ctx -> ctx.json(Map.of("view",
                slack.homeView(ctx.queryParam("userId")).map(this::parsed).orElse(Map.of()))));
        config.routes.get("/sandbox/api/clock", ctx -> ctx.json(Map.of("now", clock.now().toString())));
        config.routes.post("/sandbox/api/clock", this::advance);
        config.routes.get("/sandbox/api/activity", this::activity);
    }

    private void command(Context ctx) throws IOException {
        JsonNode request = JSON.readTree(ctx.body());
        SlackUser user = user(request.path("userId").asText());
        String text = request.path("text").asText().replaceFirst("^\\s*/drumbeat\\b", "").strip();
        HttpResponse<String> response = driver.get().command(user, request.path("channel").asText("C0SANDBOX"), text);
        ctx.json(answer(response));
    }

    private void submit(Context ctx) throws IOException {
        JsonNode request = JSON.readTree(ctx.body());
        SlackUser user = user(request.path("userId").asText());
        Map<String, Object> payload = SandboxViews.submission(teamId, user, request.path("view"), request.path("values"));
        ctx.json(answer(driver.get().interaction(payload)));
    }

    private void action(Context ctx) throws IOException {
        JsonNode request = JSON.readTree(ctx.body());
        SlackUser user = user(request.path("userId").asText());
        ctx.json(answer(driver.get().interaction(SandboxViews.blockAction(teamId, user, request))));
    }

    /** Opening the Home tab: Slack's app_home_opened event; the tab is published soon after (GET to read it). */
    private void home(Context ctx) throws IOException {
        SlackUser user = user(JSON.readTree(ctx.body()).path("userId").asText());
        ctx.json(answer(driver.get().event(SandboxViews.homeOpened(teamId, user))));
    }

    private Object parsed(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the demo's clock: {@code "day"} one day on, {@code "monday"} to the next Monday 09:00 where the user is. */
    private void advance(Context ctx) throws IOException {
        JsonNode request = JSON.readTree(ctx.body());
        String to = request.path("to").asText("");
        if (!to.equals("day") && !to.equals("monday")) {
            ctx.status(400).json(Map.of("error", "say \"to\": \"day\" or \"monday\""));
            return;
        }
        ZoneId zone = people.stream().filter(p -> p.userId().equals(request.path("userId").asText()))
                .findFirst().map(p -> ZoneId.of(p.tz())).orElse(ZoneOffset.UTC);
        Instant now = to.equals("day") ? clock.advanceOneDay() : clock.advanceToMondayNine(zone);
        ctx.json(Map.of("now", now.toString()));
    }

    /** "@Drumbeat …" typed in the channel: Slack's app_mention event; the answer comes later, in the thread. */
    private void mention(Context ctx) throws IOException {
        JsonNode request = JSON.readTree(ctx.body());
        SlackUser user = user(request.path("userId").asText());
        String text = "<@" + SlackStandIn.BOT_USER_ID + "> " + request.path("text").asText("");
        ctx.json(answer(driver.get().event(SandboxViews.mention(teamId, user, request.path("channel").asText("C0SANDBOX"),
                text))));
    }

    private void activity(Context ctx) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("calls", slack.calls().stream().map(SandboxViews::call).toList());
        activity.put("conversations", slack.conversations());
        ctx.json(activity);
    }

    private SlackUser user(String userId) {
        DemoPortfolio.DemoPerson person = people.stream().filter(p -> p.userId().equals(userId)).findFirst()
                .orElse(people.get(0));
        return SlackUser.of(teamId, person.userId(), person.handle()).withTriggers(slack::registerTrigger);
    }

    private static Map<String, Object> answer(HttpResponse<String> response) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", response.statusCode());
        String body = response.body();
        answer.put("body", body == null || body.isBlank() ? null : JSON.readTree(body));
        return answer;
    }

    private static String page() {
        try (InputStream in = SandboxRoutes.class.getResourceAsStream("/sandbox/index.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
