package dev.drumbeat.sandbox;

import dev.drumbeat.sandbox.standin.SlackStandInCall;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the page polls: a person's sidebar, the messages they can see in a conversation, the modal last shown to
 * them, their Home tab, and the raw Web API calls the bot made. One {@code state} call carries what the page needs
 * each second, so polling stays cheap.
 */
final class SandboxReads {
    private final SandboxWorkspace workspace;
    private final SandboxConversations conversations;

    SandboxReads(SandboxWorkspace workspace, SandboxConversations conversations) {
        this.workspace = workspace;
        this.conversations = conversations;
    }

    void conversations(Context ctx) {
        ctx.json(conversations.forUser(userId(ctx)));
    }

    void messages(Context ctx) {
        ctx.json(Map.of("messages", visible(userId(ctx), ctx.queryParam("channel"))));
    }

    void modal(Context ctx) {
        ctx.json(Collections.singletonMap("view", modalOf(userId(ctx))));
    }

    void home(Context ctx) {
        ctx.json(Map.of(
                "view",
                workspace
                        .slack()
                        .homeView(ctx.queryParam("userId"))
                        .map(SandboxHttp::parse)
                        .map(Object.class::cast)
                        .orElse(Map.of())));
    }

    /** Everything the page refreshes each second: the clock, the sidebar, the open conversation, the last modal. */
    void state(Context ctx) {
        String userId = userId(ctx);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("now", workspace.clock().now().toString());
        state.put("conversations", conversations.forUser(userId));
        state.put("messages", visible(userId, ctx.queryParam("channel")));
        state.put("modal", modalOf(userId));
        state.put("calls", workspace.slack().calls().size());
        ctx.json(state);
    }

    /** The bot's Web API calls, from {@code since} on when given, and every conversation as the stand-in holds it. */
    void activity(Context ctx) {
        List<SlackStandInCall> calls = workspace.slack().calls();
        int since = Math.min(calls.size(), Math.max(0, parseOrZero(ctx.queryParam("since"))));
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("total", calls.size());
        activity.put(
                "calls",
                calls.subList(since, calls.size()).stream()
                        .map(SandboxViews::call)
                        .toList());
        if (ctx.queryParam("since") == null) {
            activity.put("conversations", workspace.slack().conversations());
        }
        ctx.json(activity);
    }

    private List<SandboxMessage> visible(String userId, String channel) {
        return conversations.mayRead(userId, channel) ? workspace.feed().visible(userId, channel) : List.of();
    }

    private Object modalOf(String userId) {
        return workspace
                .slack()
                .lastOpenedView(userId)
                .map(SandboxHttp::parse)
                .map(Object.class::cast)
                .orElse(null);
    }

    private static String userId(Context ctx) {
        String userId = ctx.queryParam("userId");
        return userId == null ? "" : userId;
    }

    private static int parseOrZero(String number) {
        try {
            return number == null ? 0 : Integer.parseInt(number);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
