package dev.drumbeat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.standin.SlackContract;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * bot-manifest.json is a valid v1 Slack app manifest and asks for exactly the scopes Drumbeat uses. The
 * Slack stand-in enforces the other half at run time: a call whose scope the manifest lacks is refused
 * with missing_scope, and {@code TestDrumbeat} fails any test that provoked one.
 */
class BotManifestTest {
    /** Web API methods Drumbeat calls today. Add a method here when the code starts calling it. */
    static final List<String> METHODS_CALLED = List.of(
            "auth.test",
            "views.open",
            "users.list",
            "users.info",
            "chat.update",
            "chat.postMessage",
            "chat.postEphemeral",
            "views.publish",
            "conversations.open",
            "conversations.history",
            "conversations.replies");
    /**
     * History is read to confirm a message interrupted mid-send, in every kind of conversation Drumbeat posts to:
     * public and private channels and DMs, each needing its own scope.
     */
    static final List<String> HISTORY_SCOPES = List.of("channels:history", "groups:history", "im:history");
    /** Scopes Slack requires to deliver each subscribed event. */
    static final Map<String, String> EVENT_SCOPES =
            Map.of("app_home_opened", "", "app_mention", "app_mentions:read", "user_change", "users:read");

    private static JsonNode manifest() throws Exception {
        return new ObjectMapper().readTree(Files.readString(Path.of("bot-manifest.json")));
    }

    @Test
    void it_is_a_version_one_manifest_within_slacks_limits() throws Exception {
        JsonNode m = manifest();
        assertThat(m.path("_metadata").path("major_version").asInt()).isEqualTo(1);
        assertThat(fields(m)).isSubsetOf("_metadata", "display_information", "features", "oauth_config", "settings");
        JsonNode info = m.path("display_information");
        assertThat(info.path("name").asText()).hasSizeBetween(1, 35);
        assertThat(info.path("description").asText()).hasSizeBetween(1, 140);
        assertThat(info.path("long_description").asText()).hasSizeBetween(175, 4000);
        assertThat(info.path("background_color").asText()).matches("^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$");
        assertThat(m.path("features").path("bot_user").path("display_name").asText())
                .hasSizeBetween(1, 80);
    }

    @Test
    void the_command_interactivity_and_events_all_arrive_on_one_url() throws Exception {
        JsonNode m = manifest();
        JsonNode command = m.path("features").path("slash_commands").get(0);
        assertThat(command.path("command").asText()).isEqualTo("/drumbeat");
        assertThat(command.path("usage_hint").asText()).contains("status <service>");
        assertThat(command.path("should_escape").asBoolean())
                .as("mentions arrive as <@U…|name>")
                .isTrue();
        JsonNode settings = m.path("settings");
        assertThat(settings.path("interactivity").path("is_enabled").asBoolean())
                .isTrue();
        assertThat(List.of(
                        command.path("url").asText(),
                        settings.path("interactivity").path("request_url").asText(),
                        settings.path("event_subscriptions").path("request_url").asText()))
                .allSatisfy(url -> assertThat(url).matches("^https://.+/slack/events$"));
        assertThat(m.path("features").path("app_home").path("home_tab_enabled").asBoolean())
                .isTrue();
        assertThat(texts(settings.path("event_subscriptions").path("bot_events")))
                .containsExactlyInAnyOrderElementsOf(EVENT_SCOPES.keySet());
    }

    @Test
    void the_bot_scopes_are_exactly_those_the_command_events_and_methods_need() throws Exception {
        Set<String> needed = new TreeSet<>(Set.of("commands"));
        EVENT_SCOPES.values().stream().filter(s -> !s.isEmpty()).forEach(needed::add);
        for (String method : METHODS_CALLED) {
            List<String> scopes = SlackContract.find(method).orElseThrow().botScopes();
            if (method.startsWith("conversations.") && !method.equals("conversations.open")) {
                assertThat(scopes).containsAll(HISTORY_SCOPES);
                needed.addAll(HISTORY_SCOPES);
            } else if (!scopes.isEmpty()) {
                needed.add(scopes.get(0));
            }
        }
        assertThat(texts(manifest().path("oauth_config").path("scopes").path("bot")))
                .containsExactlyInAnyOrderElementsOf(needed);
        assertThat(SlackStandIn.manifestScopes()).containsExactlyInAnyOrderElementsOf(needed);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
