package dev.drumbeat.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate: request {@code i} is due at {@code start + i / rate} whatever happened
 * to the ones before, goes out asynchronously, and its latency runs from when it was due to when its
 * response is complete. A slow server therefore shows up as latency instead of as fewer requests
 * (no coordinated omission). One run at a time; the recorder it fills is read after every request ended.
 */
final class FixedRateLoad {
    private final HttpClient client;
    private final LoadOptions options;
    private final Optional<ProcessHandle> database;

    FixedRateLoad(HttpClient client, LoadOptions options, Optional<ProcessHandle> database) {
        this.client = client;
        this.options = options;
        this.database = database;
    }

    LoadResult run(LoadTarget target) throws InterruptedException {
        int total = options.totalRequests();
        Recorder recorder = new Recorder(total, options.warmupRequests());
        CompletableFuture<?>[] pending = new CompletableFuture<?>[total];
        long start = System.nanoTime() + 10_000_000L;
        ConditionsProbe probe = null;
        for (int i = 0; i < total; i++) {
            long due = start + Math.round(i * 1e9 / options.rate());
            waitUntil(due);
            probe = i == options.warmupRequests() ? ConditionsProbe.start(database) : probe;
            recorder.sent(i, System.nanoTime() - due);
            pending[i] = send(target, i, due, recorder);
        }
        CompletableFuture.allOf(pending).join();
        return recorder.result(target.name(), probe.stop());
    }

    private CompletableFuture<Void> send(LoadTarget target, int index, long due, Recorder recorder) {
        Shot shot = target.shot(index);
        return client.sendAsync(shot.request(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    long now = System.nanoTime();
                    recorder.completed(index, due, now, Outcome.of(response, failure, shot, now - due));
                    return null;
                });
    }

    private static void waitUntil(long due) {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
