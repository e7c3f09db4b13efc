package dev.drumbeat.sandbox.standin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers conversations.history and conversations.replies the way Slack does for a bot: the scope needed depends on
 * the conversation's kind (a public channel needs {@code channels:history}, a DM {@code im:history}, a private
 * channel or group DM {@code groups:history} or {@code mpim:history}); a user id is not a conversation
 * ({@code channel_not_found}), while any conversation id is taken to exist, as the stand-in's posts do; history lists a channel's top-level messages newest first, replies a thread's parent
 * and replies oldest first; {@code oldest}/{@code latest} bound the timestamps (exclusive unless {@code inclusive}),
 * {@code limit} pages with a cursor, and metadata is shown only with {@code include_all_metadata}. Ephemeral
 * messages are never in history.
 */
final class SlackStandInHistoryMethods {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 999;

    private final SlackStandInConversations conversations;
    private final SlackContractCheck contract;

    SlackStandInHistoryMethods(SlackStandInConversations conversations, SlackContractCheck contract) {
        this.conversations = conversations;
        this.contract = contract;
    }

    void register(Map<String, Function<SlackStandInArgs, SlackStandInAnswer>> handlers) {
        handlers.put("conversations.history", args -> refuse(args).orElseGet(() -> history(args)));
        handlers.put("conversations.replies", args -> refuse(args).orElseGet(() -> replies(args)));
    }

    private Optional<SlackStandInAnswer> refuse(SlackStandInArgs args) {
        String channel = args.string("channel");
        if (channel.startsWith("U") || channel.startsWith("W")) {
            return Optional.of(SlackStandInAnswer.error("channel_not_found"));
        }
        List<String> scopes = switch (channel.charAt(0)) {
            case 'D' -> List.of("im:history");
            case 'G' -> List.of("groups:history", "mpim:history");
            default -> List.of("channels:history");
        };
        return contract.refuseUnlessGranted(scopes);
    }

    private SlackStandInAnswer history(SlackStandInArgs args) {
        List<SlackStandInMessage> topLevel = conversations.messages(args.string("channel")).stream()
                .filter(message -> !message.ephemeral())
                .filter(message ->
                        message.threadTs() == null || message.threadTs().equals(message.ts()))
                .filter(message -> within(message, args))
                .sorted(Comparator.comparing((SlackStandInMessage message) -> new BigDecimal(message.ts()))
                        .reversed())
                .toList();
        return page(topLevel, args);
    }

    private SlackStandInAnswer replies(SlackStandInArgs args) {
        String parent = args.string("ts");
        List<SlackStandInMessage> thread = conversations.messages(args.string("channel")).stream()
                .filter(message -> !message.ephemeral())
                .filter(message -> message.ts().equals(parent) || parent.equals(message.threadTs()))
                .toList();
        if (thread.stream().noneMatch(message -> message.ts().equals(parent))) {
            return SlackStandInAnswer.error("thread_not_found");
        }
        List<SlackStandInMessage> bounded = thread.stream()
                .filter(message -> message.ts().equals(parent) || within(message, args))
                .sorted(Comparator.comparing(message -> new BigDecimal(message.ts())))
                .toList();
        return page(bounded, args);
    }

    private static boolean within(SlackStandInMessage message, SlackStandInArgs args) {
        BigDecimal ts = new BigDecimal(message.ts());
        boolean inclusive = args.flag("inclusive");
        String oldest = args.string("oldest");
        String latest = args.string("latest");
        if (oldest != null) {
            int order = ts.compareTo(new BigDecimal(oldest));
            if (order < 0 || (order == 0 && !inclusive)) {
                return false;
            }
        }
        if (latest != null) {
            int order = ts.compareTo(new BigDecimal(latest));
            return order < 0 || (order == 0 && inclusive);
        }
        return true;
    }

    /** One page from the cursor (an offset here; Slack's is opaque), with has_more and next_cursor. */
    private static SlackStandInAnswer page(List<SlackStandInMessage> messages, SlackStandInArgs args) {
        int limit = Math.max(1, Math.min(MAX_LIMIT, args.number("limit", DEFAULT_LIMIT)));
        int from = args.number("cursor", 0);
        int to = Math.min(messages.size(), from + limit);
        boolean metadata = args.flag("include_all_metadata");
        List<Map<String, Object>> shaped = new ArrayList<>();
        for (SlackStandInMessage message : messages.subList(Math.min(from, messages.size()), to)) {
            shaped.add(shape(message, metadata));
        }
        boolean more = to < messages.size();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", shaped);
        body.put("has_more", more);
        body.put("response_metadata", Map.of("next_cursor", more ? String.valueOf(to) : ""));
        return SlackStandInAnswer.ok(body);
    }

    private static Map<String, Object> shape(SlackStandInMessage message, boolean withMetadata) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("type", "message");
        shape.put("user", SlackStandIn.BOT_USER_ID);
        shape.put("bot_id", SlackStandIn.BOT_ID);
        shape.put("app_id", SlackStandIn.APP_ID);
        shape.put("ts", message.ts());
        shape.put("text", message.text() == null ? "" : message.text());
        if (message.threadTs() != null) {
            shape.put("thread_ts", message.threadTs());
        }
        if (withMetadata && message.metadata() != null) {
            shape.put("metadata", message.metadata());
        }
        return shape;
    }
}
