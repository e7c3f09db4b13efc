package dev.drumbeat.slack.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out whether a post whose call began but was never answered (its sender died mid-call, or the call timed
 * out) reached Slack: looks for its outbox key in the metadata of the conversation's messages since the call began
 * ({@code conversations.history}, or {@code conversations.replies} for a thread reply; a DM to a person is looked up
 * in the bot's DM with them, through {@code conversations.open}). Found: it was sent, with that {@code ts}. Not
 * there: it never arrived and may be sent. A lookup Slack fails or rate-limits is an outcome like any call's, tried
 * again later. A conversation Drumbeat cannot read (not found, no history scope granted yet) is taken as not there,
 * and said in the log, since a message lost is worse than one seen twice. Thread-safe.
 */
final class OutboxSenderLookup {
    private static final Logger log = LoggerFactory.getLogger(OutboxSenderLookup.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slack's clocks and ours may disagree a little; look this far before the call began. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

    private static final int PAGE = 200;
    private static final int MAX_PAGES = 10;

    private final OutboxSenderCall slack;

    OutboxSenderLookup(OutboxSenderCall slack) {
        this.slack = slack;
    }

    /**
     * {@link OutboxSenderOutcome.Sent} when the message is in Slack; a failure or rate limit when Slack could not be
     * asked; empty when it is not there.
     */
    Optional<OutboxSenderOutcome> find(OutboxSenderClaim claim, Instant since) {
        String channel = claim.args().path("channel").asText("");
        if (channel.startsWith("U") || channel.startsWith("W")) {
            OutboxSenderCall.Read opened =
                    slack.read("conversations.open", JSON.createObjectNode().put("users", channel));
            if (opened.failure() != null) {
                return unreadable(claim, opened.failure());
            }
            channel = opened.json().path("channel").path("id").asText(channel);
        }
        String thread = claim.args().path("thread_ts").asText("");
        String cursor = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode args = JSON.createObjectNode()
                    .put("channel", channel)
                    .put("oldest", slackTs(since.minus(CLOCK_SLACK)))
                    .put("include_all_metadata", "true")
                    .put("limit", String.valueOf(PAGE));
            if (!thread.isEmpty()) {
                args.put("ts", thread);
            }
            if (!cursor.isEmpty()) {
                args.put("cursor", cursor);
            }
            OutboxSenderCall.Read read =
                    slack.read(thread.isEmpty() ? "conversations.history" : "conversations.replies", args);
            if (read.failure() != null) {
                return unreadable(claim, read.failure());
            }
            for (JsonNode message : read.json().path("messages")) {
                JsonNode metadata = message.path("metadata");
                if (metadata.path("event_type").asText("").equals(OutboxSenderCall.EVENT_TYPE)
                        && metadata.path("event_payload")
                                .path("key")
                                .asText("")
                                .equals(claim.row().dedupeKey())) {
                    log.info(
                            "Slack outbox message {} was interrupted mid-call but is in Slack; marked sent",
                            claim.row().dedupeKey());
                    return Optional.of(new OutboxSenderOutcome.Sent(
                            channel, message.path("ts").asText(null)));
                }
            }
            cursor = read.json().path("response_metadata").path("next_cursor").asText("");
            if (!read.json().path("has_more").asBoolean(false) || cursor.isEmpty()) {
                break;
            }
        }
        log.info(
                "Slack outbox message {} was interrupted mid-call and is not in Slack; sending it",
                claim.row().dedupeKey());
        return Optional.empty();
    }

    /** Failures and rate limits are tried again; a refusal means the conversation can't be read, so not there. */
    private static Optional<OutboxSenderOutcome> unreadable(OutboxSenderClaim claim, OutboxSenderOutcome failure) {
        if (!(failure instanceof OutboxSenderOutcome.Rejected rejected)) {
            return Optional.of(failure);
        }
        log.warn(
                "Could not look for interrupted Slack outbox message {} in its conversation ({}); sending it, which may"
                        + " show it twice",
                claim.row().dedupeKey(),
                rejected.error());
        return Optional.empty();
    }

    /** Slack's "seconds.micros" form of an instant. */
    static String slackTs(Instant instant) {
        long seconds = Math.max(0, instant.getEpochSecond());
        return seconds + "." + String.format("%06d", instant.getNano() / 1000);
    }
}
