package org.caserouting.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.CaseEvent;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEventRepository;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.caserouting.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 分案: the agency's section chief hands a clerk's task to a clerk of the agency, or takes it back,
 * through the engine REST API and Tasklist's own API alike; never to another agency's clerk, and
 * a clerk cannot hand out work. Every assignment goes on the case's record.
 */
@CaseRouterTest
class AssignmentTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired CaseEventRepository events;
  @LocalServerPort int port;

  Api api;
  String no;
  Task review;

  @BeforeEach
  void aCaseWaitsForTheDistrictOfficesClerks() {
    api = new Api(http);
    no = api.submit(Submission.lowIncome()).body().get("applicationNo").asText();
    review = tasks.createTaskQuery().processInstanceBusinessKey(no).singleResult();
    assertThat(tasks.getIdentityLinksForTask(review.getId())).anySatisfy(link ->
        assertThat(link.getGroupId()).isEqualTo("do-daan-clerk"));
  }

  @Test
  void theChiefAssignsATaskToAClerkOfTheAgencyAndTakesItBack() {
    Api.Response assigned = assign("do-daan-chief", "do-daan-clerk-2");

    assertThat(assigned.status()).as("%s", assigned.body()).isEqualTo(204);
    assertThat(assignee()).isEqualTo("do-daan-clerk-2");
    assertThat(assign("do-daan-chief", null).status()).isEqualTo(204);
    assertThat(assignee()).isNull();

    assertThat(assignments()).extracting(CaseEvent::getAgency).containsOnly("DO-DAAN");
    assertThat(assignments()).extracting(CaseEvent::getDetail).containsExactly(
        review.getName() + "：— → do-daan-clerk-2（do-daan-chief 分案 assigned）",
        review.getName() + "：do-daan-clerk-2 → 退回機關待辦 back to the agency's list（do-daan-chief 分案 assigned）");
  }

  @Test
  void noOneAssignsATaskToAnotherAgencysClerk() {
    for (String assigner : List.of("do-daan-chief", "do-daan-director", "demo")) {
      Api.Response refused = assign(assigner, "econ-clerk");
      assertThat(refused.status()).as("%s: %s", assigner, refused.body()).isEqualTo(400);
      assertThat(refused.body().path("message").asText()).contains("只能分派給此任務交辦的人員", "econ-clerk");
    }
    assertThat(assignee()).isNull();
    assertThat(assignments()).isEmpty();
  }

  @Test
  void theSameRuleHoldsInTasklist() {
    WebappSession tasklist = WebappSession.signIn("http://localhost:" + port, "tasklist", "do-daan-chief");
    // Tasklist opens the task before the chief picks whom to give it to.
    assertThat(tasklist.engineGet("/task/" + review.getId()).status()).isEqualTo(200);

    Api.Response refused = tasklist.enginePost("/task/" + review.getId() + "/assignee", "{\"userId\":\"econ-clerk\"}");
    Api.Response assigned = tasklist.enginePost("/task/" + review.getId() + "/assignee", "{\"userId\":\"do-daan-clerk\"}");

    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(400);
    assertThat(assigned.status()).as("%s", assigned.body()).isEqualTo(204);
    assertThat(assignee()).isEqualTo("do-daan-clerk");
  }

  @Test
  void theCaseFilesFormNeedsTheTasklistSessionsOwnToken() {
    WebappSession chief = WebappSession.signIn("http://localhost:" + port, "tasklist", "do-daan-chief");
    chief.engineGet("/task/" + review.getId()); // as Tasklist loads the task whose form links to the file
    WebappSession.Page caseFile = chief.open("/cases/" + no);
    assertThat(caseFile.text()).contains("分案 Hand out the agency", "do-daan-clerk-2");

    WebappSession.Page forged = chief.submit(caseFile, "/cases/" + no + "/assign",
        java.util.Map.of("taskId", review.getId(), "assignee", "do-daan-clerk-2", "csrf", "not-the-token"));
    assertThat(forged.status()).as("a request another site made the browser send").isEqualTo(403);
    assertThat(assignee()).isNull();

    WebappSession.Page assigned = chief.submit(caseFile, "/cases/" + no + "/assign",
        java.util.Map.of("taskId", review.getId(), "assignee", "do-daan-clerk-2"));
    assertThat(assigned.status()).isEqualTo(302);
    assertThat(assignee()).isEqualTo("do-daan-clerk-2");
    assertThat(WebappSession.signIn("http://localhost:" + port, "tasklist", "do-daan-clerk").open("/cases/" + no).text())
        .as("a clerk is offered nothing to hand out").doesNotContain("分案 Hand out the agency");
  }

  @Test
  void aClerkCannotHandOutWorkNorClaimInAnotherNamesName() {
    assertThat(assign("do-daan-clerk", "do-daan-clerk-2").status()).as("the engine's assign permission").isEqualTo(403);
    assertThat(assign("econ-chief", "do-daan-clerk-2").status()).as("another agency's chief").isIn(403, 404);

    Api.Response claimedForAnother =
        api.enginePost("do-daan-clerk", "/task/" + review.getId() + "/claim", "{\"userId\":\"do-daan-clerk-2\"}");
    assertThat(claimedForAnother.status()).isEqualTo(400);
    assertThat(api.enginePost("do-daan-clerk", "/task/" + review.getId() + "/claim", "{\"userId\":\"do-daan-clerk\"}")
        .status()).as("a claim for oneself").isEqualTo(204);
    assertThat(assignee()).isEqualTo("do-daan-clerk");
    assertThat(assignments()).as("a claim is not an assignment").isEmpty();
  }

  private Api.Response assign(String user, String assignee) {
    return api.enginePost(user, "/task/" + review.getId() + "/assignee",
        "{\"userId\":" + (assignee == null ? "null" : "\"" + assignee + "\"") + "}");
  }

  private String assignee() {
    return tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee();
  }

  private List<CaseEvent> assignments() {
    return events.findByApplicationNoOrderByOccurredAtAscIdAsc(no).stream()
        .filter(event -> event.getKind() == CaseEventKind.ASSIGNED).toList();
  }
}
