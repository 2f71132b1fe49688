package org.caserouting.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.caserouting.deadlines.DeadlineWatch;
import org.caserouting.reports.AutumnAtShilin;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The oversight page in Chromium: Shilin district office's section chief, signed in to Tasklist,
 * opens the figures for the seeded autumn and sees a chart of its cases that says what was worked
 * out by hand: 2 decided on time, 2 late, 2 open, a median of 32 working days.
 */
@CaseRouterTest
class OversightBrowserTest extends BrowserTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired DeadlineWatch deadlines;

  @Test
  @SuppressWarnings("unchecked")
  void theChiefSeesAChartOfTheOfficesCasesWithTheFiguresOfTheScenario() {
    AutumnAtShilin.seeded(http, engine, deadlines);

    new Tasklist(browser, base()).signIn("do-shilin-chief");
    browser.get(base() + "/staff/reports?from=" + AutumnAtShilin.FROM + "&to=" + AutumnAtShilin.TO);
    // Chart.js draws when the page has loaded; its chart object holds what the bars show.
    Map<String, Object> chart = (Map<String, Object>) new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> ((JavascriptExecutor) driver).executeScript(
            "const c = window.Chart && Chart.getChart('figures-chart');"
                + " return c ? {labels: c.data.labels, data: c.data.datasets.map(d => [d.label, d.data])} : null;"));
    Chromium.screenshot(browser, "oversight-1-chief-sees-the-office");

    assertThat((List<String>) chart.get("labels")).singleElement().asString().contains("低收入戶");
    assertThat((List<List<Object>>) chart.get("data")).extracting(series -> series.get(0) + "=" + series.get(1))
        .containsExactly(
            "如期結案 Decided on time=[2]",
            "逾期結案 Decided late=[2]",
            "待辦 Open=[2]",
            "處理日數中位數 Lead time median (working days)=[32]");
    assertThat(browser.findElement(By.cssSelector("tr.agency-total[data-agency='DO-SHILIN']")).getText())
        .contains("臺北市士林區公所", "6", "4", "50.0%", "32 / 35", "25.0%", "20 / 39");
    // Tasklist's own sign-in leaves entries of its own in the console; the page's are those that name
    // its script, its chart library or its content policy.
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .as("no script error or refused content on the page")
        .noneMatch(entry -> entry.getLevel().intValue() >= 900 && (entry.getMessage().contains("/staff/")
            || entry.getMessage().contains("/webjars/") || entry.getMessage().contains("Content Security Policy")
            || entry.getMessage().contains("Refused")));
  }
}
