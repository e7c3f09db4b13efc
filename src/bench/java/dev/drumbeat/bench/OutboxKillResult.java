package dev.drumbeat.bench;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/** One run of the kill benchmark, as a row of its table. */
record OutboxKillResult(
        String label,
        OptionalInt killAfter,
        OutboxKillInterruption interruption,
        OutboxKillDrain drain,
        OutboxKillTally tally,
        OutboxKillCpu.Busy busy) {

    static final String HEADER = """
            | run | killed at (posts in Slack) | total s | all but the killed sender's rows s | mid-call | \
            found in Slack | sent after lookup | claimed, not called | lost | duplicated | dead | 429s | \
            history lookups | CPU cores, benchmark / others |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|""";

    String row() {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %.1f%s | %.1f | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.2f / %.2f |",
                label,
                killAfter.isPresent() ? String.valueOf(interruption.postsAtKill()) : "—",
                drain.totalSeconds(),
                drain.finished() ? "" : " (gave up)",
                drain.restSeconds(),
                interruption.midCall().size(),
                tally.found(),
                tally.sentAfterLookup(),
                interruption.notStarted(),
                tally.lost(),
                tally.duplicated(),
                tally.dead(),
                tally.rateLimited(),
                tally.lookups(),
                busy.benchmarkCores(),
                busy.otherCores());
    }

    /** The kill runs added up: counts summed, times averaged. */
    static String totals(List<OutboxKillResult> runs) {
        return String.format(
                Locale.ROOT,
                "| all %d kill runs | — | mean %.1f | mean %.1f | %d | %d | %d | %d | %d | %d | %d | %d | %d | — |",
                runs.size(),
                runs.stream()
                        .mapToDouble(r -> r.drain().totalSeconds())
                        .average()
                        .orElse(Double.NaN),
                runs.stream()
                        .mapToDouble(r -> r.drain().restSeconds())
                        .average()
                        .orElse(Double.NaN),
                sum(runs, r -> r.interruption().midCall().size()),
                sum(runs, r -> r.tally().found()),
                sum(runs, r -> r.tally().sentAfterLookup()),
                sum(runs, r -> r.interruption().notStarted()),
                sum(runs, r -> r.tally().lost()),
                sum(runs, r -> r.tally().duplicated()),
                sum(runs, r -> r.tally().dead()),
                sum(runs, r -> r.tally().rateLimited()),
                sum(runs, r -> r.tally().lookups()));
    }

    /** Whatever should be zero and is not, said in words; empty when the run was clean. */
    String problems() {
        StringBuilder problems = new StringBuilder();
        if (!drain.finished()) {
            problems.append(" did not finish;");
        }
        if (tally.unexplained() > 0) {
            problems.append(' ')
                    .append(tally.unexplained())
                    .append(" mid-call rows neither found nor sent after a lookup;");
        }
        if (tally.wrongTs() > 0) {
            problems.append(' ').append(tally.wrongTs()).append(" sent rows record a ts that is not their message's;");
        }
        return problems.toString();
    }

    boolean clean() {
        return drain.finished()
                && tally.lost() == 0
                && tally.duplicated() == 0
                && problems().isEmpty();
    }

    private static int sum(List<OutboxKillResult> runs, ToIntFunction<OutboxKillResult> figure) {
        return runs.stream().mapToInt(figure).sum();
    }
}
