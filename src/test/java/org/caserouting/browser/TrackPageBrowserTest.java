package org.caserouting.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.platform.engine.task.TaskOutcome.RETURN;
import static org.caserouting.platform.engine.task.TaskOutcome.UPDATED;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Chromium;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * /track as an applicant meets it, in Chromium, for an application in each state: waiting at an
 * agency, waiting for the applicant's documents, and decided with its signed receipt. Every page
 * passes axe-core's WCAG 2.1 A and AA rules.
 */
@CaseRouterTest
class TrackPageBrowserTest extends BrowserTest {

  /** WANG's national ID ends in these four characters (see Submission). */
  static final String ID_SUFFIX = "6789";

  @Autowired TestRestTemplate http;

  @Test
  void anApplicantFollowsTheirApplicationInEachStateOnAnAccessiblePage() {
    Api api = new Api(http);
    String waiting = submitted(api, Submission.lowIncome());
    String supplement = submitted(api, Submission.lowIncome());
    api.workTask("do-daan-clerk", supplement, RETURN, OPINION.of("請補附最近三個月薪資證明"));
    String decided = submitted(api, Submission.householdTranscript());
    api.workTask("hr-daan-clerk", decided, APPROVE, OPINION.of("核發英文戶籍謄本"));
    api.workTask("hr-daan-chief", decided, APPROVE);

    browser.get(base() + "/track");
    assertAccessible("track-form");

    lookUp(waiting);
    assertThat(text("status")).isEqualTo("審查中");
    assertThat(body()).contains("目前辦理單位", "臺北市大安區公所", "承辦人");
    assertAccessible("track-waiting");

    lookUp(supplement);
    assertThat(text("status")).isEqualTo("待您補正文件");
    assertThat(body()).contains("通知補正", "請補附最近三個月薪資證明", "前補正");
    assertAccessible("track-supplement-requested");

    lookUp(decided);
    assertThat(text("status")).isEqualTo("已處分");
    assertThat(text("decisionText")).contains("核准");
    assertThat(browser.findElements(By.cssSelector("ol.steps li[data-kind='DECIDED']"))).hasSize(1);
    assertThat(body()).contains("核發英文戶籍謄本").doesNotContain("hr-daan-clerk");
    assertThat(browser.findElements(By.cssSelector("img[src^='data:image/png']"))).hasSize(1);
    assertAccessible("track-decided");

    browser.findElement(By.xpath("//button[normalize-space(.)='查驗此收據']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
    assertThat(text("verdict")).isEqualTo("此收據為真，且與案件目前狀態相符。");
    assertAccessible("track-receipt-verified");

    browser.get(base() + "/track?lang=en");
    lookUp(decided);
    assertThat(text("status")).isEqualTo("Decided");
    assertAccessible("track-decided-english");
  }

  @Test
  void aCitizenFollowsAReportedChangeAgencyByAgency() {
    Api clerk = new Api(http, "hr-daan-clerk");
    Api.Response reported = clerk.postJson("/api/changes", """
        {"changeType": "ADDRESS",
         "subject": {"nationalId": "A123456789", "name": "王小明"},
         "district": "DAAN",
         "details": "遷入：臺北市大安區和平東路二段106號5樓",
         "consentedAgencies": ["LO-DAAN", "MILITARY"],
         "receivingAgency": "HR-DAAN"}""", new org.springframework.http.HttpHeaders());
    assertThat(reported.status()).as("%s", reported.body()).isEqualTo(201);
    String changeNo = reported.body().get("changeNo").asText();
    clerk.workTask("lo-daan-clerk", changeNo, UPDATED);

    lookUp(changeNo, "changeNo");

    assertThat(text("status")).isEqualTo("各機關更新中");
    assertThat(browser.findElement(By.cssSelector("tr[data-agency='LO-DAAN']")).getText()).contains("臺北市大安地政事務所", "已更新");
    assertThat(browser.findElement(By.cssSelector("tr[data-agency='MILITARY']")).getText()).contains("由承辦人處理", "等待回復");
    assertThat(browser.findElements(By.cssSelector("li[data-agency]"))).extracting(e -> e.getAttribute("data-agency"))
        .containsExactlyInAnyOrder("REVENUE", "ENV");
    assertAccessible("track-change-in-progress");
  }

  private void lookUp(String applicationNo) {
    lookUp(applicationNo, "applicationNo");
  }

  private void lookUp(String number, String shownIn) {
    browser.get(base() + "/track");
    browser.findElement(By.id("applicationNo")).sendKeys(number);
    browser.findElement(By.id("idSuffix")).sendKeys(ID_SUFFIX);
    browser.findElement(By.cssSelector("form button[type='submit']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(shownIn), number));
  }

  private void assertAccessible(String page) {
    Chromium.screenshot(browser, page);
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
    assertThat(results.getViolations())
        .as("%s: %s", page, results.getViolations().stream()
            .map(rule -> rule.getId() + " (" + rule.getHelp() + ") at " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
            .collect(Collectors.joining("; ")))
        .extracting(Rule::getId)
        .isEmpty();
    assertThat(results.getPasses()).as("%s: axe ran its rules", page).isNotEmpty();
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText().strip();
  }

  private String body() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private static String submitted(Api api, Submission submission) {
    Api.Response response = api.submit(submission);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    return response.body().get("applicationNo").asText();
  }
}
