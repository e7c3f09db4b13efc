package dev.drumbeat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time at one moment, to say how busy the machine was during a run and how much of that was the benchmark: every
 * process ({@link CpuSnapshot#readAllBusyTicks}), and the benchmark's own, which is this JVM (with the stand-in), the sender processes it
 * started, and the embedded PostgreSQL. A process's figure includes the children it has reaped, so a killed sender's
 * CPU still counts once this JVM has waited for it, and so do PostgreSQL backends that have ended. Linux clock ticks.
 */
record OutboxKillCpu(long nanos, long allTicks, long benchmarkTicks) {

    static OutboxKillCpu now(Optional<ProcessHandle> database) {
        long postgres = database.map(OutboxKillCpu::tree).orElse(0L);
        return new OutboxKillCpu(
                System.nanoTime(), CpuSnapshot.readAllBusyTicks(), tree(ProcessHandle.current()) + postgres);
    }

    /** Cores busy on average over a span: the benchmark's processes, and every other process on the machine. */
    record Busy(double benchmarkCores, double otherCores) {}

    Busy since(OutboxKillCpu before) {
        double seconds = (nanos - before.nanos) / 1e9;
        double benchmark = (benchmarkTicks - before.benchmarkTicks) / CpuSnapshot.TICKS_PER_SECOND / seconds;
        double all = (allTicks - before.allTicks) / CpuSnapshot.TICKS_PER_SECOND / seconds;
        return new Busy(benchmark, Math.max(0, all - benchmark));
    }

    private static long tree(ProcessHandle root) {
        return ticks(root.pid(), true)
                + root.descendants().mapToLong(p -> ticks(p.pid(), false)).sum();
    }

    /** utime + stime, and with {@code reaped} cutime + cstime too (children it waited for). */
    private static long ticks(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return reaped ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
