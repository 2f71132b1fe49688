package org.caserouting.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.deadlines.DeadlineWatch;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.caserouting.support.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasklist's filters as each role meets them: which they see, and what each one lists. */
@CaseRouterTest
class TaskFiltersTest {

  private static final java.time.format.DateTimeFormatter REST_DATE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired DeadlineWatch deadlines;
  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(http);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachRoleSeesOnlyTheFiltersThatConcernIt() {
    assertThat(filterNames("do-daan-clerk"))
        .containsExactlyInAnyOrder(TaskFilters.UNCLAIMED, TaskFilters.MY_TASKS, TaskFilters.OVERDUE);
    assertThat(filterNames("do-daan-chief"))
        .containsExactlyInAnyOrder(TaskFilters.AWAITING_SIGN_OFF, TaskFilters.AGENCY_OPEN, TaskFilters.OVERDUE,
            TaskFilters.MY_TASKS);
    assertThat(filterNames("do-daan-director"))
        .containsExactlyInAnyOrder(TaskFilters.AWAITING_SIGN_OFF, TaskFilters.AGENCY_OPEN, TaskFilters.OVERDUE,
            TaskFilters.MY_TASKS);
    assertThat(filterNames("portal")).isEmpty();
    assertThat(filterNames("process-owner")).isEmpty();
  }

  @Test
  void aNewCaseWaitsUnderUnclaimedOfItsAgencyOnlyThenMovesToMyTasksOfWhoeverClaimsIt() {
    String no = submit(Submission.lowIncome());

    assertThat(listed("do-daan-clerk", TaskFilters.UNCLAIMED)).contains(no);
    assertThat(listed("econ-clerk", TaskFilters.UNCLAIMED)).doesNotContain(no);
    assertThat(listed("do-daan-chief", TaskFilters.AGENCY_OPEN)).contains(no);
    assertThat(listed("econ-chief", TaskFilters.AGENCY_OPEN)).doesNotContain(no);

    Task task = tasks.createTaskQuery().processInstanceBusinessKey(no).singleResult();
    tasks.claim(task.getId(), "do-daan-clerk");

    assertThat(listed("do-daan-clerk", TaskFilters.UNCLAIMED)).doesNotContain(no);
    assertThat(listed("do-daan-clerk", TaskFilters.MY_TASKS)).contains(no);
    assertThat(listed("do-daan-chief", TaskFilters.AGENCY_OPEN)).as("the chief still sees claimed work").contains(no);
    assertThat(listed("do-daan-chief", TaskFilters.AWAITING_SIGN_OFF)).doesNotContain(no);
  }

  @Test
  void theClerksForwardWaitsUnderAwaitingSignOffOfTheChief() {
    String no = submit(Submission.lowIncome());

    api.workTask("do-daan-clerk", no, APPROVE, OPINION.of("符合資格，擬陳轉社會局"));

    assertThat(listed("do-daan-chief", TaskFilters.AWAITING_SIGN_OFF)).contains(no);
    assertThat(listed("econ-chief", TaskFilters.AWAITING_SIGN_OFF)).doesNotContain(no);
    assertThat(listed("do-daan-clerk", TaskFilters.UNCLAIMED)).doesNotContain(no);
  }

  @Test
  void filtersListTheEarliestDueFirst() {
    String later = submit(Submission.lowIncome());
    String sooner = submit(Submission.lowIncome());
    Task soonerTask = tasks.createTaskQuery().processInstanceBusinessKey(sooner).singleResult();
    tasks.setDueDate(soonerTask.getId(), Date.from(due(later).toInstant().minus(Duration.ofDays(1))));

    List<String> listed = listed("do-daan-clerk", TaskFilters.UNCLAIMED);

    assertThat(listed).containsSubsequence(sooner, later);
    List<java.time.Instant> dueDates = new ArrayList<>();
    for (JsonNode task : list("do-daan-clerk", TaskFilters.UNCLAIMED)) {
      dueDates.add(java.time.OffsetDateTime.parse(task.get("due").asText(), REST_DATE).toInstant());
    }
    assertThat(dueDates).isSorted();
  }

  @Test
  void aTaskPastItsDueDateShowsUnderOverdueForItsAgency() {
    String no = submit(Submission.lowIncome());
    assertThat(listed("do-daan-clerk", TaskFilters.OVERDUE)).doesNotContain(no);

    ClockUtil.setCurrentTime(Date.from(due(no).toInstant().plus(Duration.ofDays(1))));
    assertThat(deadlines.escalateOverdue()).isPositive();

    assertThat(listed("do-daan-clerk", TaskFilters.OVERDUE)).contains(no);
    assertThat(listed("do-daan-director", TaskFilters.OVERDUE)).contains(no);
    assertThat(listed("econ-clerk", TaskFilters.OVERDUE)).doesNotContain(no);
    assertThat(deadlines.escalateOverdue()).as("marked once").isZero();
  }

  @Test
  void noStoredFilterRunsAnExpressionAndAnAdHocExpressionIsRefused() {
    Api.Response all = api.engineGet("demo", "/filter?resourceType=Task&maxResults=2000");
    assertThat(all.body()).isNotEmpty();
    assertThat(all.body().toString()).doesNotContain("${").doesNotContain("#{");

    WebappSession tasklist = WebappSession.signIn("http://localhost:" + port, "tasklist", "do-daan-clerk");
    Api.Response adHoc = tasklist.engineGet("/task?assigneeExpression=%24%7BcurrentUser()%7D&maxResults=10");
    assertThat(adHoc.status()).as(adHoc.body().toString()).isEqualTo(400);
  }

  @Test
  void someoneAddedToAnAgencyLaterFindsMyTasksWhenTheySignInToTasklist() {
    User user = identity.newUser("do-daan-clerk-new");
    user.setFirstName("新進");
    user.setLastName("承辦人");
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership("do-daan-clerk-new", "do-daan-clerk");
    try {
      WebappSession tasklist = WebappSession.signIn("http://localhost:" + port, "tasklist", "do-daan-clerk-new");
      assertThat(tasklist.signedIn()).isTrue();

      Api.Response filters = tasklist.engineGet("/filter?resourceType=Task&maxResults=100");
      assertThat(names(filters.body())).contains(TaskFilters.MY_TASKS, TaskFilters.UNCLAIMED);
      assertThat(filterNames("do-daan-clerk-new")).containsOnlyOnce(TaskFilters.MY_TASKS);
    } finally {
      identity.deleteUser("do-daan-clerk-new");
    }
  }

  private String submit(Submission submission) {
    Api.Response response = api.submit(submission);
    assertThat(response.status()).as("submitted: %s", response.body()).isEqualTo(201);
    return response.body().get("applicationNo").asText();
  }

  private Date due(String applicationNo) {
    return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult().getDueDate();
  }

  private List<String> filterNames(String user) {
    return names(api.engineGet(user, "/filter?resourceType=Task&maxResults=100").body());
  }

  private static List<String> names(JsonNode filters) {
    List<String> names = new ArrayList<>();
    filters.forEach(filter -> names.add(filter.get("name").asText()));
    return names;
  }

  private JsonNode list(String user, String filterName) {
    JsonNode filters = api.engineGet(user, "/filter?resourceType=Task&name={name}&maxResults=10", filterName).body();
    assertThat(filters).as("%s sees filter %s", user, filterName).hasSize(1);
    Api.Response listed = api.engineGet(user, "/filter/" + filters.get(0).get("id").asText() + "/list?maxResults=500");
    assertThat(listed.status()).as("%s lists %s: %s", user, filterName, listed.body()).isEqualTo(200);
    return listed.body();
  }

  /** The application numbers (business keys) of the tasks a filter lists for the user. */
  private List<String> listed(String user, String filterName) {
    List<String> numbers = new ArrayList<>();
    for (JsonNode task : list(user, filterName)) {
      String instance = task.get("processInstanceId").asText();
      numbers.add(api.engineGet("demo", "/process-instance/" + instance).body().path("businessKey").asText());
    }
    return numbers;
  }
}
