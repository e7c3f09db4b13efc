package dev.drumbeat.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the dashboard benchmark's results the way BENCHMARKS.md shows them: one row per page with p50, p99, max and
 * sizes; each run's conditions; the SQL each page ran; and a note for any page a person would wait on.
 */
final class DashboardReport {
    /** About where a page stops feeling immediate and a person starts waiting. */
    static final double SLOW_MS = 1000;

    private final PrintStream out;

    DashboardReport(PrintStream out) {
        this.out = out;
    }

    void print(List<PageRuns.PageResult> results) {
        out.println("\n| request | requests | errors | p50 ms | p99 ms | max ms | body bytes"
                + " | sent as | bytes sent | SQL ms per request (mean) |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        for (PageRuns.PageResult r : results) {
            LoadResult l = r.load();
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.1f | %.1f | %,d | %s | %,d | %.1f |%n",
                    l.target(),
                    l.requests(),
                    l.errors(),
                    l.percentileMillis(50),
                    l.percentileMillis(99),
                    l.maxMillis(),
                    r.sizes().bodyBytes(),
                    r.sizes().encoding(),
                    r.sizes().wireBytes(),
                    r.sqlMillis());
        }
        out.println();
        for (PageRuns.PageResult r : results) {
            out.printf(
                    Locale.ROOT,
                    "%s: errors %s; %s%n",
                    r.load().target(),
                    r.load().errorsByKind().isEmpty() ? "none" : r.load().errorsByKind(),
                    r.load().conditions());
        }
        for (PageRuns.PageResult r : results) {
            out.println("\nSQL of " + r.load().target() + ", from execution to all rows fetched (JDBI SqlLogger):\n");
            SqlTimings.HEADER.forEach(out::println);
            r.sql().forEach(out::println);
        }
        slow(results);
    }

    private void slow(List<PageRuns.PageResult> results) {
        out.println();
        boolean any = false;
        for (PageRuns.PageResult r : results) {
            if (r.load().percentileMillis(99) > SLOW_MS) {
                any = true;
                out.printf(
                        Locale.ROOT,
                        "Slow for a person: %s p99 %.0f ms > %.0f ms%n",
                        r.load().target(),
                        r.load().percentileMillis(99),
                        SLOW_MS);
            }
            if (r.load().conditions().otherCores() > LoadReport.BUSY_OTHERS_CORES) {
                out.printf(
                        Locale.ROOT,
                        "Warning: other processes kept %.2f cores busy during %s; repeat on a quiet machine"
                                + " before trusting its tail.%n",
                        r.load().conditions().otherCores(),
                        r.load().target());
            }
        }
        out.println(any ? "" : "No page took over " + (int) SLOW_MS + " ms at p99.");
    }
}
