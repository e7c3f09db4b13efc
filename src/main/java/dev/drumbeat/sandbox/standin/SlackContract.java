package dev.drumbeat.sandbox.standin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Slack's documented contract for the Web API methods Drumbeat calls, written down as our own compact table:
 * bot scopes, rate tier, whether a JSON body is read, and the error Slack answers when a required argument
 * is missing. The facts come from Slack's method reference (docs.slack.dev/reference/methods) and its
 * corrections (views.open needs trigger_id or interactivity_pointer; chat.* need text, blocks or attachments).
 */
public final class SlackContract {

    /** A method's entry. Any one of {@code botScopes} is enough; an empty list means no scope is needed. */
    public record Method(
            String name,
            List<String> botScopes,
            String rateTier,
            boolean readsJsonBody,
            List<Requirement> requirements) {}

    /** At least one of {@code anyOf} must be present, or Slack answers {@code error}. */
    record Requirement(List<String> anyOf, String error) {}

    private static final List<String> MESSAGE_CONTENT = List.of("text", "blocks", "attachments", "markdown_text");
    private static final List<String> TRIGGER = List.of("trigger_id", "interactivity_pointer");

    private static final Map<String, Method> METHODS = Stream.of(
                    method("auth.test", List.of(), "special", true),
                    method(
                            "chat.postMessage",
                            List.of("chat:write"),
                            "special",
                            true,
                            need("channel", "channel_not_found"),
                            need(MESSAGE_CONTENT, "no_text")),
                    method(
                            "chat.postEphemeral",
                            List.of("chat:write"),
                            "tier4",
                            true,
                            need("channel", "channel_not_found"),
                            need("user", "user_not_in_channel"),
                            need(MESSAGE_CONTENT, "no_text")),
                    method(
                            "chat.update",
                            List.of("chat:write"),
                            "tier3",
                            true,
                            need("channel", "channel_not_found"),
                            need("ts", "message_not_found"),
                            need(MESSAGE_CONTENT, "no_text")),
                    method(
                            "chat.delete",
                            List.of("chat:write"),
                            "tier3",
                            true,
                            need("channel", "channel_not_found"),
                            need("ts", "message_not_found")),
                    method(
                            "conversations.open",
                            List.of("im:write", "mpim:write", "channels:manage", "groups:write"),
                            "tier3",
                            true,
                            need(List.of("users", "channel"), "users_list_not_supplied")),
                    method(
                            "conversations.history",
                            List.of("channels:history", "groups:history", "im:history", "mpim:history"),
                            "tier3",
                            true,
                            need("channel", "channel_not_found")),
                    method(
                            "conversations.replies",
                            List.of("channels:history", "groups:history", "im:history", "mpim:history"),
                            "tier3",
                            true,
                            need("channel", "channel_not_found"),
                            need("ts", "thread_not_found")),
                    method(
                            "views.open",
                            List.of(),
                            "tier4",
                            true,
                            need(TRIGGER, "invalid_arguments"),
                            need("view", "invalid_arguments")),
                    method(
                            "views.update",
                            List.of(),
                            "tier4",
                            true,
                            need(List.of("view_id", "external_id"), "invalid_arguments"),
                            need("view", "invalid_arguments")),
                    method(
                            "views.push",
                            List.of(),
                            "tier4",
                            true,
                            need(TRIGGER, "invalid_arguments"),
                            need("view", "invalid_arguments")),
                    method(
                            "views.publish",
                            List.of(),
                            "tier4",
                            true,
                            need("user_id", "invalid_arguments"),
                            need("view", "invalid_arguments")),
                    method("users.info", List.of("users:read"), "tier4", false, need("user", "user_not_found")),
                    method("users.list", List.of("users:read"), "tier2", false))
            .collect(Collectors.toUnmodifiableMap(Method::name, Function.identity()));

    private SlackContract() {}

    public static Optional<Method> find(String methodName) {
        return Optional.ofNullable(METHODS.get(methodName));
    }

    private static Method method(
            String name, List<String> botScopes, String tier, boolean json, Requirement... requirements) {
        return new Method(name, botScopes, tier, json, List.of(requirements));
    }

    private static Requirement need(String arg, String error) {
        return new Requirement(List.of(arg), error);
    }

    private static Requirement need(List<String> anyOf, String error) {
        return new Requirement(anyOf, error);
    }
}
