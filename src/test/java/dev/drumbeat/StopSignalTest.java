package dev.drumbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `drumbeat demo` as a shell runs it, stopped the way Ctrl+C or a service manager stops it (SIGTERM): the embedded
 * database must outlive the pool, the outbox and the scheduler, so the stop prints nothing alarming.
 */
class StopSignalTest {
    @TempDir
    Path dataDir;

    @Test
    void the_demo_stopped_by_a_signal_prints_no_warning_and_no_stack_trace() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Drumbeat.class.getName(),
                "demo");
        builder.environment().put("PORT", "0");
        builder.environment().put("DRUMBEAT_DATA_DIR", dataDir.toString());
        Process demo = builder.start();
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        collect(demo.getInputStream(), out);
        collect(demo.getErrorStream(), err);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (out.stream().noneMatch(line -> line.startsWith("Open http")) && demo.isAlive()) {
                assertThat(System.nanoTime())
                        .as("the demo starts within two minutes: " + err)
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(demo.isAlive()).as("the demo is running: " + err).isTrue();
            // the scheduler's first runs and the outbox sender are busy with the database now
            while (err.stream().noneMatch(line -> line.contains("escalations:")) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            int before = err.size();

            demo.destroy(); // SIGTERM, as Ctrl+C's SIGINT: the shutdown hooks run

            boolean stopped = demo.waitFor(60, TimeUnit.SECONDS);
            List<String> afterSignal = List.copyOf(err.subList(before, err.size()));
            assertThat(stopped)
                    .as("the demo stops within a minute; it printed " + afterSignal)
                    .isTrue();
            assertThat(afterSignal)
                    .as("what the stop printed")
                    .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                    .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
        } finally {
            demo.destroyForcibly();
        }
    }

    private static void collect(InputStream stream, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
    }
}
