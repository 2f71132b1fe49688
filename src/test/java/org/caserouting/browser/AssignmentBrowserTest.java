package org.caserouting.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.TaskService;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Chromium;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * 分案 in Chromium: Beitou district office's section chief, signed in to Tasklist, opens the case
 * file of a case waiting for the office's clerks and hands it to the second clerk; a request
 * altered to name another agency's clerk is refused, and the task stays where it was. (Beitou: an
 * office no other test uses.)
 */
@CaseRouterTest
class AssignmentBrowserTest extends BrowserTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;

  @Test
  void theChiefHandsTheCaseToAClerkOfTheOfficeAndNotToAnotherAgencys() {
    String no = new Api(http).submit(Submission.lowIncome().set("receivingAgency", "DO-BEITOU"))
        .body().get("applicationNo").asText();
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(no).singleResult().getId();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    new Tasklist(browser, base()).signIn("do-beitou-chief");
    browser.get(base() + "/cases/" + no);
    Select clerks = new Select(browser.findElement(By.id("assignee-" + taskId)));
    assertThat(clerks.getOptions()).extracting(option -> option.getDomProperty("value"))
        .as("the office's clerks, and the office's list").containsExactly("", "do-beitou-clerk", "do-beitou-clerk-2");
    clerks.selectByValue("do-beitou-clerk-2");
    Chromium.screenshot(browser, "assign-1-chief-picks-a-clerk");
    browser.findElement(By.cssSelector("section[aria-labelledby='assign'] button")).click();
    // The page comes back with the assignment on the case's record.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "分案 Assigned"));

    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("do-beitou-clerk-2");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("do-beitou-clerk-2");
    Chromium.screenshot(browser, "assign-2-assigned");

    // The form altered in the browser to name another agency's clerk: the engine refuses it.
    ((JavascriptExecutor) browser).executeScript(
        "document.getElementById(arguments[0]).options[2].value = 'econ-clerk';", "assignee-" + taskId);
    new Select(browser.findElement(By.id("assignee-" + taskId))).selectByIndex(2);
    browser.findElement(By.cssSelector("section[aria-labelledby='assign'] button")).click();

    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role='alert']"))).getText())
        .contains("只能分派給此任務交辦的人員", "econ-clerk");
    Chromium.screenshot(browser, "assign-3-another-agency-refused");
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("do-beitou-clerk-2");
  }
}
