package org.credence.server.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's headless Chromium, driven through its own chromedriver, with a fresh profile. It
 * never downloads anything: the driver and browser paths are given, so Selenium Manager is not
 * asked. Not thread-safe: one test uses one browser.
 *
 * <p>The paths default to Debian's ({@code chromium}, {@code chromium-driver}); the system
 * properties {@code credence.chromium} and {@code credence.chromedriver} override them.
 */
public final class Chromium implements AutoCloseable {

    static final Path BROWSER =
            Path.of(System.getProperty("credence.chromium", "/usr/bin/chromium"));
    static final Path DRIVER =
            Path.of(System.getProperty("credence.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(20);
    // The tests use no DevTools protocol; Selenium would warn at each start that it has no CDP
    // bindings for this Chromium version. A strong reference keeps the level set.
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** What is missing to run a browser, if anything. */
    static Optional<String> missing() {
        if (!Files.isExecutable(BROWSER)) {
            return Optional.of("no executable " + BROWSER);
        }
        if (!Files.isExecutable(DRIVER)) {
            return Optional.of("no executable " + DRIVER);
        }
        return Optional.empty();
    }

    /** Starts a headless browser with an empty profile of its own. */
    static Chromium start() {
        Path profile = temporaryDirectory();
        // Selenium Manager is consulted only when this property is missing.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1024",
                "--lang=en",
                "--user-data-dir=" + profile);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(DRIVER.toString()))
                        .usingAnyFreePort()
                        .build();
        try {
            return new Chromium(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads a page and waits until it has loaded. */
    public void open(URI uri) {
        driver.get(uri.toString());
    }

    public WebElement find(By locator) {
        return driver.findElement(locator);
    }

    /** The text of the element of that id. */
    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** Replaces the value of a text field. */
    public void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks the submit button showing that text (trimmed). */
    public void press(String label) {
        driver.findElement(By.xpath("//button[normalize-space()='" + label + "']")).click();
    }

    /**
     * Waits until the condition holds (a non-null, non-false value), at most 20 seconds. An element
     * read while the page is being replaced (a form post, a reload) goes stale: asked again.
     */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /** Writes a screenshot and the current page's HTML. */
    void saveEvidence(Path screenshot, Path html) throws IOException {
        Files.write(screenshot, driver.getScreenshotAs(OutputType.BYTES));
        Files.writeString(
                html,
                driver.getCurrentUrl() + "\n" + driver.getPageSource(),
                StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("credence-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover profile in the temporary directory is harmless.
        }
    }
}
