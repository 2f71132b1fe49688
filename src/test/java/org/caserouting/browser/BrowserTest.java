package org.caserouting.browser;

import org.caserouting.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A fresh headless Chromium per test, its last page kept as a screenshot for whoever reads a failure. */
abstract class BrowserTest {

  @LocalServerPort int port;
  WebDriver browser;

  @BeforeEach
  void startBrowser() {
    Chromium.assumeInstalled();
    browser = Chromium.start("en");
  }

  @AfterEach
  void quitBrowser() {
    if (browser != null) {
      Chromium.screenshot(browser, getClass().getSimpleName() + "-last-page");
      browser.quit();
    }
  }

  String base() {
    return "http://localhost:" + port;
  }
}
