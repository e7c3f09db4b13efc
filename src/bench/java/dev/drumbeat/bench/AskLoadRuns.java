package dev.drumbeat.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ask load benchmark's runs against one running Drumbeat, in order: a preflight of each kind of question, the asks
 * one at a time, the asks from many clients at once, the click bursts; then the tables and the verdict. Not
 * thread-safe: one run at a time.
 */
final class AskLoadRuns {
    private static final int PAUSE_BETWEEN_BURSTS_MS = 5_000;
    private static final int WARM_UP_CLICKS = 50;
    private final AskLoadOptions options;
    private final AskClients clients;
    private final ClickBurst clicks;
    private final Optional<ProcessHandle> database;
    private final PrintStream out;

    AskLoadRuns(
            AskLoadOptions options,
            AskClients clients,
            ClickBurst clicks,
            Optional<ProcessHandle> database,
            PrintStream out) {
        this.options = options;
        this.clients = clients;
        this.clicks = clicks;
        this.database = database;
        this.out = out;
    }

    /** What the runs measured: the asks one at a time and at once, and the bursts of clicks. */
    record Results(List<AskTally> asks, List<ClickTally> bursts) {}

    Results all() throws InterruptedException {
        preflight();
        List<AskTally> asks = new ArrayList<>();
        asks.add(single());
        asks.add(concurrent());
        return new Results(asks, bursts(clicks, options.bursts(), ""));
    }

    /** One question of each kind, which must be answered right; the first also builds what the asks reuse. */
    private void preflight() {
        out.println("\nPreflight, one ask of each kind:");
        for (int i = 0; i < AskMix.KINDS.size(); i++) {
            AskOutcome outcome = clients.ask(i);
            out.printf(
                    Locale.ROOT,
                    "  %-16s ack %7.1f ms, final %7.1f ms%s%n",
                    outcome.kind(),
                    outcome.ackNanos() / 1e6,
                    outcome.finalNanos() / 1e6,
                    outcome.later() ? ", answered later" : "");
            if (outcome.error().isPresent()) {
                throw new IllegalStateException("the " + outcome.kind() + " question was not answered: "
                        + outcome.error().get());
            }
        }
    }

    private AskTally single() {
        out.printf(
                "%nAsking %d times one at a time (after %d not counted)…%n", options.single(), AskMix.KINDS.size() * 5);
        ConditionsProbe probe = ConditionsProbe.start(database);
        long began = System.nanoTime();
        List<AskOutcome> outcomes = clients.oneAtATime(AskMix.KINDS.size() * 5, options.single());
        double seconds = (System.nanoTime() - began) / 1e9;
        return new AskTally("one at a time (baseline)", outcomes, seconds, stop(probe));
    }

    private AskTally concurrent() throws InterruptedException {
        out.printf(
                "Asking from %d clients at once for %d s (the first %d s not counted)…%n",
                options.clients(), options.warmup() + options.seconds(), options.warmup());
        ConditionsProbe probe = ConditionsProbe.start(database);
        List<AskOutcome> outcomes = clients.concurrently(options.clients(), options.warmup(), options.seconds());
        return new AskTally(options.clients() + " clients at once", outcomes, options.seconds(), stop(probe));
    }

    /** {@code count} bursts of clicks, after clicks one at a time that warm the path up; {@code label} names them. */
    List<ClickTally> bursts(ClickBurst clicks, int count, String label) throws InterruptedException {
        List<ClickTally> bursts = new ArrayList<>();
        if (count > 0) {
            double first = clicks.warmUp(WARM_UP_CLICKS);
            out.printf(
                    Locale.ROOT,
                    "Clicked Check in %d times one at a time, not counted; the first took %.0f ms%n",
                    WARM_UP_CLICKS,
                    first);
            Thread.sleep(PAUSE_BETWEEN_BURSTS_MS);
            out.printf("A burst to warm up%s, not counted…%n", label);
            clicks.fire("warm-up", database);
        }
        for (int b = 1; b <= count; b++) {
            Thread.sleep(PAUSE_BETWEEN_BURSTS_MS);
            out.printf("Burst %d%s: %d Check in clicks at once…%n", b, label, options.clicks());
            bursts.add(clicks.fire("burst " + b + label, database));
        }
        return bursts;
    }

    private RunConditions stop(ConditionsProbe probe) {
        try {
            return probe.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The tables, then the verdict; {@code before} are the bursts against the server sized as before, if any. */
    void report(Results results, List<ClickTally> before) {
        List<AskTally> asks = results.asks();
        List<ClickTally> bursts = new ArrayList<>(results.bursts());
        bursts.addAll(before);
        out.println("\n" + AskTally.header());
        asks.forEach(t -> out.println(t.row()));
        for (AskTally tally : asks) {
            out.printf("%n%s: %s%n", tally.name(), tally.conditions());
            out.println("  errors: " + (tally.errors() == 0 ? "none" : tally.errorsByKind()));
            tally.byKind().forEach(out::println);
        }
        if (!bursts.isEmpty()) {
            out.println("\n" + ClickTally.header());
            bursts.forEach(t -> out.println(t.row()));
            for (ClickTally burst : bursts) {
                out.printf(
                        "%s: failures %s; views.open refused %s; %s%n",
                        burst.name(),
                        burst.failuresByKind().isEmpty() ? "none" : burst.failuresByKind(),
                        burst.refusedByError().isEmpty() ? "none" : burst.refusedByError(),
                        burst.conditions());
            }
        }
        verdict(asks.get(asks.size() - 1), results.bursts());
    }

    private void verdict(AskTally loaded, List<ClickTally> bursts) {
        double p99 = loaded.millis(99, AskOutcome::finalNanos);
        long resets = bursts.stream().mapToLong(ClickTally::resets).sum();
        out.println("\nSummary (" + loaded.name() + "):");
        out.printf(
                Locale.ROOT,
                "  acks over 3 s = 0:        %s (%d of %d)%n",
                loaded.acksOverLimit() == 0 ? "met" : "MISSED",
                loaded.acksOverLimit(),
                loaded.asks().size());
        out.printf(
                Locale.ROOT,
                "  final answer p99 <= 1 s:  %s (%.1f ms)%n",
                p99 <= AskLoadBench.FINAL_P99_LIMIT_MS ? "met" : "MISSED",
                p99);
        out.printf(
                Locale.ROOT,
                "  errors = 0:               %s (%d)%n",
                loaded.errors() == 0 ? "met" : "MISSED",
                loaded.errors());
        out.printf(
                Locale.ROOT,
                "  click resets = 0:         %s (%d in %d bursts of %d)%n",
                resets == 0 ? "met" : "MISSED",
                resets,
                bursts.size(),
                options.clicks());
        out.printf(
                Locale.ROOT,
                "  accept queue full:        %d times in those bursts%n",
                bursts.stream().mapToLong(ClickTally::listenOverflows).sum());
        if (loaded.conditions().otherCores() > LoadReport.BUSY_OTHERS_CORES) {
            out.printf(
                    Locale.ROOT,
                    "  WARNING: other processes kept %.2f cores busy during the load; its tail says more about them.%n",
                    loaded.conditions().otherCores());
        }
    }
}
