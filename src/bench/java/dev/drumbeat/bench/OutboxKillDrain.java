package dev.drumbeat.bench;

import dev.drumbeat.db.Database;
import java.time.Duration;

/**
 * Watches the outbox until every message is sent or dead: {@code totalSeconds} from the moment the prompts were
 * queued, and {@code restSeconds} until everything but the killed sender's unfinished rows was (those wait for the
 * lease). {@code finished} is false when it gave up waiting.
 */
record OutboxKillDrain(double totalSeconds, double restSeconds, boolean finished) {

    static OutboxKillDrain await(Database database, long[] interrupted, long queuedAt, Duration giveUp) {
        long deadline = queuedAt + giveUp.toNanos();
        long restDoneAt = -1;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            if (restDoneAt < 0 && unfinished(database, interrupted, true) == 0) {
                restDoneAt = now;
            }
            if (restDoneAt >= 0 && unfinished(database, interrupted, false) == 0) {
                return new OutboxKillDrain(seconds(now - queuedAt), seconds(restDoneAt - queuedAt), true);
            }
            SenderProcess.pause(Duration.ofMillis(20));
        }
        return new OutboxKillDrain(
                seconds(giveUp.toNanos()), restDoneAt < 0 ? Double.NaN : seconds(restDoneAt - queuedAt), false);
    }

    private static int unfinished(Database database, long[] interrupted, boolean exceptInterrupted) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("""
                                select count(*) from slack_outbox
                                 where state in ('pending', 'sending') and (not :except or id <> all(:interrupted))""")
                        .bind("except", exceptInterrupted)
                        .bind("interrupted", interrupted)
                        .mapTo(Integer.class)
                        .one());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
