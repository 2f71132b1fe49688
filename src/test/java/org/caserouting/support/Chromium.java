package org.caserouting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromium-driver, headless, driven by Selenium. Nothing is downloaded: the
 * browser and driver are named outright, so Selenium Manager never runs. Without them the browser
 * tests are skipped with a message, unless CASEROUTING_BROWSER_TESTS=required (as in CI), where
 * a missing browser fails the build instead of passing it unseen.
 */
public final class Chromium {

  private static final Path BROWSER = Path.of(env("CHROMIUM_BINARY", "/usr/bin/chromium"));
  private static final Path DRIVER = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Chromium() {}

  /** Skips the calling test when there is no browser, or fails it where browser tests are required. */
  public static void assumeInstalled() {
    boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    String message = "Browser tests need Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
        + "): apt-get install chromium chromium-driver";
    if (!installed && "required".equals(System.getenv("CASEROUTING_BROWSER_TESTS"))) {
      Assertions.fail(message + ". CASEROUTING_BROWSER_TESTS=required, so they may not be skipped.");
    }
    Assumptions.assumeTrue(installed, message + ". Skipped.");
  }

  /** A new headless browser with an empty profile, in Traditional Chinese unless told otherwise. */
  public static WebDriver start(String language) {
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,2400", "--lang=" + language, "--user-data-dir=" + temporaryProfile());
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    // The page's console (script errors, refused content), for tests that check a page runs cleanly.
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** Saves what the browser shows as target/screenshots/{name}.png, and the page's HTML beside it. */
  public static Path screenshot(WebDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path png = SCREENSHOTS.resolve(name + ".png");
      Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      return png;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String temporaryProfile() {
    try {
      return Files.createTempDirectory("chromium-profile").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
