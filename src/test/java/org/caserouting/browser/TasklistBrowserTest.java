package org.caserouting.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.CaseFileReads;
import org.caserouting.identity.TaskFilters;
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
 * A low-income application worked in a real Chromium through Camunda Tasklist: the Wenshan district
 * office's clerk (an office no other test uses, so its lists hold this test's cases only) finds it under "My agency: unclaimed", claims it and drafts a forward; the section
 * chief signs it under "Awaiting my sign-off"; a clerk of another agency sees nothing of it.
 * Screenshots of each step are saved under target/screenshots.
 */
@CaseRouterTest
class TasklistBrowserTest extends BrowserTest {

  static final String CLERK = "do-wenshan-clerk";
  static final String CHIEF = "do-wenshan-chief";

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired CaseFileReads reads;

  @Test
  void clerkDraftsChiefSignsAndAnotherAgencySeesNothing() {
    String no = submitted();

    Tasklist clerk = new Tasklist(browser, base()).signIn(CLERK);
    for (String cityDecision : List.of(".start-process-action", ".create-task-action", ".ce-eol-banner")) {
      int[] found = clerk.presentAndVisible(cityDecision);
      assertThat(found[0]).as("Tasklist still renders %s (else this check proves nothing)", cityDecision).isPositive();
      assertThat(found[1]).as("%s is hidden from staff", cityDecision).isZero();
    }
    assertThat(clerk.visibleHeaderActions()).as("the header offers neither").noneMatch(
        action -> action.contains("Start process") || action.contains("Create task")
            || action.contains("啟動流程") || action.contains("新增工作") || action.contains("Camunda 8"));
    clerk.openFilter(TaskFilters.UNCLAIMED);
    assertThat(clerk.lists(no)).as("the new case waits under 'My agency: unclaimed'").isTrue();
    assertThat(browser.getCurrentUrl()).as("lists open earliest due first").contains("dueDate");
    Chromium.screenshot(browser, "1-clerk-unclaimed");
    clerk.openTask(no).claim();
    assertThat(clerk.formText()).as("the channel by its name, not its code")
        .contains("網路申辦並須現場作業 Online, with a field step").doesNotContain("ONLINE_WITH_FIELD_STEP");
    assertThat(clerk.formText()).as("the means test the system proposes, here without the agencies' figures (no queries"
            + " in this context), never counted as zero")
        .contains("社會救助審查（系統建議，由承辦人決定）", "系統建議 Proposed：資料尚缺，不以零計", "王○○");
    clerk.choose("Draft a forward to the agency above")
        .write("opinion", "經訪視符合資格，擬陳轉社會局");
    Chromium.screenshot(browser, "2-clerk-review-form");
    clerk.complete();
    Chromium.screenshot(browser, "3-clerk-completed");
    assertThat(completedBy(no, "reviewByReceivingAgency")).isEqualTo(CLERK);

    browser.manage().deleteAllCookies();
    Tasklist chief = new Tasklist(browser, base()).signIn(CHIEF);
    chief.openFilter(TaskFilters.AWAITING_SIGN_OFF);
    assertThat(chief.lists(no)).as("the draft waits under 'Awaiting my sign-off'").isTrue();
    chief.openTask(no).claim();
    assertThat(chief.formText()).as("what is signed, by its name")
        .contains("陳轉上級 Forward to the agency above", "科長 Section chief")
        .doesNotContain("FORWARD", "CHIEF");
    chief.choose("Sign").write("opinion", "如擬");
    Chromium.screenshot(browser, "4-chief-sign-off-form");
    chief.complete();
    Chromium.screenshot(browser, "5-chief-signed");
    assertThat(completedBy(no, "signOff")).isEqualTo(CHIEF);
    Task upper = tasks.createTaskQuery().processInstanceBusinessKey(no).singleResult();
    assertThat(upper.getTaskDefinitionKey()).as("forwarded to the agency above").isEqualTo("reviewByUpperAgency");

    browser.manage().deleteAllCookies();
    Tasklist other = new Tasklist(browser, base()).signIn("econ-clerk");
    for (String filter : other.filterNames()) {
      other.openFilter(filter);
      assertThat(other.lists(no)).as("econ-clerk's filter %s", filter).isFalse();
    }
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + upper.getId());
    Chromium.screenshot(browser, "6-other-agency-sees-nothing");
    assertThat(browser.getPageSource()).doesNotContain(no).doesNotContain("王小明");
  }

  @Test
  void tasklistSpeaksTraditionalChineseToABrowserSetToIt() {
    browser.quit();
    browser = Chromium.start("zh-TW");

    browser.get(base() + "/camunda/app/tasklist/default/");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "日期時間以本地時區顯示"));
    new Tasklist(browser, base()).signIn(CLERK).openFilter(TaskFilters.UNCLAIMED);

    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[placeholder='搜尋案件']")));
    Chromium.screenshot(browser, "7-tasklist-in-traditional-chinese");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("鍵盤快速鍵").doesNotContain("Keyboard Shortcuts");
  }

  @Test
  void aClerkOpensTheCaseFileFromTheFormAndSeesTheApplicantsPdfWhereAnotherAgencyIsRefused() {
    org.caserouting.support.Clamd.assumeInstalled();
    byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 收入證明\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Api.Response accepted = new Api(http).submitWithFiles(Submission.lowIncome().set("receivingAgency", "DO-WENSHAN"),
        new Api.FilePart("INCOME_RECORD", "收入證明.pdf", pdf));
    assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(201);
    String no = accepted.body().get("applicationNo").asText();

    Tasklist clerk = new Tasklist(browser, base()).signIn(CLERK);
    clerk.openFilter(TaskFilters.UNCLAIMED);
    clerk.openTask(no).claim();
    String caseFile = clerk.caseFileLink();
    assertThat(caseFile).as("the form links to the case's file").isEqualTo(base() + "/cases/" + no);

    browser.get(caseFile);
    Chromium.screenshot(browser, "8-case-file");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("案卷 Case file", no, "收入證明.pdf");
    String document = browser.findElement(By.linkText("收入證明.pdf")).getDomProperty("href");

    // Fetched as the browser would show it, with the same Tasklist session, from Tasklist's page
    // (the case file's own page runs no script at all).
    browser.get(base() + "/camunda/app/tasklist/default/");
    Object fetched = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('Content-Type') + ' '"
            + " + t.substring(0, 8))));", document);
    assertThat(fetched).isEqualTo("200 application/pdf %PDF-1.4");
    assertThat(reads.of(no)).extracting(CaseFileReads.Read::userId, CaseFileReads.Read::what)
        .contains(org.assertj.core.groups.Tuple.tuple(CLERK, CaseFileReads.What.CASE_FILE),
            org.assertj.core.groups.Tuple.tuple(CLERK, CaseFileReads.What.DOCUMENT));

    // The applicant's own page shows the read: the office and the role, not the clerk's name.
    browser.manage().deleteAllCookies();
    browser.get(base() + java.net.URI.create(accepted.body().get("trackingUrl").asText()).getPath());
    Chromium.screenshot(browser, "10-applicant-sees-who-opened-the-file");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("於辦理您的申請時開啟了您的案卷", "承辦人", "於辦理您的申請時開啟了您的綜合所得稅各類所得資料")
        .doesNotContain(CLERK);

    new Tasklist(browser, base()).signIn("econ-clerk");
    browser.get(caseFile);
    Chromium.screenshot(browser, "9-case-file-refused-to-another-agency");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("無權查看此案卷").doesNotContain("收入證明.pdf");
  }

  private String submitted() {
    Api.Response response = new Api(http).submit(Submission.lowIncome().set("receivingAgency", "DO-WENSHAN"));
    assertThat(response.status()).isEqualTo(201);
    return response.body().get("applicationNo").asText();
  }

  private String completedBy(String applicationNo, String taskKey) {
    return history.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(applicationNo)
        .taskDefinitionKey(taskKey)
        .finished()
        .singleResult()
        .getAssignee();
  }
}
