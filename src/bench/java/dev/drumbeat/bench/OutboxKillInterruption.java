package dev.drumbeat.bench;

import dev.drumbeat.db.Database;
import java.util.List;

/**
 * What a killed sender left behind, read from the database right after the kill: the rows it had claimed and not
 * finished, each either mid-call (its "call started" mark committed, so Slack may have the message) or claimed but
 * not yet called. They stay {@code sending} until the lease runs out; {@code postsAtKill} is how many prompts Slack
 * had when the sender was killed.
 */
record OutboxKillInterruption(int postsAtKill, List<Row> rows) {
    static final OutboxKillInterruption NONE = new OutboxKillInterruption(0, List.of());

    record Row(long id, String dedupeKey, String channel, boolean callStarted) {}

    static OutboxKillInterruption read(Database database, String claimPrefix, int postsAtKill) {
        List<Row> rows = database.jdbi()
                .withHandle(h -> h.createQuery("""
                                select id, dedupe_key, channel, call_started_at is not null as call_started
                                  from slack_outbox
                                 where state = 'sending' and starts_with(claimed_by, :prefix)
                                 order by id""")
                        .bind("prefix", claimPrefix)
                        .map((rs, ctx) -> new Row(
                                rs.getLong("id"),
                                rs.getString("dedupe_key"),
                                rs.getString("channel"),
                                rs.getBoolean("call_started")))
                        .list());
        return new OutboxKillInterruption(postsAtKill, rows);
    }

    long[] ids() {
        return rows.stream().mapToLong(Row::id).toArray();
    }

    List<Row> midCall() {
        return rows.stream().filter(Row::callStarted).toList();
    }

    int notStarted() {
        return rows.size() - midCall().size();
    }
}
