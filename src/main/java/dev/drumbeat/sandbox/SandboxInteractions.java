package dev.drumbeat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * The page's clicks, sent to Drumbeat as Slack sends them: block_actions for buttons, selects, overflow menus and
 * date pickers (in messages, modals and the Home tab), view_submission for a modal's submit button, and
 * app_home_opened when the Home tab is opened.
 */
final class SandboxInteractions {
    private final SandboxWorkspace workspace;

    SandboxInteractions(SandboxWorkspace workspace) {
        this.workspace = workspace;
    }

    void action(Context ctx) {
        JsonNode click = SandboxHttp.body(ctx);
        SlackUser user = workspace.user(click.path("userId").asText());
        Optional<SandboxMessage> message = click.path("view").isObject()
                ? Optional.empty()
                : workspace
                        .feed()
                        .find(click.path("channel").asText(), click.path("ts").asText());
        String responseUrl = click.path("view").isObject()
                ? null
                : workspace
                        .slack()
                        .responseUrl(
                                click.path("channel").asText(),
                                user.userId(),
                                click.path("ts").asText());
        Map<String, Object> payload = SandboxBlockActions.payload(
                workspace.teamId(), user, click, message, workspace.slack().mintTs(), responseUrl);
        ctx.json(SandboxHttp.answer(workspace.driver().get().interaction(payload)));
    }

    void submit(Context ctx) {
        JsonNode request = SandboxHttp.body(ctx);
        SlackUser user = workspace.user(request.path("userId").asText());
        Map<String, Object> payload =
                SandboxViews.submission(workspace.teamId(), user, request.path("view"), request.path("values"));
        ctx.json(SandboxHttp.answer(workspace.driver().get().interaction(payload)));
    }

    /** Opening the Home tab: Slack's app_home_opened event; the tab is published soon after (GET to read it). */
    void openHome(Context ctx) {
        SlackUser user = workspace.user(SandboxHttp.body(ctx).path("userId").asText());
        String channel = workspace.slack().directChannelOf(user.userId());
        ctx.json(SandboxHttp.answer(workspace
                .driver()
                .get()
                .event(SandboxViews.homeOpened(
                        workspace.teamId(), user, channel, workspace.slack().mintTs()))));
    }
}
