package dev.drumbeat.sandbox.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers chat.postMessage, chat.postEphemeral, chat.update, chat.delete and conversations.open the way Slack
 * does once a call has passed the contract check: Block Kit limits first, then the effect and Slack's reply.
 * People nobody added are accepted (the stand-in does not know the whole workspace); deactivated ones are not.
 */
final class SlackStandInChat {

    private static final int MAX_GROUP_DM_USERS = 8;

    private final SlackStandInConversations conversations;
    private final SlackStandInUsers users;

    SlackStandInChat(SlackStandInConversations conversations, SlackStandInUsers users) {
        this.conversations = conversations;
        this.users = users;
    }

    void register(Map<String, Function<SlackStandInArgs, SlackStandInAnswer>> handlers) {
        handlers.put(
                "chat.postMessage",
                args -> refuseBlocks(args).or(() -> refuseMetadata(args)).orElseGet(() -> postMessage(args)));
        handlers.put("chat.postEphemeral", args -> refuseBlocks(args).orElseGet(() -> postEphemeral(args)));
        handlers.put("chat.update", args -> refuseBlocks(args).orElseGet(() -> update(args)));
        handlers.put("chat.delete", this::delete);
        handlers.put("conversations.open", this::open);
    }

    private SlackStandInAnswer postMessage(SlackStandInArgs args) {
        String channel = SlackStandInConversations.resolveChannel(args.string("channel"));
        SlackStandInMessage message = conversations.post(
                channel, args.string("thread_ts"), args.string("text"), blocksOf(args), null, metadataOf(args));
        return SlackStandInAnswer.ok(Map.of("channel", channel, "ts", message.ts(), "message", shape(message)));
    }

    private SlackStandInAnswer postEphemeral(SlackStandInArgs args) {
        String channel = SlackStandInConversations.resolveChannel(args.string("channel"));
        SlackStandInMessage message = conversations.post(
                channel, args.string("thread_ts"), args.string("text"), blocksOf(args), args.string("user"));
        return SlackStandInAnswer.ok(Map.of("message_ts", message.ts()));
    }

    private SlackStandInAnswer update(SlackStandInArgs args) {
        String channel = SlackStandInConversations.resolveChannel(args.string("channel"));
        Optional<SlackStandInMessage> edited =
                conversations.edit(channel, args.string("ts"), args.string("text"), blocksOf(args));
        return edited.map(message -> SlackStandInAnswer.ok(Map.of(
                        "channel", channel, "ts", message.ts(), "text", textOf(message), "message", shape(message))))
                .orElseGet(() -> SlackStandInAnswer.error("message_not_found"));
    }

    private SlackStandInAnswer delete(SlackStandInArgs args) {
        String channel = SlackStandInConversations.resolveChannel(args.string("channel"));
        if (!conversations.delete(channel, args.string("ts"))) {
            return SlackStandInAnswer.error("message_not_found");
        }
        return SlackStandInAnswer.ok(Map.of("channel", channel, "ts", args.string("ts")));
    }

    private SlackStandInAnswer open(SlackStandInArgs args) {
        List<String> people = args.ids("users");
        if (people.size() > MAX_GROUP_DM_USERS) {
            return SlackStandInAnswer.error("too_many_users");
        }
        if (people.stream().anyMatch(users::isDeactivated)) {
            return SlackStandInAnswer.error("user_disabled");
        }
        String channel = people.isEmpty() ? args.string("channel") : SlackStandInConversations.directChannelFor(people);
        boolean alreadyOpen = conversations.open(channel);
        Map<String, Object> shape = new LinkedHashMap<>(Map.of("id", channel));
        if (args.flag("return_im") && people.size() == 1) {
            shape.putAll(Map.of("is_im", true, "user", people.get(0), "is_open", true));
        }
        SlackStandInAnswer answer = SlackStandInAnswer.ok(Map.of("channel", shape));
        return alreadyOpen ? answer.with("no_op", true).with("already_open", true) : answer;
    }

    /** invalid_blocks_format when blocks are not a JSON array; invalid_blocks, explained, when they break a limit. */
    private static Optional<SlackStandInAnswer> refuseBlocks(SlackStandInArgs args) {
        Object blocks = args.raw("blocks");
        if (blocks == null || "".equals(blocks)) {
            return Optional.empty();
        }
        if (!(blocks instanceof List<?>)) {
            return Optional.of(SlackStandInAnswer.error("invalid_blocks_format"));
        }
        List<String> violations = BlockKitLimits.checkMessage(blocks);
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        List<String> errors = violations.stream()
                .map(violation -> violation.replace("[ERROR] ", ""))
                .toList();
        return Optional.of(
                SlackStandInAnswer.error("invalid_blocks", violations).with("errors", errors));
    }

    /**
     * Slack's checks of message metadata: a JSON object ({@code invalid_metadata_format}) with a string
     * {@code event_type} of letters, digits and underscores and an object {@code event_payload}
     * ({@code invalid_metadata_schema}).
     */
    private static Optional<SlackStandInAnswer> refuseMetadata(SlackStandInArgs args) {
        Object metadata = args.raw("metadata");
        if (metadata == null || "".equals(metadata)) {
            return Optional.empty();
        }
        if (!(metadata instanceof Map<?, ?> object)) {
            return Optional.of(SlackStandInAnswer.error("invalid_metadata_format"));
        }
        boolean typed = object.get("event_type") instanceof String type && type.matches("[A-Za-z0-9_]{1,255}");
        boolean payload = object.get("event_payload") instanceof Map<?, ?>;
        return typed && payload ? Optional.empty() : Optional.of(SlackStandInAnswer.error("invalid_metadata_schema"));
    }

    /** Message metadata as Slack keeps it: an object with {@code event_type} and {@code event_payload}. */
    private static Object metadataOf(SlackStandInArgs args) {
        return args.raw("metadata") instanceof Map<?, ?> metadata ? metadata : null;
    }

    private static Object blocksOf(SlackStandInArgs args) {
        return args.raw("blocks") instanceof List<?> blocks ? blocks : null;
    }

    private static String textOf(SlackStandInMessage message) {
        return message.text() == null ? "" : message.text();
    }

    /** The message object Slack echoes back: posted by the bot, with its blocks as sent. */
    private static Map<String, Object> shape(SlackStandInMessage message) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("type", "message");
        shape.put("user", SlackStandIn.BOT_USER_ID);
        shape.put("bot_id", SlackStandIn.BOT_ID);
        shape.put("app_id", SlackStandIn.APP_ID);
        shape.put("team", SlackStandIn.TEAM_ID);
        shape.put("ts", message.ts());
        shape.put("text", textOf(message));
        if (message.blocks() != null) {
            shape.put("blocks", message.blocks());
        }
        if (message.threadTs() != null) {
            shape.put("thread_ts", message.threadTs());
        }
        return shape;
    }
}
