package dev.drumbeat.browser;

import dev.drumbeat.Demo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One `drumbeat demo` in a fresh data folder and one headless Chromium looking at it, shared by the tests of a
 * class. The demo's clock starts fixed on a Sunday evening, so "Advance to Monday 09:00" sends the week's
 * check-in prompts; only the page's clock control moves it. Not thread-safe.
 */
final class SandboxBrowser implements AutoCloseable {
    /** Sunday 22 November 2026, 20:00 UTC: the evening before a check-in Monday. */
    static final Instant SUNDAY_EVENING = Instant.parse("2026-11-22T20:00:00Z");

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Path dataDir;
    private final Demo demo;
    private final WebDriver driver;

    private SandboxBrowser(Path dataDir, Demo demo, WebDriver driver) {
        this.dataDir = dataDir;
        this.demo = demo;
        this.driver = driver;
    }

    static SandboxBrowser start() {
        Path dataDir = newDataDir();
        Demo demo = Demo.start(dataDir, 0, Clock.fixed(SUNDAY_EVENING, ZoneOffset.UTC));
        try {
            return new SandboxBrowser(dataDir, demo, HeadlessChromium.start());
        } catch (RuntimeException e) {
            demo.close();
            deleteTree(dataDir);
            throw e;
        }
    }

    Demo demo() {
        return demo;
    }

    WebDriver driver() {
        return driver;
    }

    /** The sandbox page, freshly loaded. */
    SandboxPage sandbox() {
        return SandboxPage.open(this);
    }

    void open(String path) {
        driver.get(url(path));
    }

    /** The demo's public address, as its own links name it. */
    String url(String path) {
        return "http://localhost:" + demo.port() + path;
    }

    /** Waits until {@code condition} gives something other than null or false, failing with {@code what}. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, PATIENCE, condition);
    }

    <T> T await(String what, Duration patience, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, patience)
                .withMessage("waiting for " + what)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    Path screenshot(String name) {
        return Screenshots.save(driver, name);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            demo.close();
            deleteTree(dataDir);
        }
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("drumbeat-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the demo's data folder", e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
