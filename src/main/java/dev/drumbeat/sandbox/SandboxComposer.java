package dev.drumbeat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import io.javalin.http.Context;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's message box: {@code /drumbeat …} goes to Drumbeat as a slash command typed in the conversation,
 * {@code @Drumbeat …} as an app_mention event there, anything else is just said. What was typed, and a slash
 * command's answer, go into the sandbox's transcript so the conversation shows them as Slack would; a command's
 * response_url is the stand-in's for that answer, so an answer that comes later replaces it there.
 */
final class SandboxComposer {
    private static final String DEFAULT_CHANNEL = "C0SANDBOX";
    private final SandboxWorkspace workspace;

    SandboxComposer(SandboxWorkspace workspace) {
        this.workspace = workspace;
    }

    void command(Context ctx) {
        JsonNode request = SandboxHttp.body(ctx);
        SlackUser user = workspace.user(request.path("userId").asText());
        String channel = request.path("channel").asText(DEFAULT_CHANNEL);
        String text = request.path("text")
                .asText()
                .replaceFirst("^\\s*/drumbeat\\b", "")
                .strip();
        workspace
                .transcript()
                .add(SandboxMessage.typed(
                        channel, workspace.slack().mintTs(), user.userId(), ("/drumbeat " + text).strip()));
        String ts = workspace.slack().mintTs();
        HttpResponse<String> response = workspace
                .driver()
                .get()
                .command(user, channel, text, workspace.slack().responseUrl(channel, user.userId(), ts));
        Map<String, Object> answer = new LinkedHashMap<>(SandboxHttp.answer(response));
        if (answer.get("body") instanceof JsonNode body && body.isObject()) {
            boolean inChannel = body.path("response_type").asText().equals("in_channel");
            Object blocks = body.has("blocks") ? body.get("blocks") : null;
            workspace
                    .transcript()
                    .add(SandboxMessage.answer(
                            channel, ts, user.userId(), body.path("text").asText(""), blocks, inChannel));
            answer.put("ts", ts);
        }
        ctx.json(answer);
    }

    /** "@Drumbeat …": Slack's app_mention event; the answer comes later, in the thread. */
    void mention(Context ctx) {
        JsonNode request = SandboxHttp.body(ctx);
        SlackUser user = workspace.user(request.path("userId").asText());
        String channel = request.path("channel").asText(DEFAULT_CHANNEL);
        String threadTs =
                request.hasNonNull("threadTs") ? request.path("threadTs").asText() : null;
        String text =
                "<@" + SlackStandIn.BOT_USER_ID + "> " + request.path("text").asText("");
        String ts = workspace.slack().mintTs();
        workspace.transcript().add(SandboxMessage.said(channel, ts, threadTs, user.userId(), text));
        Map<String, Object> answer = new LinkedHashMap<>(SandboxHttp.answer(workspace
                .driver()
                .get()
                .event(SandboxViews.mention(workspace.teamId(), user, channel, text, ts, threadTs))));
        answer.put("ts", ts);
        ctx.json(answer);
    }

    /** A plain message: Drumbeat does not listen to those, so it only shows in the conversation. */
    void say(Context ctx) {
        JsonNode request = SandboxHttp.body(ctx);
        SlackUser user = workspace.user(request.path("userId").asText());
        String threadTs =
                request.hasNonNull("threadTs") ? request.path("threadTs").asText() : null;
        String ts = workspace.slack().mintTs();
        workspace
                .transcript()
                .add(SandboxMessage.said(
                        request.path("channel").asText(DEFAULT_CHANNEL),
                        ts,
                        threadTs,
                        user.userId(),
                        request.path("text").asText("")));
        ctx.json(Map.of("ts", ts));
    }
}
