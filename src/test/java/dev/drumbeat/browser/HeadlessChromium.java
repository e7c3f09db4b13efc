package dev.drumbeat.browser;

import java.io.File;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the system's Chromium, headless, through the system's chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them). Both paths are given, so Selenium Manager never
 * looks for, or downloads, a browser or a driver.
 */
final class HeadlessChromium {
    private static final String BINARY = System.getProperty("drumbeat.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("drumbeat.chromedriver", "/usr/bin/chromedriver");

    private HeadlessChromium() {}

    static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
