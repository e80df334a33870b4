package io.tradergateway.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Debian's headless chromium driven through its chromedriver, for the browser tests (Swagger UI, the operator
 * console). {@link #start} skips the calling test, with the install command, where chromium is not installed;
 * {@code .ci/run} installs it, so CI always runs them.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private final ChromeDriverService driverService;
    private final WebDriver browser;

    private HeadlessChromium(ChromeDriverService driverService, WebDriver browser) {
        this.driverService = driverService;
        this.browser = browser;
    }

    /** Starts a browser with its profile under {@code profile}, or skips the test where chromium is missing. */
    public static HeadlessChromium start(String what, Path profile) throws IOException {
        boolean browserPresent = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String hint = what + " skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                + ". Install Debian's chromium (as .ci/run does): "
                + "apt-get update && apt-get install -y chromium chromium-driver";
        if (!browserPresent) {
            // an assumption's message reaches only the surefire XML; this line reaches the console too
            System.err.println("WARNING: " + hint);
        }
        assumeTrue(browserPresent, hint);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                // No network beyond localhost on CI machines: every background fetch would only fail slowly.
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1400,1000",
                        "--user-data-dir=" + Files.createDirectories(profile.resolve("chromium")));
        // The page's console (errors, CSP violations), read back through chromedriver's log endpoint.
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        // An explicit driver: Selenium Manager would otherwise try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        service.start();
        // Plain WebDriver protocol: no DevTools connection, so no CDP version has to match this chromium.
        return new HeadlessChromium(service, new RemoteWebDriver(service.getUrl(), options));
    }

    public WebDriver browser() {
        return browser;
    }

    /** What the page wrote to the browser's console since the last call (chromedriver hands each entry once). */
    public List<LogEntry> consoleSinceLastCall() {
        return browser.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Saves what the browser shows as a PNG, for a reviewer (tests write under target/). */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.quit();
        driverService.stop();
    }
}
