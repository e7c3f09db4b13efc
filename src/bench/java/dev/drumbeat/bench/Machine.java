package dev.drumbeat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a benchmark ran on, as BENCHMARKS.md records it: numbers mean little without it. */
record Machine(int cores, String cpuModel, String memory, String java, String os) {

    static Machine describe() {
        long memKb = Long.parseLong(field("/proc/meminfo", "MemTotal", "0 kB").split("\\s+")[0]);
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                field("/proc/cpuinfo", "model name", "unknown CPU"),
                String.format("%.1f GiB", memKb / 1024.0 / 1024.0),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    @Override
    public String toString() {
        return cores + " cores (nproc), " + cpuModel + ", " + memory + " RAM, " + java + ", " + os;
    }

    /** The value of the first {@code name: value} line in a /proc file, or the fallback. */
    private static String field(String file, String name, String fallback) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream()
                    .filter(line -> line.startsWith(name))
                    .findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .orElse(fallback);
        } catch (IOException e) {
            return fallback;
        }
    }
}
