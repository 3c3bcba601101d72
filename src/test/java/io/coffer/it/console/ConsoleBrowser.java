package io.coffer.it.console;

import io.coffer.it.support.CofferTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for a test class, pointed at the server of a {@link CofferTestServer}. After
 * each test it fails the test on any browser console error or request to another host, and when a
 * test fails it saves a screenshot and the page's HTML under target/console-failures/. Register it
 * after the server: {@code @RegisterExtension @Order(2)}.
 */
public final class ConsoleBrowser
    implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {
  static final int WIDTH = 1280;
  static final int HEIGHT = 800;
  private static final Path FAILURES = Path.of("target", "console-failures");
  // Selenium warns that it has no CDP bindings for this Chromium; the tests use none. Held
  // statically because java.util.logging keeps loggers only weakly.
  private static final Logger CDP_LOG = quiet("org.openqa.selenium.devtools");

  private final CofferTestServer server;
  private ChromeDriver driver;
  private BrowserProblems problems;
  private Path downloads;

  public ConsoleBrowser(CofferTestServer server) {
    this.server = server;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Chromium chromium = Chromium.locate();
    downloads =
        Files.createDirectories(
            Path.of("target", "console-downloads", context.getRequiredTestClass().getSimpleName()));
    ChromeOptions options = headless(chromium);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
    driver = launch(chromium, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    problems = new BrowserProblems(consoleUrl());
    viewport(WIDTH, HEIGHT);
  }

  /**
   * Headless Chromium's options for tests: an explicit binary, nothing of its own on the network.
   */
  static ChromeOptions headless(Chromium chromium) {
    ChromeOptions options = new ChromeOptions();
    // An explicit binary and driver: Selenium Manager never runs, nothing is downloaded.
    options.setBinary(chromium.browser().toFile());
    options.addArguments(
        "--headless=new",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--force-device-scale-factor=1",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--lang=en-US");
    if ("root".equals(System.getProperty("user.name"))) {
      options.addArguments("--no-sandbox"); // Chromium refuses to sandbox as root (CI containers)
    }
    return options;
  }

  /** Starts Chromium through its own chromedriver (Selenium Manager never runs). */
  static ChromeDriver launch(Chromium chromium, ChromeOptions options) {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromium.driver().toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /** Sizes the window so that the page itself (not the window) is width × height pixels. */
  public void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    List<?> inner =
        (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
    int extraWidth = width - ((Number) inner.get(0)).intValue();
    int extraHeight = height - ((Number) inner.get(1)).intValue();
    if (extraWidth != 0 || extraHeight != 0) {
      driver.manage().window().setSize(new Dimension(width + extraWidth, height + extraHeight));
    }
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    if (context.getExecutionException().isPresent()) {
      saveFailure(
          context.getRequiredTestClass().getSimpleName()
              + "."
              + context.getRequiredTestMethod().getName());
    }
    List<String> found = problems.collect(driver);
    if (!found.isEmpty()) {
      throw new AssertionError("the browser reported problems:\n  " + String.join("\n  ", found));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  public String consoleUrl() {
    return server.server().consoleEndpoint() + "/";
  }

  /** Where Chromium saves downloads for this class. */
  public Path downloads() {
    return downloads;
  }

  BrowserProblems problems() {
    return problems;
  }

  /** Requests to this origin are part of the test (a page of its own, the S3 port). */
  public void allowOrigin(String origin) {
    problems.allowOrigin(origin);
  }

  /** One console error containing {@code fragment} is part of what the test provokes. */
  public void expectConsoleError(String fragment) {
    problems.expectError(fragment);
  }

  public void screenshot(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  private void saveFailure(String name) throws IOException {
    try {
      screenshot(FAILURES.resolve(name + ".png"));
      Files.writeString(
          FAILURES.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      // a dead browser cannot be photographed; the test's own failure says more
      Files.writeString(FAILURES.resolve(name + ".txt"), e.toString(), StandardCharsets.UTF_8);
    }
  }
}
