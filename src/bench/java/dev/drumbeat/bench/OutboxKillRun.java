package dev.drumbeat.bench;

import dev.drumbeat.checkin.prompt.PromptService;
import dev.drumbeat.core.Periods;
import dev.drumbeat.db.Database;
import dev.drumbeat.db.DatabaseUrl;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.TestDatabase;
import dev.drumbeat.support.TestDrumbeat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One run of the kill benchmark on a fresh database and a fresh Slack stand-in: two sender processes, 1,000 prompts
 * queued by the real sweep, and, when {@code killAfter} is given, one sender killed with SIGKILL once Slack has that
 * many prompts (then restarted at once, unless told not to), until every message is sent or dead.
 */
final class OutboxKillRun {
    private static final int RATE = 100;
    private static final Duration GIVE_UP = Duration.ofMinutes(10);
    /** A moment when every owner's Monday 09:00 has passed, for the sweep only; the outbox runs on the real clock. */
    private static final Instant DUE = Instant.parse("2027-03-16T00:00:00Z");

    private final int owners;
    private final Duration latency;
    private final boolean restart;
    private final Path logs;

    OutboxKillRun(int owners, Duration latency, boolean restart, Path logs) {
        this.owners = owners;
        this.latency = latency;
        this.restart = restart;
        this.logs = logs;
    }

    OutboxKillResult run(String label, OptionalInt killAfter) throws Exception {
        DatabaseUrl url = TestDatabase.freshUrl();
        List<SenderProcess> senders = new ArrayList<>();
        try (Database database = Database.connect(url);
                SlackStandIn slack = SlackStandIn.start(TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes())) {
            PromptFanOut.seed(database, owners);
            slack.enforceRateLimits(RATE, 1);
            slack.delayCalls(latency);
            senders.add(SenderProcess.start(url, slack.apiUrl(), logs.resolve(label + "-a.log")));
            senders.add(SenderProcess.start(url, slack.apiUrl(), logs.resolve(label + "-b.log")));
            Optional<ProcessHandle> postgres = postmaster(database);
            OutboxKillCpu before = OutboxKillCpu.now(postgres);
            long queuedAt = queue(database);
            OutboxKillInterruption interruption = OutboxKillInterruption.NONE;
            if (killAfter.isPresent()) {
                int postsAtKill = awaitPosts(slack, killAfter.getAsInt());
                SenderProcess victim = senders.get(0);
                victim.kill();
                interruption = OutboxKillInterruption.read(database, victim.claimPrefix(), postsAtKill);
                if (restart) {
                    senders.add(SenderProcess.launch(url, slack.apiUrl(), logs.resolve(label + "-a-restarted.log")));
                }
            }
            OutboxKillDrain drain = OutboxKillDrain.await(database, interruption.ids(), queuedAt, GIVE_UP);
            OutboxKillCpu.Busy busy = OutboxKillCpu.now(postgres).since(before);
            if (!senders.get(senders.size() - 1).ready()) {
                System.out.println(label + ": the restarted sender was still starting when the run ended");
            }
            return new OutboxKillResult(
                    label, killAfter, interruption, drain, OutboxKillTally.count(database, slack, interruption), busy);
        } finally {
            for (SenderProcess sender : senders) {
                sender.kill();
            }
        }
    }

    /** Queues every owner's prompt with one run of the real sweep; the moment it committed, in nanoTime. */
    private long queue(Database database) {
        Clock due = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), DUE));
        new PromptService(
                        database.jdbi(),
                        new Outbox(Clock.systemUTC()),
                        new Periods(DayOfWeek.MONDAY, 9),
                        Duration.ofHours(24),
                        due)
                .sendDuePrompts();
        return System.nanoTime();
    }

    private static Optional<ProcessHandle> postmaster(Database database) {
        String dataDirectory = database.jdbi()
                .withHandle(h -> h.createQuery("select current_setting('data_directory')")
                        .mapTo(String.class)
                        .one());
        return DatabaseFolder.postmaster(Path.of(dataDirectory));
    }

    /** Waits until Slack has at least {@code posts} prompts; how many it had when the wait ended. */
    private static int awaitPosts(SlackStandIn slack, int posts) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        int sent = 0;
        while ((sent = okPosts(slack)) < posts) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Slack had only " + sent + " posts after " + GIVE_UP);
            }
            SenderProcess.pause(Duration.ofMillis(2));
        }
        return sent;
    }

    private static int okPosts(SlackStandIn slack) {
        return (int) slack.calls("chat.postMessage").stream()
                .filter(SlackStandInCall::ok)
                .count();
    }
}
