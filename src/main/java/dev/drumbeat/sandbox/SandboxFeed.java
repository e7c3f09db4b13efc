package dev.drumbeat.sandbox;

import dev.drumbeat.sandbox.standin.SlackStandIn;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A person's view of the sandbox's conversations: the bot's messages from the Slack stand-in merged with the
 * page's own transcript, in timestamp order, without anyone else's ephemeral messages. Thread-safe.
 */
final class SandboxFeed {
    private static final Comparator<SandboxMessage> BY_TS =
            Comparator.comparing(message -> new BigDecimal(message.ts()));
    private final SlackStandIn slack;
    private final SandboxTranscript transcript;

    SandboxFeed(SlackStandIn slack, SandboxTranscript transcript) {
        this.slack = slack;
        this.transcript = transcript;
    }

    /** Messages in a channel the person can see, thread replies included, oldest first. */
    List<SandboxMessage> visible(String userId, String channel) {
        Stream<SandboxMessage> posted = slack.messages(channel).stream().map(SandboxMessage::of);
        return Stream.concat(posted, typed(channel))
                .filter(message -> message.isVisibleTo(userId))
                .sorted(BY_TS)
                .toList();
    }

    /** How many messages the person can see in each channel that has any. */
    Map<String, Long> counts(String userId) {
        Stream<SandboxMessage> posted =
                slack.conversations().values().stream().flatMap(List::stream).map(SandboxMessage::of);
        return Stream.concat(posted, transcript.all().stream())
                .filter(message -> message.isVisibleTo(userId))
                .collect(Collectors.groupingBy(SandboxMessage::channel, Collectors.counting()));
    }

    /** The message a click came from, whoever can see it. */
    Optional<SandboxMessage> find(String channel, String ts) {
        Stream<SandboxMessage> posted = slack.messages(channel).stream().map(SandboxMessage::of);
        return Stream.concat(posted, typed(channel))
                .filter(message -> message.ts().equals(ts))
                .findFirst();
    }

    /** The page's own messages in the channel, as response_urls have replaced or deleted them since. */
    private Stream<SandboxMessage> typed(String channel) {
        return transcript.in(channel).stream()
                .flatMap(message -> slack.replacement(channel, message.ts())
                        .map(r -> r.deleted()
                                ? Stream.<SandboxMessage>empty()
                                : Stream.of(message.replacedBy(r.text(), r.blocks())))
                        .orElseGet(() -> Stream.of(message)));
    }
}
