package dev.drumbeat.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Prints a run the way BENCHMARKS.md shows it: the machine, the load, a Markdown table for the floor and
 * Drumbeat, and whether each target of the issue is met.
 */
final class LoadReport {
    static final double P99_LIMIT_MS = 50;
    static final double FLOOR_FACTOR = 3;
    /** Other processes busier than this, on average, make a run's tail say more about them than about Drumbeat. */
    static final double BUSY_OTHERS_CORES = 0.25;

    private final PrintStream out;
    private final boolean serverElsewhere;

    /** {@code serverElsewhere}: Drumbeat runs in another process, so "other processes" includes it. */
    LoadReport(PrintStream out, boolean serverElsewhere) {
        this.out = out;
        this.serverElsewhere = serverElsewhere;
    }

    void header(Machine machine, LoadOptions options, String command, Instant date) {
        out.println("Date: " + date.truncatedTo(ChronoUnit.SECONDS));
        out.println("Machine: " + machine);
        out.println("Command: " + command);
        out.printf(
                Locale.ROOT,
                "Load: %d requests/s for %d s after a %d s warm-up (not counted), open loop;"
                        + " latency from the scheduled send to the complete response%n",
                options.rate(),
                options.seconds(),
                options.warmup());
    }

    void table(List<LoadResult> results) {
        out.println();
        out.println("| target | requests | errors | p50 ms | p90 ms | p99 ms | max ms | achieved rate/s |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (LoadResult r : results) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    r.target(),
                    r.requests(),
                    r.errors(),
                    r.percentileMillis(50),
                    r.percentileMillis(90),
                    r.percentileMillis(99),
                    r.maxMillis(),
                    r.achievedRate());
        }
        out.println();
        for (LoadResult r : results) {
            out.printf(
                    Locale.ROOT,
                    "%s: errors %s; the generator sent at most %.1f ms late; %s%n",
                    r.target(),
                    r.errorsByKind().isEmpty() ? "none" : r.errorsByKind(),
                    r.maxSendLagNanos() / 1e6,
                    r.conditions());
        }
    }

    /** Prints each target met or missed, and a warning when other processes competed for the CPU. */
    void verdict(LoadResult floor, LoadResult drumbeat) {
        double p99 = drumbeat.percentileMillis(99);
        double ceiling = FLOOR_FACTOR * floor.percentileMillis(99);
        out.println();
        boolean fast = check(p99 <= P99_LIMIT_MS, String.format(Locale.ROOT, "p99 <= 50 ms (%.1f ms)", p99));
        boolean clean = check(drumbeat.errors() == 0, "errors = 0 (" + drumbeat.errors() + ")");
        boolean near = check(
                p99 <= ceiling, String.format(Locale.ROOT, "p99 <= 3 x floor p99 (%.1f ms <= %.1f ms)", p99, ceiling));
        out.println(fast && clean && near ? "All targets met." : "Some targets MISSED.");
        for (LoadResult r : List.of(floor, drumbeat)) {
            if (!serverElsewhere && r.conditions().otherCores() > BUSY_OTHERS_CORES) {
                out.printf(
                        Locale.ROOT,
                        "Warning: other processes kept %.2f cores busy during the %s run;"
                                + " repeat on a quiet machine before trusting its tail.%n",
                        r.conditions().otherCores(),
                        r.target());
            }
        }
    }

    private boolean check(boolean met, String what) {
        out.println("Target " + what + ": " + (met ? "met" : "MISSED"));
        return met;
    }
}
