package dev.drumbeat.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Nothing lost when an instance dies mid-send: two Drumbeat outbox senders, each a JVM of its own, share one
 * database and send the weekly prompts of 1,000 owners (queued by the real sweep) to the Slack stand-in, which holds
 * them to Slack's limits (100 posts/s, one per second per channel) and takes a tenth of a second over each call. In
 * each kill run one sender is killed with SIGKILL once Slack has a given number of prompts, and restarted at once; the
 * run ends when every message is sent or dead, which takes the killed sender's lease (two minutes, the default) for
 * its unfinished rows. A baseline run without a kill comes first. Reports, per run, the time, the rows interrupted
 * mid-call and what became of them, and messages lost and duplicated from the stand-in's record (target 0 and 0).
 * Run: {@code mvn -B -Pbench test-compile exec:java -Dbench.main=dev.drumbeat.bench.OutboxKillBench}; options
 * {@code --owners N}, {@code --kill-at 150,300,...}, {@code --latency-ms N}, {@code --no-restart}.
 */
public final class OutboxKillBench {
    private OutboxKillBench() {}

    public static void main(String[] args) throws Exception {
        int owners = 1000;
        List<Integer> killAt = List.of(150, 300, 450, 600, 750);
        Duration latency = Duration.ofMillis(100);
        boolean restart = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--owners" -> owners = Integer.parseInt(args[++i]);
                case "--kill-at" ->
                    killAt = Arrays.stream(args[++i].split(","))
                            .map(Integer::valueOf)
                            .toList();
                case "--latency-ms" -> latency = Duration.ofMillis(Long.parseLong(args[++i]));
                case "--no-restart" -> restart = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path logs = Path.of("target", "outbox-kill-bench");
        System.out.printf(
                "Date: %s%nMachine: %s%n%d owners, 2 sender processes, %d ms per Slack call, killed sender %s;"
                        + " sender logs in %s%n",
                Instant.now(),
                Machine.describe(),
                owners,
                latency.toMillis(),
                restart ? "restarted at once" : "not restarted",
                logs.toAbsolutePath());
        OutboxKillRun run = new OutboxKillRun(owners, latency, restart, logs);
        OutboxKillResult baseline = report(run.run("baseline", OptionalInt.empty()));
        List<OutboxKillResult> kills = new ArrayList<>();
        for (int i = 0; i < killAt.size(); i++) {
            kills.add(report(run.run("kill " + (i + 1), OptionalInt.of(killAt.get(i)))));
        }
        System.out.printf("%n%s%n%s%n", OutboxKillResult.HEADER, baseline.row());
        kills.forEach(kill -> System.out.println(kill.row()));
        System.out.println(OutboxKillResult.totals(kills));
        boolean clean = baseline.clean() && kills.stream().allMatch(OutboxKillResult::clean);
        System.out.printf("%nTarget 0 lost and 0 duplicated in every run: %s%n", clean ? "met" : "MISSED");
    }

    private static OutboxKillResult report(OutboxKillResult result) {
        System.out.printf(
                "%s: %s%s%n",
                result.label(), result.row(), result.problems().isEmpty() ? "" : " PROBLEMS:" + result.problems());
        return result;
    }
}
