package dev.drumbeat.bench;

import java.util.Locale;

/**
 * How the machine was while one load ran, in cores busy on average: this JVM (generator and, in-process,
 * Drumbeat), the embedded PostgreSQL when it runs here, and every other process; plus this JVM's garbage
 * collections and the longest stall a {@link HiccupMeter} saw. Numbers from a run during which other work
 * took much of the CPU say more about that work than about Drumbeat.
 */
record RunConditions(
        double jvmCores,
        double databaseCores,
        double otherCores,
        long gcCount,
        long gcMillis,
        long longestHiccupNanos) {

    static RunConditions between(CpuSnapshot before, CpuSnapshot after, long longestHiccupNanos) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        double jvm = cores(after.jvmTicks() - before.jvmTicks(), seconds);
        double database = cores(after.databaseTicks() - before.databaseTicks(), seconds);
        double all = cores(after.allBusyTicks() - before.allBusyTicks(), seconds);
        return new RunConditions(
                jvm,
                database,
                Math.max(0, all - jvm - database),
                after.gcCount() - before.gcCount(),
                after.gcMillis() - before.gcMillis(),
                longestHiccupNanos);
    }

    private static double cores(long ticks, double seconds) {
        return ticks / CpuSnapshot.TICKS_PER_SECOND / seconds;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "CPU in cores: this JVM %.2f, embedded PostgreSQL %.2f, other processes %.2f;"
                        + " %d GCs took %d ms; longest JVM stall %.1f ms",
                jvmCores,
                databaseCores,
                otherCores,
                gcCount,
                gcMillis,
                longestHiccupNanos / 1e6);
    }
}
