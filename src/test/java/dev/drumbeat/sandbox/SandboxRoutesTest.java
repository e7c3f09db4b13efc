package dev.drumbeat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.Demo;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.support.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox page's API over real HTTP against a running demo: sidebar, what each person sees, clicks. */
class SandboxRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String GRACE = "U0NWB01GO";
    private static final String AISHA = "U0NWB05AK";
    private static final String TOM = "U0NWB03TM";

    @TempDir
    static Path dataDir;

    private static Demo demo;

    @BeforeAll
    static void startDemo() {
        demo = Demo.start(dataDir, 0, Clock.systemUTC());
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + demo.port() + path);
    }

    private static JsonNode get(String path) throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(uri(path)).GET()).body());
    }

    private static JsonNode post(String path, Map<String, Object> body) throws Exception {
        String json = JSON.writeValueAsString(body);
        return JSON.readTree(send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)))
                .body());
    }

    private static JsonNode messages(String userId, String channel) throws Exception {
        return get("/sandbox/api/messages?userId=" + userId + "&channel=" + channel)
                .path("messages");
    }

    private static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(message -> texts.add(message.path("text").asText()));
        return texts;
    }

    @Test
    void the_sidebar_lists_the_persons_dm_with_drumbeat_the_leadership_and_team_channels_and_home() throws Exception {
        JsonNode sidebar = get("/sandbox/api/conversations?userId=" + AISHA);

        List<String> ids = new ArrayList<>();
        sidebar.forEach(entry -> ids.add(entry.path("id").asText()));
        assertThat(ids.get(0)).isEqualTo(demo.slack().directChannelOf(AISHA)).isEqualTo("D0NWB05AK");
        assertThat(sidebar.get(0).path("kind").asText()).isEqualTo("dm");
        assertThat(sidebar.get(0).path("name").asText()).isEqualTo("Drumbeat");
        assertThat(ids)
                .contains("C0LEADERS", "C0PAYMENTS", "C0INFRA", "C0COREBANK")
                .endsWith("home")
                .doesNotContain(demo.slack().directChannelOf(GRACE));
    }

    @Test
    void a_command_and_its_ephemeral_answer_show_in_the_channel_it_was_typed_in_to_the_person_who_typed_it()
            throws Exception {
        JsonNode reply = post(
                "/sandbox/api/command", Map.of("userId", AISHA, "channel", "C0PAYMENTS", "text", "/drumbeat whoami"));
        assertThat(reply.path("status").asInt()).isEqualTo(200);

        JsonNode seen = messages(AISHA, "C0PAYMENTS");
        assertThat(texts(seen)).contains("/drumbeat whoami");
        JsonNode answer = find(seen, reply.path("ts").asText()).orElseThrow();
        assertThat(answer.path("kind").asText()).isEqualTo("bot");
        assertThat(answer.path("ephemeral").asBoolean()).isTrue();
        assertThat(answer.path("visibleTo").asText()).isEqualTo(AISHA);
        assertThat(find(messages(TOM, "C0PAYMENTS"), reply.path("ts").asText())).isEmpty();
        assertThat(texts(messages(TOM, "C0PAYMENTS"))).doesNotContain("/drumbeat whoami");
    }

    @Test
    void a_private_answer_whose_decision_is_recorded_is_redrawn_through_its_response_url_without_buttons()
            throws Exception {
        String daniel = "U0NWB02DR";
        JsonNode reply = post(
                "/sandbox/api/command",
                Map.of(
                        "userId",
                        daniel,
                        "channel",
                        "C0MARKETS",
                        "text",
                        "/drumbeat ask what can we deprioritise to save 50k a month?"));
        String ts = reply.path("ts").asText();
        JsonNode answer = find(messages(daniel, "C0MARKETS"), ts).orElseThrow();
        String askId = answer.path("blocks").findValues("value").stream()
                .map(JsonNode::asText)
                .findFirst()
                .orElseThrow();

        JsonNode clicked = post(
                "/sandbox/api/action",
                Map.of(
                        "userId",
                        daniel,
                        "type",
                        "button",
                        "actionId",
                        "ask-record",
                        "value",
                        askId,
                        "text",
                        "Record decision",
                        "channel",
                        "C0MARKETS",
                        "ts",
                        ts));

        assertThat(clicked.path("status").asInt()).isEqualTo(200);
        Await.until("the private answer redrawn", () -> redrawn(daniel, ts).contains("Recorded as decision #"));
        JsonNode redrawn = find(messages(daniel, "C0MARKETS"), ts).orElseThrow();
        assertThat(redrawn.path("edited").asBoolean()).isTrue();
        assertThat(redrawn.path("blocks").toString()).doesNotContain("ask-record", "ask-share");
        assertThat(demo.slack().calls("response_url")).anyMatch(SlackStandInCall::ok);
    }

    @Test
    void nobody_reads_someone_elses_dm_with_the_bot() throws Exception {
        String tomsDm = demo.slack().directChannelOf(TOM);
        post("/sandbox/api/command", Map.of("userId", TOM, "channel", tomsDm, "text", "/drumbeat help"));

        assertThat(texts(messages(TOM, tomsDm))).contains("/drumbeat help");
        assertThat(messages(GRACE, tomsDm)).isEmpty();
    }

    @Test
    void a_mention_shows_in_the_channel_and_the_bots_answer_is_a_reply_in_its_thread() throws Exception {
        JsonNode ack = post(
                "/sandbox/api/mention", Map.of("userId", GRACE, "channel", "C0INFRA", "text", "who owns payments?"));
        assertThat(ack.path("status").asInt()).isEqualTo(200);
        String ts = ack.path("ts").asText();

        JsonNode mention = find(messages(TOM, "C0INFRA"), ts).orElseThrow();
        assertThat(mention.path("author").asText()).isEqualTo(GRACE);
        assertThat(mention.path("ephemeral").asBoolean()).isFalse();
        Await.until(
                "the bot's answer in the thread",
                () -> replies(ts).stream().anyMatch(text -> text.contains("is owned by")));
    }

    @Test
    void a_select_on_a_bot_message_reaches_drumbeat_as_a_signed_block_action_and_is_acknowledged() throws Exception {
        Await.until(
                "an escalation with buttons in #leadership",
                () -> escalationMessage().isPresent());
        JsonNode message = escalationMessage().orElseThrow();
        String actionId =
                actionIdStartingWith(message.path("blocks"), "esc-open:").orElseThrow();

        JsonNode answer = post(
                "/sandbox/api/action",
                Map.of(
                        "userId",
                        GRACE,
                        "type",
                        "static_select",
                        "actionId",
                        actionId,
                        "blockId",
                        "pick",
                        "selected",
                        Map.of("value", "later", "text", "Later"),
                        "channel",
                        "C0LEADERS",
                        "ts",
                        message.path("ts").asText()));

        assertThat(answer.path("status").asInt()).isEqualTo(200);
        JsonNode unhandled = post(
                "/sandbox/api/action",
                Map.of(
                        "userId",
                        GRACE,
                        "type",
                        "static_select",
                        "actionId",
                        "nobody-listens",
                        "selected",
                        Map.of("value", "later"),
                        "channel",
                        "C0LEADERS",
                        "ts",
                        message.path("ts").asText()));
        assertThat(unhandled.path("status").asInt())
                .as("Bolt answers an action nobody handles with 404")
                .isEqualTo(404);
    }

    @Test
    void the_state_poll_carries_the_clock_the_sidebar_the_conversation_and_the_modal_the_bot_opened() throws Exception {
        post("/sandbox/api/command", Map.of("userId", TOM, "channel", "C0PAYMENTS", "text", "/drumbeat service add"));

        JsonNode state = get("/sandbox/api/state?userId=" + TOM + "&channel=C0PAYMENTS");

        assertThat(state.path("now").asText()).isNotBlank();
        assertThat(state.path("conversations").get(0).path("id").asText()).isEqualTo("D0NWB03TM");
        assertThat(texts(state.path("messages"))).contains("/drumbeat service add");
        assertThat(state.path("modal").path("title").path("text").asText()).isEqualTo("Add a service");
        assertThat(state.path("modal").path("id").asText()).startsWith("V");
        assertThat(state.path("calls").asInt()).isPositive();
    }

    @Test
    void the_page_and_its_scripts_are_served_with_the_ids_the_browser_tests_rely_on() throws Exception {
        String page = send(HttpRequest.newBuilder(uri("/sandbox")).GET()).body();
        assertThat(page)
                .contains(
                        "id=\"user\"",
                        "id=\"composer\"",
                        "id=\"text\"",
                        "id=\"messages\"",
                        "id=\"day\"",
                        "id=\"monday\"",
                        "id=\"now\"",
                        "id=\"conversation-title\"",
                        "id=\"thread\"",
                        "id=\"overlay\"",
                        "id=\"modal\"",
                        "/sandbox/sandbox.js",
                        "/sandbox/blocks.js");
        HttpResponse<String> script =
                send(HttpRequest.newBuilder(uri("/sandbox/sandbox.js")).GET());
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(script.body()).contains("/sandbox/api/");
        assertThat(send(HttpRequest.newBuilder(uri("/sandbox/secrets.txt")).GET())
                        .statusCode())
                .isEqualTo(404);
    }

    private static String redrawn(String userId, String ts) {
        try {
            return find(messages(userId, "C0MARKETS"), ts)
                    .orElseThrow()
                    .path("blocks")
                    .toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<JsonNode> find(JsonNode messages, String ts) {
        for (JsonNode message : messages) {
            if (message.path("ts").asText().equals(ts)) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private static List<String> replies(String threadTs) {
        try {
            List<String> replies = new ArrayList<>();
            for (JsonNode message : messages(TOM, "C0INFRA")) {
                if (message.path("threadTs").asText().equals(threadTs)
                        && message.path("kind").asText().equals("bot")) {
                    replies.add(message.path("text").asText());
                }
            }
            return replies;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<JsonNode> escalationMessage() {
        try {
            for (JsonNode message : messages(GRACE, "C0LEADERS")) {
                if (actionIdStartingWith(message.path("blocks"), "esc-open:").isPresent()) {
                    return Optional.of(message);
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> actionIdStartingWith(JsonNode blocks, String prefix) {
        for (JsonNode actionId : blocks.findValues("action_id")) {
            if (actionId.asText().startsWith(prefix)) {
                return Optional.of(actionId.asText());
            }
        }
        return Optional.empty();
    }
}
