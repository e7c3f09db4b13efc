package dev.drumbeat.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU and GC counters at one moment, so a run can say how busy the machine was while it ran: the CPU
 * time of every process (from /proc/stat), that of this JVM, that of the embedded PostgreSQL (its
 * postmaster and backends), and this JVM's garbage collections. Counters are Linux clock ticks
 * (USER_HZ, 100 a second); off Linux they read as zero.
 */
record CpuSnapshot(long nanos, long allBusyTicks, long jvmTicks, long databaseTicks, long gcCount, long gcMillis) {
    static final double TICKS_PER_SECOND = 100;

    static CpuSnapshot now(Optional<ProcessHandle> database) {
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        long databaseTicks = database.stream()
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> processTicks(p.pid()))
                .sum();
        return new CpuSnapshot(
                System.nanoTime(),
                readAllBusyTicks(),
                processTicks(ProcessHandle.current().pid()),
                databaseTicks,
                gcCount,
                gcMillis);
    }

    /** user + nice + system + irq + softirq + steal over all CPUs, from the first line of /proc/stat. */
    static long readAllBusyTicks() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] f = lines.findFirst().orElse("cpu").trim().split("\\s+");
            if (f.length < 9) {
                return 0;
            }
            return Long.parseLong(f[1])
                    + Long.parseLong(f[2])
                    + Long.parseLong(f[3])
                    + Long.parseLong(f[6])
                    + Long.parseLong(f[7])
                    + Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of one process, all its threads. */
    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
