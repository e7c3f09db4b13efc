package dev.drumbeat.bench;

import dev.drumbeat.db.DatabaseUrl;
import dev.drumbeat.slack.outbox.OutboxSenderProcess;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Drumbeat outbox sender in a JVM of its own ({@link OutboxSenderProcess}, default settings, the real clock), as a
 * second instance of Drumbeat would run it, so a benchmark can kill it with SIGKILL. Its output goes to a log file.
 * The child gets this JVM's classpath: under {@code exec:java} that is the class loader the plugin built for the
 * bench (the test classpath), not {@code java.class.path}, which is Maven's own launcher.
 */
final class SenderProcess {
    private static final String READY = "sender started";
    private final Process process;
    private final Path log;

    private SenderProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts a sender on the database and Slack API URL and waits until it is running. */
    static SenderProcess start(DatabaseUrl database, String slackApiUrl, Path log) throws IOException {
        SenderProcess sender = launch(database, slackApiUrl, log);
        sender.awaitReady(Duration.ofSeconds(90));
        return sender;
    }

    /** Starts a sender without waiting for it, as a supervisor restarting a killed instance would. */
    static SenderProcess launch(DatabaseUrl database, String slackApiUrl, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        classpath(),
                        OutboxSenderProcess.class.getName(),
                        database.jdbcUrl(),
                        slackApiUrl)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new SenderProcess(process, log);
    }

    long pid() {
        return process.pid();
    }

    /** The {@code claimed_by} prefix of the rows this process's sender claims ({@code outbox-<pid>-<random>}). */
    String claimPrefix() {
        return "outbox-" + pid() + "-";
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no call finished, nothing recorded. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("sender process " + pid() + " did not die of SIGKILL in 30 s");
        }
    }

    /** True once the sender has said it is running; false while it starts; fails if it died. */
    boolean ready() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the sender process died; its log: " + log.toAbsolutePath());
        }
        return Files.readString(log).contains(READY);
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(log).contains(READY)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the sender process did not start; its log: " + log.toAbsolutePath());
            }
            pause(Duration.ofMillis(50));
        }
    }

    /** The bench's own classpath, from its class loader when that has one, else from {@code java.class.path}. */
    static String classpath() {
        if (!(SenderProcess.class.getClassLoader() instanceof URLClassLoader loader)) {
            return System.getProperty("java.class.path");
        }
        List<String> entries = new ArrayList<>();
        for (URL url : loader.getURLs()) {
            try {
                entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException notAFile) {
                throw new IllegalStateException("cannot pass the classpath entry " + url + " to a child JVM", notAFile);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
