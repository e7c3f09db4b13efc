package dev.drumbeat.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * What the sandbox page adds to its conversations that the bot's Web API calls do not: what people typed
 * (messages, mentions, slash commands) and the slash commands' answers, which Slack shows but never posts.
 * Thread-safe: every method is synchronized.
 */
final class SandboxTranscript {
    private final List<SandboxMessage> messages = new ArrayList<>();

    synchronized void add(SandboxMessage message) {
        messages.add(message);
    }

    synchronized List<SandboxMessage> in(String channel) {
        return messages.stream()
                .filter(message -> message.channel().equals(channel))
                .toList();
    }

    synchronized List<SandboxMessage> all() {
        return List.copyOf(messages);
    }

    /** Puts back what was typed before a restart, in place of anything held. */
    synchronized void restore(List<SandboxMessage> kept) {
        messages.clear();
        messages.addAll(kept);
    }
}
