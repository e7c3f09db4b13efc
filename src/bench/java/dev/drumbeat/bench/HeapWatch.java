package dev.drumbeat.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most Java heap one piece of work needed, watched two ways while it runs: a thread that reads the heap in use
 * every millisecond, and every garbage collection's figures (heap in use just before it, and what was still live
 * after it). The largest in-use figure is the peak; the largest live figure is what the work really held. Also the
 * process's resident-set high-water mark (Linux), reset at the start, which counts DuckDB's native memory too.
 */
final class HeapWatch implements AutoCloseable {
    /** What one watched stretch needed, in bytes; {@code residentPeak} is -1 where Linux's counters are missing. */
    record Peak(long used, long liveAfterGc, long collections, long residentPeak) {}

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<Runnable> detach = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean watching = true;

    private HeapWatch() {
        NotificationListener listener = this::collected;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                detach.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
        sampler = new Thread(this::sample, "heap-watch");
        sampler.setDaemon(true);
    }

    /** Collects what is garbage now, so the watch starts from what is live, and starts watching. */
    static HeapWatch start() {
        System.gc();
        resetResidentPeak();
        HeapWatch watch = new HeapWatch();
        watch.used.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        watch.sampler.start();
        return watch;
    }

    Peak peak() {
        return new Peak(used.get(), live.get(), collections.get(), residentPeak());
    }

    @Override
    public void close() {
        watching = false;
        detach.forEach(Runnable::run);
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (watching) {
            used.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        collections.incrementAndGet();
        used.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        live.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }

    private long heap(Map<String, MemoryUsage> byPool) {
        return byPool.entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
    }

    /** Linux: writing 5 to clear_refs starts VmHWM again from the current resident set. */
    private static void resetResidentPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException notLinux) {
            // then the peak is since the JVM started
        }
    }

    private static long residentPeak() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .orElse(-1L);
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }
}
