package io.tradergateway.web;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.HeadlessChromium;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/** A fresh headless chromium per test, against the running app once its TWS session is READY. */
abstract class BrowserTestBase {

    static final Duration UI_TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    TwsConnectionManager connection;

    // deleted here, not by JUnit: a chromium helper process still closing after quit() may write into the profile,
    // and JUnit reports a temp directory it cannot delete as a failed test
    @TempDir(cleanup = CleanupMode.NEVER)
    Path profile;

    HeadlessChromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(getClass().getSimpleName(), profile);
        browser = chromium.browser();
        wait = new WebDriverWait(browser, UI_TIMEOUT);
        Eventually.await(
                "TWS session READY", Duration.ofSeconds(30), () -> connection.state() == ConnectionState.READY);
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        try {
            FileSystemUtils.deleteRecursively(profile);
        } catch (IOException leftBehind) {
            // a few files of a closed browser in the temp directory: nothing a test depends on
        }
    }
}
