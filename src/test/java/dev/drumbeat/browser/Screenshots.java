package dev.drumbeat.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Saves what the browser shows as a PNG, kept as a build artifact: in the folder failsafe names in
 * {@code drumbeat.screenshots} ({@code ${project.build.directory}/screenshots}), else {@code target/screenshots}.
 */
final class Screenshots {
    private Screenshots() {}

    static Path folder() {
        return Path.of(System.getProperty("drumbeat.screenshots", "target/screenshots"));
    }

    static Path save(WebDriver driver, String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path file = Files.createDirectories(folder()).resolve(name + ".png");
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the screenshot " + name, e);
        }
    }
}
