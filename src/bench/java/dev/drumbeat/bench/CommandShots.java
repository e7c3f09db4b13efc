package dev.drumbeat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.SlackDriver;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One slash command, {@code /drumbeat <text>}, as Slack posts it, from the given people in turn. A response is right
 * when it is an ephemeral reply with blocks whose fallback text starts with the expected words. {@link #atFloor} sends
 * the very same bodies to the bare endpoint. Thread-safe.
 */
final class CommandShots implements LoadTarget {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String name;
    private final SignedPost post;
    private final String teamId;
    private final List<String> userIds;
    private final String text;
    private final String answerStartsWith;

    CommandShots(
            String name, SignedPost post, String teamId, List<String> userIds, String text, String answerStartsWith) {
        this.name = name;
        this.post = post;
        this.teamId = teamId;
        this.userIds = List.copyOf(userIds);
        this.text = text;
        this.answerStartsWith = answerStartsWith;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shot shot(int index) {
        return new Shot(post.of(body(index)), this::isAnswer);
    }

    /** The same bodies, signed the same way, posted to the floor. */
    LoadTarget atFloor(SignedPost floor) {
        return new LoadTarget() {
            @Override
            public String name() {
                return "bare Javalin (floor)";
            }

            @Override
            public Shot shot(int index) {
                return new Shot(floor.of(body(index)), body -> body.equals(FloorServer.ANSWER));
            }
        };
    }

    String body(int index) {
        String userId = userIds.get(index % userIds.size());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "unused-verification-token");
        form.put("team_id", teamId);
        form.put("team_domain", "ask-bench");
        form.put("channel_id", "C0GENERAL");
        form.put("channel_name", "general");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", "/drumbeat");
        form.put("text", text);
        form.put("api_app_id", "A0DRUMBEAT");
        form.put("is_enterprise_install", "false");
        form.put("response_url", "https://hooks.slack.com/commands/" + teamId + "/1/" + UUID.randomUUID());
        form.put(
                "trigger_id",
                System.currentTimeMillis() + "." + index + "."
                        + UUID.randomUUID().toString().replace("-", ""));
        return SlackDriver.formBody(form);
    }

    /** The reply's fallback text, or the body itself when it is not a reply. */
    static String text(String body) {
        try {
            return JSON.readTree(body).path("text").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    boolean isAnswer(String body) {
        try {
            JsonNode reply = JSON.readTree(body);
            return reply.path("response_type").asText().equals("ephemeral")
                    && reply.path("blocks").size() > 0
                    && reply.path("text").asText().startsWith(answerStartsWith);
        } catch (IOException e) {
            return false;
        }
    }
}
