package org.caserouting.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.caserouting.deputies.Deputies;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Chromium;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 職務代理 in Chromium: Zhongshan district office's director names the second clerk as the section
 * chief's deputy on the staff page; the deputy signs in to Tasklist, finds the chief's sign-off in
 * the list the period gave them, signs it, and the case file shows who signed for whom. (Zhongshan:
 * an office no other test uses.)
 */
@CaseRouterTest
class DeputyBrowserTest extends BrowserTest {

  static final String DIRECTOR = "do-zhongshan-director";
  static final String CHIEF = "do-zhongshan-chief";
  static final String DEPUTY = "do-zhongshan-clerk-2";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Deputies deputies;
  @Autowired Clock clock;

  @AfterEach
  void endThePeriod() {
    jdbc.update("update acting_deputy set ended_at = ?, ended_by = 'test' where agency = 'DO-ZHONGSHAN'"
        + " and ended_at is null", Timestamp.from(clock.instant()));
    deputies.sweep();
  }

  @Test
  void theDeputySignsInTheAbsentChiefsSteadAndTheCaseFileShowsBoth() {
    Api api = new Api(http);
    String no = api.submit(Submission.lowIncome().set("receivingAgency", "DO-ZHONGSHAN"))
        .body().get("applicationNo").asText();
    api.workTask("do-zhongshan-clerk", no, APPROVE, OPINION.of("經訪視符合資格，擬陳轉社會局"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    new Tasklist(browser, base()).signIn(DIRECTOR);
    browser.get(base() + "/staff/deputies");
    new Select(browser.findElement(By.id("absent-DO-ZHONGSHAN"))).selectByValue(CHIEF);
    new Select(browser.findElement(By.id("deputy-DO-ZHONGSHAN"))).selectByValue(DEPUTY);
    LocalDateTime until = LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Taipei"))).plusDays(3).withSecond(0).withNano(0);
    // The date-time picker, set as the browser's own control would set it.
    ((JavascriptExecutor) browser).executeScript("document.getElementById('to-DO-ZHONGSHAN').value = arguments[0];",
        until.toString());
    browser.findElement(By.id("reason-DO-ZHONGSHAN")).sendKeys("休假 Leave");
    Chromium.screenshot(browser, "deputy-1-director-names-a-deputy");
    browser.findElement(By.cssSelector("form.name-deputy button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "代理中 Acting"));
    assertThat(browser.findElement(By.tagName("tbody")).getText()).contains(CHIEF, DEPUTY, "休假 Leave");
    Chromium.screenshot(browser, "deputy-2-named");

    browser.manage().deleteAllCookies();
    Tasklist deputy = new Tasklist(browser, base()).signIn(DEPUTY);
    deputy.openFilter("代理 " + CHIEF + " Acting for " + CHIEF);
    assertThat(deputy.lists(no)).as("the chief's sign-off, in the list the period gave the deputy").isTrue();
    deputy.openTask(no).claim();
    deputy.choose("Sign").write("opinion", "如擬（代理）");
    Chromium.screenshot(browser, "deputy-3-deputy-signs");
    deputy.complete();

    browser.get(base() + "/cases/" + no);
    String signatures = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".acting-for")))
        .findElement(By.xpath("..")).getText();
    Chromium.screenshot(browser, "deputy-4-case-file-shows-both");
    assertThat(signatures).contains(DEPUTY, "代理 acting for " + CHIEF, "如擬（代理）");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("簽核鏈完整 The sign-off chain is intact.");
  }
}
