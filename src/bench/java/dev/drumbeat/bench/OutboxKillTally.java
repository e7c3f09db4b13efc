package dev.drumbeat.bench;

import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.sandbox.standin.SlackStandInMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Slack got, from the stand-in's record of calls in the order they took effect, set against the outbox.
 * {@code lost}: messages with no post in their DM; {@code duplicated}: posts beyond the first in one DM. Of the rows a
 * killed sender left mid-call, {@code found} were in Slack before anyone looked (the post preceded the DM's
 * conversations.history lookup, and was not repeated), {@code sentAfterLookup} were not, and were posted after it;
 * {@code unexplained} fit neither (no lookup, or a post on both sides of it). {@code wrongTs}: sent rows whose
 * recorded ts is not that of the message carrying their key.
 */
record OutboxKillTally(
        int lost,
        int duplicated,
        int dead,
        int rateLimited,
        int lookups,
        int found,
        int sentAfterLookup,
        int unexplained,
        int wrongTs) {

    private record Sent(String dedupeKey, String channel, String state, String resultTs) {}

    static OutboxKillTally count(Database database, SlackStandIn slack, OutboxKillInterruption interruption) {
        List<SlackStandInCall> calls = slack.calls();
        List<Sent> rows = rows(database);
        Map<String, Integer> posts = new HashMap<>();
        calls.stream()
                .filter(call -> call.ok() && call.method().equals("chat.postMessage"))
                .forEach(call -> posts.merge(channel(call), 1, Integer::sum));
        int lost = (int)
                rows.stream().filter(row -> !posts.containsKey(row.channel())).count();
        int duplicated = posts.values().stream().mapToInt(n -> n - 1).sum();
        int found = 0;
        int afterLookup = 0;
        for (OutboxKillInterruption.Row row : interruption.midCall()) {
            int lookup = firstLookup(calls, slack.directChannelOf(row.channel()));
            long before = postsTo(calls, row.channel(), 0, Math.max(lookup, 0));
            long after = lookup < 0 ? 0 : postsTo(calls, row.channel(), lookup, calls.size());
            found += lookup >= 0 && before == 1 && after == 0 ? 1 : 0;
            afterLookup += lookup >= 0 && before == 0 && after == 1 ? 1 : 0;
        }
        return new OutboxKillTally(
                lost,
                duplicated,
                (int) rows.stream().filter(row -> row.state().equals("dead")).count(),
                slack.rateLimitedCount(),
                (int) calls.stream()
                        .filter(call -> call.method().equals("conversations.history"))
                        .count(),
                found,
                afterLookup,
                interruption.midCall().size() - found - afterLookup,
                wrongTs(slack, rows));
    }

    private static List<Sent> rows(Database database) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("select dedupe_key, channel, state, result_ts from slack_outbox")
                        .map((rs, ctx) -> new Sent(
                                rs.getString("dedupe_key"),
                                rs.getString("channel"),
                                rs.getString("state"),
                                rs.getString("result_ts")))
                        .list());
    }

    private static int firstLookup(List<SlackStandInCall> calls, String dm) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).method().equals("conversations.history") && dm.equals(channel(calls.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static long postsTo(List<SlackStandInCall> calls, String channel, int from, int to) {
        return calls.subList(from, to).stream()
                .filter(call -> call.ok() && call.method().equals("chat.postMessage"))
                .filter(call -> channel.equals(channel(call)))
                .count();
    }

    private static int wrongTs(SlackStandIn slack, List<Sent> rows) {
        int wrong = 0;
        for (Sent row : rows) {
            if (!row.state().equals("sent")) {
                continue;
            }
            String ts = slack.messages(slack.directChannelOf(row.channel())).stream()
                    .filter(message -> row.dedupeKey().equals(key(message)))
                    .map(SlackStandInMessage::ts)
                    .findFirst()
                    .orElse(null);
            wrong += Objects.equals(ts, row.resultTs()) ? 0 : 1;
        }
        return wrong;
    }

    private static Object key(SlackStandInMessage message) {
        return message.metadata() instanceof Map<?, ?> metadata
                        && metadata.get("event_payload") instanceof Map<?, ?> payload
                ? payload.get("key")
                : null;
    }

    private static String channel(SlackStandInCall call) {
        return String.valueOf(call.args().get("channel"));
    }
}
