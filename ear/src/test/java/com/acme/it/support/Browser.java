package com.acme.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver (nothing is downloaded), with
 * what the UI tests need around it: sign-in through the page, waits, keyboard-only use, the
 * accessibility check (axe-core) and full-page screenshots at a given width.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final String base;
  private final Path profile;
  private final List<String> scriptErrors = new ArrayList<>();

  public Browser(String base) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "The browser tests need Debian's Chromium and ChromeDriver: apt-get install chromium"
              + " chromium-driver (.ci/run installs them)");
    }
    this.base = base;
    this.profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // The flags this machine's closed network needs (no background connections), a new profile.
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
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    // Uncaught script errors and console.error calls of the pages, through the DevTools protocol.
    DevTools devTools = driver.getDevTools();
    devTools.createSession();
    devTools
        .getDomains()
        .events()
        .addJavascriptExceptionListener(e -> scriptErrors.add("exception: " + e.getMessage()));
    devTools
        .getDomains()
        .events()
        .addConsoleListener(
            event -> {
              if ("error".equals(event.getType())) {
                scriptErrors.add("console.error: " + event.getMessages());
              }
            });
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Opens a page of the server under test by its path ({@code /panel.html}). */
  public void open(String path) {
    driver.get(base + path);
  }

  public String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  /** Signs in through the page's development sign-in form, as a person would. */
  public void signIn(String customerId, String role) {
    open("/index.html");
    driver.executeScript("sessionStorage.clear()");
    open("/index.html");
    WebElement customer = find("customer-id");
    customer.clear();
    if (customerId != null) {
      customer.sendKeys(customerId);
    }
    new org.openqa.selenium.support.ui.Select(find("role")).selectByValue(role);
    find("sign-in").submit();
    waitUntil(d -> !path().endsWith("/index.html"), Duration.ofSeconds(10));
  }

  public WebElement find(String id) {
    return waitUntil(d -> d.findElement(By.id(id)), Duration.ofSeconds(10));
  }

  public boolean exists(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  public boolean visible(String id) {
    List<WebElement> found = driver.findElements(By.id(id));
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  public String attribute(String id, String name) {
    return find(id).getAttribute(name);
  }

  /** Waits until the element has this attribute value, and answers the element. */
  public WebElement waitForAttribute(String id, String name, String value, Duration within) {
    return waitUntil(
        d -> {
          List<WebElement> found = d.findElements(By.id(id));
          return !found.isEmpty() && value.equals(found.get(0).getAttribute(name))
              ? found.get(0)
              : null;
        },
        within);
  }

  public String text(String id) {
    return find(id).getText();
  }

  public <T> T waitUntil(ExpectedCondition<T> condition, Duration within) {
    // A page that re-renders replaces elements between two looks: try again, as a person would.
    return new WebDriverWait(driver, within, Duration.ofMillis(50))
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /**
   * Reaches the element with the Tab key alone (at most {@code maxTabs} presses from the top of the
   * page) and presses Enter on it: proof that it is in the keyboard order and works from it.
   */
  public void pressWithKeyboard(String id, int maxTabs) {
    driver.executeScript("document.activeElement && document.activeElement.blur(); window.focus()");
    for (int i = 0; i < maxTabs; i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
      Object focused = driver.executeScript("return document.activeElement.id");
      if (id.equals(focused)) {
        Object outline =
            driver.executeScript("return getComputedStyle(document.activeElement).outlineStyle");
        assertThat(outline).as("focus of #%s is visible", id).isNotEqualTo("none");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        return;
      }
    }
    throw new AssertionError("#" + id + " was not reached with " + maxTabs + " Tab presses");
  }

  /** Runs axe-core on the page; no violation of serious or critical impact may be found. */
  public void assertAccessible(String page) {
    Results results = new AxeBuilder().analyze(driver);
    List<Rule> blocking =
        results.getViolations().stream()
            .filter(
                rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
            .toList();
    assertThat(blocking)
        .as(
            "axe-core on %s: %s",
            page,
            blocking.stream()
                .map(
                    rule ->
                        rule.getId()
                            + " ("
                            + rule.getImpact()
                            + "): "
                            + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")))
        .isEmpty();
    assertThat(results.getPasses()).as("axe-core ran its rules on %s", page).isNotEmpty();
  }

  /**
   * Shows the page at this width (as a phone or desktop screen), checks that nothing needs
   * scrolling sideways, and saves a full-page screenshot as {@code <name>-<width>.png}.
   */
  public Path screenshot(String name, int width, Path directory) {
    JavascriptExecutor js = driver;
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", width < 600));
    try {
      Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth");
      Object wide =
          js.executeScript(
              "return [...document.querySelectorAll('body *')]"
                  + ".filter(e => e.getBoundingClientRect().right > arguments[0] + 1)"
                  + ".slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '')"
                  + " + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))",
              width);
      assertThat(scrollWidth.intValue())
          .as("%s at %d px needs no sideways scrolling; wider: %s", name, width, wide)
          .isLessThanOrEqualTo(width);
      Number height = (Number) js.executeScript("return document.documentElement.scrollHeight");
      Map<String, Object> shot =
          driver.executeCdpCommand(
              "Page.captureScreenshot",
              Map.of(
                  "format",
                  "png",
                  "captureBeyondViewport",
                  true,
                  "clip",
                  Map.of(
                      "x",
                      0,
                      "y",
                      0,
                      "width",
                      width,
                      "height",
                      Math.max(800, height.intValue()),
                      "scale",
                      1)));
      Files.createDirectories(directory);
      Path file = directory.resolve(name + "-" + width + ".png");
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /** What the pages threw or logged as errors since the last call. */
  public List<String> takeScriptErrors() {
    List<String> errors = List.copyOf(scriptErrors);
    scriptErrors.clear();
    return errors;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
