package it.io.fleetdashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of every *PageIT: one headless Debian chromium per test class (driven by Debian's chromedriver, given
 * explicitly so Selenium Manager never runs or downloads anything), a clean cookie jar per test, an ajax guard
 * for PrimeFaces, and a screenshot in target/screenshots when a test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(PageTest.ScreenshotOnFailure.class)
public abstract class PageTest {

    public static final String BASE = System.getProperty("it.base.url", "http://localhost:9180");
    public static final String USERNAME = System.getProperty("it.username", "admin");
    public static final String KEY = System.getProperty("it.key", "it-secret-key");
    static final Path SCREENSHOTS = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
    static final Duration DEADLINE = Duration.ofSeconds(20);

    protected WebDriver driver;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        // The browser's console log, to fail any page that breaks the Content-Security-Policy.
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(DEADLINE);
    }

    @BeforeEach
    void freshCookies() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(BASE + "/signin.xhtml");
        driver.manage().deleteAllCookies();
    }

    /**
     * Every page must work under the Content-Security-Policy: a violation anywhere in the test (a blocked inline
     * script, style sheet or handler) fails it, with the browser's own message.
     */
    @AfterEach
    void noContentSecurityPolicyViolations() {
        List<String> violations = cspViolations(driver);
        assertTrue(violations.isEmpty(), "Content-Security-Policy violations: " + violations);
    }

    /** The CSP violations the browser logged since the last call (reading the log empties it). */
    protected static List<String> cspViolations(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Waits (with a deadline, never a sleep) until the page has loaded and PrimeFaces has no ajax request pending. */
    public static void waitForAjax(WebDriver driver) {
        new WebDriverWait(driver, DEADLINE).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    /**
     * Whether a PrimeFaces overlay panel (a select menu's) has finished opening: during its CSS transition
     * (ui-connected-overlay-enter, -enter-active) a click on an item is lost.
     */
    public static boolean overlayOpen(org.openqa.selenium.WebElement panel) {
        String classes = panel.getAttribute("class");
        return panel.isDisplayed() && (classes.contains("ui-connected-overlay-enter-done")
                || !classes.contains("ui-connected-overlay-enter"));
    }

    /**
     * After the window was resized or the page loaded: true once the page fits the window's width (the layout may
     * take a moment to follow a new size), false if the page itself still scrolls sideways at the deadline.
     */
    public static boolean fitsTheWidth(WebDriver driver) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth"
                            + " <= document.documentElement.clientWidth + 1;")));
            return true;
        } catch (org.openqa.selenium.TimeoutException stillTooWide) {
            return false;
        }
    }

    /** Saves a screenshot of the current page (also used to look at the pages, not only on failure). */
    public void screenshot(String name) {
        save(driver, name);
    }

    static void save(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.getLogger(PageTest.class.getName()).log(System.Logger.Level.WARNING, "No screenshot: " + e);
        }
    }

    static class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            context.getTestInstance().filter(PageTest.class::isInstance).map(PageTest.class::cast)
                    .filter(test -> test.driver != null)
                    .ifPresent(test -> save(test.driver, "FAILED-" + context.getRequiredTestClass().getSimpleName()
                            + "-" + context.getRequiredTestMethod().getName()));
        }
    }
}
