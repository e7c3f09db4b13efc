package dev.drumbeat.bench;

import java.util.Optional;

/** Watches the machine over the measured part of one run and says how it was: see {@link RunConditions}. */
final class ConditionsProbe {
    private final Optional<ProcessHandle> database;
    private final CpuSnapshot before;
    private final HiccupMeter hiccups;

    private ConditionsProbe(Optional<ProcessHandle> database) {
        this.database = database;
        this.before = CpuSnapshot.now(database);
        this.hiccups = new HiccupMeter().start();
    }

    static ConditionsProbe start(Optional<ProcessHandle> database) {
        return new ConditionsProbe(database);
    }

    RunConditions stop() throws InterruptedException {
        long longestHiccup = hiccups.stop();
        return RunConditions.between(before, CpuSnapshot.now(database), longestHiccup);
    }
}
