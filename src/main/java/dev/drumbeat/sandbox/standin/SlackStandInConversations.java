package dev.drumbeat.sandbox.standin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stand-in workspace's conversations: messages per channel in posting order, the message timestamps
 * Slack would mint, and direct-message channels. Thread-safe: every method is synchronized.
 */
final class SlackStandInConversations {

    private final Clock clock;
    private final Map<String, List<SlackStandInMessage>> messagesByChannel = new LinkedHashMap<>();
    private final Set<String> openedChannels = new HashSet<>();
    private long lastMicros;

    SlackStandInConversations(Clock clock) {
        this.clock = clock;
    }

    /** Slack's DM id for a set of people: stable, "D…" for one person, "G…" for a group DM. */
    static String directChannelFor(List<String> userIds) {
        if (userIds.size() == 1) {
            String user = userIds.get(0);
            return "D" + (user.startsWith("U") || user.startsWith("W") ? user.substring(1) : user.toUpperCase());
        }
        String members = String.join(",", new TreeSet<>(userIds));
        return "G" + Integer.toHexString(members.hashCode()).toUpperCase();
    }

    /** Posting to a user id lands in the bot's DM with that person, as it does in Slack. */
    static String resolveChannel(String channel) {
        boolean isUser = channel.startsWith("U") || channel.startsWith("W");
        return isUser ? directChannelFor(List.of(channel)) : channel;
    }

    /** Marks the channel open and tells whether it already was. */
    synchronized boolean open(String channel) {
        return !openedChannels.add(channel);
    }

    synchronized SlackStandInMessage post(String channel, String threadTs, String text, Object blocks, String user) {
        return post(channel, threadTs, text, blocks, user, null);
    }

    synchronized SlackStandInMessage post(
            String channel, String threadTs, String text, Object blocks, String user, Object metadata) {
        SlackStandInMessage message =
                new SlackStandInMessage(channel, nextTs(), threadTs, text, blocks, user, user != null, false, metadata);
        messagesByChannel.computeIfAbsent(channel, key -> new ArrayList<>()).add(message);
        return message;
    }

    /** Replaces text and blocks of a visible message in place; null keeps what the message had. */
    synchronized Optional<SlackStandInMessage> edit(String channel, String ts, String text, Object blocks) {
        List<SlackStandInMessage> messages = messagesByChannel.getOrDefault(channel, List.of());
        for (int i = 0; i < messages.size(); i++) {
            SlackStandInMessage old = messages.get(i);
            if (old.ts().equals(ts) && !old.ephemeral()) {
                SlackStandInMessage edited =
                        old.edit(text != null ? text : old.text(), blocks != null ? blocks : old.blocks());
                messages.set(i, edited);
                return Optional.of(edited);
            }
        }
        return Optional.empty();
    }

    /** Replaces text and blocks of any message, ephemeral too, as a response_url may; empty when there is none. */
    synchronized Optional<SlackStandInMessage> replace(String channel, String ts, String text, Object blocks) {
        List<SlackStandInMessage> messages = messagesByChannel.getOrDefault(channel, List.of());
        for (int i = 0; i < messages.size(); i++) {
            SlackStandInMessage old = messages.get(i);
            if (old.ts().equals(ts)) {
                SlackStandInMessage edited = old.edit(text, blocks);
                messages.set(i, edited);
                return Optional.of(edited);
            }
        }
        return Optional.empty();
    }

    /** Removes any message, ephemeral too, as a response_url may; false when there is none. */
    synchronized boolean remove(String channel, String ts) {
        return messagesByChannel
                .getOrDefault(channel, new ArrayList<>())
                .removeIf(message -> message.ts().equals(ts));
    }

    synchronized boolean delete(String channel, String ts) {
        return messagesByChannel
                .getOrDefault(channel, new ArrayList<>())
                .removeIf(message -> message.ts().equals(ts) && !message.ephemeral());
    }

    synchronized List<SlackStandInMessage> messages(String channel) {
        return List.copyOf(messagesByChannel.getOrDefault(channel, List.of()));
    }

    synchronized Map<String, List<SlackStandInMessage>> all() {
        Map<String, List<SlackStandInMessage>> copy = new LinkedHashMap<>();
        messagesByChannel.forEach((channel, messages) -> copy.put(channel, List.copyOf(messages)));
        return copy;
    }

    /** Forgets every message and open conversation; timestamps stay later than any handed out. */
    synchronized void clear() {
        messagesByChannel.clear();
        openedChannels.clear();
    }

    /** Every message, conversation opened and the last timestamp handed out, for a restart to put back. */
    synchronized SlackStandInHistory history(Map<String, SlackStandInResponses.Replacement> replaced) {
        List<SlackStandInMessage> messages =
                messagesByChannel.values().stream().flatMap(List::stream).toList();
        return new SlackStandInHistory(messages, List.copyOf(new TreeSet<>(openedChannels)), ts(lastMicros), replaced);
    }

    /** Puts back what {@link #history} kept, in place of anything held; timestamps go on after its last one. */
    synchronized void restore(SlackStandInHistory history) {
        clear();
        history.messages()
                .forEach(message -> messagesByChannel
                        .computeIfAbsent(message.channel(), key -> new ArrayList<>())
                        .add(message));
        openedChannels.addAll(history.openedChannels());
        String[] parts = history.lastTs().split("\\.");
        lastMicros = Math.max(lastMicros, Long.parseLong(parts[0]) * 1_000_000L + Long.parseLong(parts[1]));
    }

    /** A timestamp from the same sequence as posted messages, for messages the sandbox page adds itself. */
    synchronized String mintTs() {
        return nextTs();
    }

    /** Slack's "seconds.micros" timestamp, strictly increasing even when the clock stands still. */
    private String nextTs() {
        Instant now = clock.instant();
        long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
        lastMicros = Math.max(nowMicros, lastMicros + 1);
        return ts(lastMicros);
    }

    private static String ts(long micros) {
        return String.format("%d.%06d", micros / 1_000_000L, micros % 1_000_000L);
    }
}
