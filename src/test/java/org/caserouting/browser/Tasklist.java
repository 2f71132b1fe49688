package org.caserouting.browser;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Camunda Tasklist as a clerk uses it: sign in, pick a filter, open a case, claim, fill the form, complete. */
final class Tasklist {

  private final WebDriver browser;
  private final String base;
  private final WebDriverWait wait;

  Tasklist(WebDriver browser, String base) {
    this.browser = browser;
    this.base = base;
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  Tasklist signIn(String user) {
    browser.get(base + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
    return this;
  }

  /** How many elements the page has that match the selector, and how many of them a person can see. */
  int[] presentAndVisible(String cssSelector) {
    List<WebElement> found = browser.findElements(By.cssSelector(cssSelector));
    return new int[] {found.size(), (int) found.stream().filter(WebElement::isDisplayed).count()};
  }

  /** The texts of the links and buttons a person can see in the header. */
  @SuppressWarnings("unchecked")
  List<String> visibleHeaderActions() {
    return (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return [...document.querySelectorAll('[cam-widget-header] a, [cam-widget-header] button')]"
            + ".filter(e => e.offsetParent !== null).map(e => e.textContent.trim()).filter(t => t);");
  }

  /** The names of the filters in the side bar. */
  @SuppressWarnings("unchecked")
  List<String> filterNames() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter h4.name a")));
    return (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return [...document.querySelectorAll('.task-filter h4.name a')].map(a => a.childNodes[0].textContent.trim());");
  }

  Tasklist openFilter(String name) {
    String filter = "//div[contains(@class,'task-filter')][.//h4[contains(@class,'name')]/a[contains(normalize-space(.),\"" + name + "\")]]";
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(filter + "//h4/a"))).click();
    wait.until(ExpectedConditions.attributeContains(By.xpath(filter), "class", "active"));
    return this;
  }

  /** Whether the task list of the open filter shows a card of the application. */
  boolean lists(String applicationNo) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(card(applicationNo)));
      return true;
    } catch (org.openqa.selenium.TimeoutException notListed) {
      return false;
    }
  }

  /** Opens a task by its id, as a link from a notice would. */
  Tasklist openTaskById(String taskId) {
    browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasklist-task], .task-details")));
    return this;
  }

  /** How many fields the open Camunda Form shows. */
  int formFields() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
    return browser.findElements(By.cssSelector(".fjs-form .fjs-form-field:not(.fjs-powered-by)")).size();
  }

  /** The form's text as the clerk reads it: labels, and the options chosen in its selects. */
  String formText() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
    return browser.findElement(By.cssSelector(".fjs-form")).getText();
  }

  /** Where the form's link to the case file points. */
  String caseFileLink() {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form a[href*='/cases/']")))
        .getDomProperty("href");
  }

  Tasklist openTask(String applicationNo) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(cardXpath(applicationNo) + "//h4//a"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-details, [cam-tasklist-task]")));
    return this;
  }

  Tasklist claim() {
    clickButton("Claim");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form-field-select")));
    return this;
  }

  /** Picks an option of the select the clerk can change (the outcome), by the text the clerk reads. */
  Tasklist choose(String option) {
    click(By.cssSelector(".fjs-form-field-select:not(.fjs-disabled) .fjs-input-group"));
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(normalize-space(.),'" + option + "')]"));
    return this;
  }

  /** Types into the form field of that key, e.g. "opinion" (the forms' field ids are key + "Field"). */
  Tasklist write(String key, String text) {
    return fill(key + "Field", text);
  }

  /**
   * Types into the form field with that component id, until the field holds the text: Tasklist may
   * render the form again just after a claim, which drops what was typed into the first one.
   */
  Tasklist fill(String componentId, String text) {
    By field = By.cssSelector("[id$='" + componentId + "']");
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      WebElement input = ExpectedConditions.visibilityOfElementLocated(field).apply(driver);
      if (input == null) {
        return false;
      }
      if (!text.equals(input.getDomProperty("value"))) {
        centre(input);
        input.clear();
        input.sendKeys(text);
      }
      return text.equals(driver.findElement(field).getDomProperty("value"));
    });
    return this;
  }

  /**
   * Sets a date-time field of a Camunda Form: its date picker (month/day/year, as form-js shows
   * it) and its time, each typed and left with Tab so the form reads it.
   */
  Tasklist fillDateTime(String componentId, LocalDateTime at) {
    fill(componentId + "-date", at.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
    browser.findElement(By.cssSelector("[id$='" + componentId + "-date']")).sendKeys(Keys.TAB);
    fill(componentId + "-time", at.format(DateTimeFormatter.ofPattern("HH:mm")));
    browser.findElement(By.cssSelector("[id$='" + componentId + "-time']")).sendKeys(Keys.TAB);
    return this;
  }

  Tasklist complete() {
    clickButton("Complete");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")));
    return this;
  }

  private void clickButton(String text) {
    click(By.xpath("//button[normalize-space(.)='" + text + "' or contains(normalize-space(.),'" + text + "')]"));
  }

  private void click(By target) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(target));
    centre(element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private void centre(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private static By card(String applicationNo) {
    return By.xpath(cardXpath(applicationNo));
  }

  private static String cardXpath(String applicationNo) {
    return "//ol[contains(@class,'tasks-list')]/li[contains(normalize-space(.),'" + applicationNo + "')]";
  }
}
