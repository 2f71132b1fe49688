package org.caserouting.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.identity.PermissionMatrixTest.Person.ADMIN;
import static org.caserouting.identity.PermissionMatrixTest.Person.CITY_OVERSIGHT;
import static org.caserouting.identity.PermissionMatrixTest.Person.A_CHIEF;
import static org.caserouting.identity.PermissionMatrixTest.Person.A_CLERK;
import static org.caserouting.identity.PermissionMatrixTest.Person.A_DIRECTOR;
import static org.caserouting.identity.PermissionMatrixTest.Person.B_CHIEF;
import static org.caserouting.identity.PermissionMatrixTest.Person.B_CLERK;
import static org.caserouting.identity.PermissionMatrixTest.Person.B_DIRECTOR;
import static org.caserouting.identity.PermissionMatrixTest.Person.PORTAL;
import static org.caserouting.identity.PermissionMatrixTest.Person.PROCESS_OWNER;
import static org.caserouting.platform.engine.task.TaskOutcome.RETURN;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.caserouting.cases.Caller;
import org.caserouting.deputies.Deputies;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CaseWork;
import org.caserouting.support.Submission;
import org.caserouting.support.WebappSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Who may do what, through every door: agency x role x door x action, on a low-income
 * application waiting at the district office of Da'an (agency A). Agency B, the Department of
 * Economic Development, has no part in it. Each row states whether the action is done; a refused
 * action is refused cleanly (401, 403, 404 or an empty list), never with a server error.
 */
@CaseRouterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {

  enum Person {
    A_CLERK("do-daan-clerk"),
    A_CHIEF("do-daan-chief"),
    A_DIRECTOR("do-daan-director"),
    B_CLERK("econ-clerk"),
    B_CHIEF("econ-chief"),
    B_DIRECTOR("econ-director"),
    PROCESS_OWNER("process-owner"),
    PORTAL("portal"),
    CITY_OVERSIGHT("city-oversight"),
    ADMIN("demo");

    final String user;

    Person(String user) {
      this.user = user;
    }
  }

  enum Door {
    ENGINE_REST,
    TASKLIST,
    COCKPIT,
    ADMIN_APP,
    OUR_API
  }

  /** List queries page, as the webapps do: the engine refuses an unbounded one. */
  private static final String PAGE = "&maxResults=50";

  private static final Set<Person> AGENCY_A = EnumSet.of(A_CLERK, A_CHIEF, A_DIRECTOR);
  private static final Set<Person> STAFF = EnumSet.of(A_CLERK, A_CHIEF, A_DIRECTOR, B_CLERK, B_CHIEF, B_DIRECTOR);

  /** Each action, the doors it can be tried through, and who may do it (through a door they can open). */
  enum Action {
    OPEN_TASKLIST(List.of(Door.TASKLIST), union(STAFF, CITY_OVERSIGHT, ADMIN)),
    OPEN_COCKPIT(List.of(Door.COCKPIT), EnumSet.of(PROCESS_OWNER, ADMIN)),
    OPEN_ADMIN(List.of(Door.ADMIN_APP), EnumSet.of(ADMIN)),
    SEE_THE_TASK(List.of(Door.ENGINE_REST, Door.TASKLIST), union(AGENCY_A, ADMIN)),
    READ_THE_TASK_FORM_DATA(List.of(Door.ENGINE_REST, Door.TASKLIST), union(AGENCY_A, ADMIN)),
    CLAIM_THE_TASK(List.of(Door.ENGINE_REST, Door.TASKLIST), EnumSet.of(A_CLERK, ADMIN)),
    COMPLETE_THE_TASK(List.of(Door.ENGINE_REST, Door.TASKLIST), EnumSet.of(A_CLERK, ADMIN)),
    /** 分案: a clerk's task handed to another clerk of the agency, by its supervisors. */
    ASSIGN_THE_TASK_TO_A_CLERK_OF_THE_AGENCY(List.of(Door.ENGINE_REST, Door.TASKLIST), EnumSet.of(A_CHIEF, A_DIRECTOR, ADMIN)),
    /** The same from the case file's 分案 form, offered to the supervisors of the agency whose clerks the task is for. */
    ASSIGN_FROM_THE_CASE_FILE(List.of(Door.TASKLIST), EnumSet.of(A_CHIEF, A_DIRECTOR)),
    /** Nobody hands agency A's task to agency B's clerk, through any door. */
    ASSIGN_THE_TASK_TO_ANOTHER_AGENCYS_CLERK(List.of(Door.ENGINE_REST, Door.TASKLIST), EnumSet.noneOf(Person.class)),
    READ_THE_CASE_VARIABLES(List.of(Door.ENGINE_REST, Door.COCKPIT), union(AGENCY_A, ADMIN)),
    READ_THE_CASE_HISTORY(List.of(Door.ENGINE_REST, Door.COCKPIT), union(AGENCY_A, ADMIN)),
    READ_THE_TASK_HISTORY(List.of(Door.ENGINE_REST, Door.TASKLIST), union(AGENCY_A, ADMIN)),
    SEE_THE_CASE_INCIDENT(List.of(Door.ENGINE_REST, Door.COCKPIT), union(AGENCY_A, ADMIN)),
    READ_PROCESS_DEFINITIONS(List.of(Door.ENGINE_REST, Door.COCKPIT), union(STAFF, PROCESS_OWNER, ADMIN)),
    DEPLOY_A_PROCESS(List.of(Door.ENGINE_REST), EnumSet.of(PROCESS_OWNER, ADMIN)),
    READ_THE_APPLICATION(List.of(Door.OUR_API), union(AGENCY_A, PORTAL, ADMIN)),
    /** The portal team's contract (/v3/api-docs): no one's data, open to every caller, signed in or not. */
    READ_THE_API_CONTRACT(List.of(Door.OUR_API), EnumSet.allOf(Person.class)),
    READ_WHO_LOOKED_AT_THE_DATA(List.of(Door.OUR_API), union(AGENCY_A, PORTAL, ADMIN)),
    /** A household member's own "who looked at my data", across cases: the portal, for the citizen it signed in. */
    READ_WHO_LOOKED_AT_A_PERSONS_DATA(List.of(Door.OUR_API), EnumSet.of(PORTAL)),
    /** The case's means test with every figure's source: whoever reads the case (the portal as the applicant sees it). */
    READ_THE_MEANS_TEST(List.of(Door.OUR_API), union(AGENCY_A, PORTAL, ADMIN)),
    /** Adjusting it, with a reason that goes to the sign-off: only the clerk holding the case's review. */
    ADJUST_THE_MEANS_TEST(List.of(Door.OUR_API), EnumSet.of(A_CLERK)),
    /** The case file page (/cases/{no}), opened with the Tasklist sign-in. */
    OPEN_THE_CASE_FILE(List.of(Door.TASKLIST), union(AGENCY_A, ADMIN)),
    SUBMIT_TO_AGENCY_A(List.of(Door.OUR_API), EnumSet.of(A_CLERK, PORTAL)),
    /** The same, with the applicant's files (multipart): the same rule, and the files only then scanned and kept. */
    SUBMIT_WITH_FILES_TO_AGENCY_A(List.of(Door.OUR_API), EnumSet.of(A_CLERK, PORTAL)),
    SUPPLY_MISSING_DOCUMENTS(List.of(Door.OUR_API), EnumSet.of(A_CLERK, PORTAL)),
    READ_THE_DATA_EXCHANGE_REPORT(List.of(Door.OUR_API),
        EnumSet.of(A_CHIEF, A_DIRECTOR, B_CHIEF, B_DIRECTOR, CITY_OVERSIGHT, ADMIN)),
    /** The oversight figures of agency A (研考): its own supervisors, the city's oversight office, administrators. */
    READ_AGENCY_AS_OVERSIGHT_FIGURES(List.of(Door.OUR_API), EnumSet.of(A_CHIEF, A_DIRECTOR, CITY_OVERSIGHT, ADMIN)),
    OPEN_THE_OVERSIGHT_PAGE(List.of(Door.TASKLIST),
        EnumSet.of(A_CHIEF, A_DIRECTOR, B_CHIEF, B_DIRECTOR, CITY_OVERSIGHT, ADMIN)),
    /** 職務代理: an acting deputy for one of agency A's clerks, named for a later period. */
    NAME_A_DEPUTY_AT_AGENCY_A(List.of(Door.OUR_API), EnumSet.of(A_CHIEF, A_DIRECTOR, ADMIN)),
    LIST_AGENCY_AS_DEPUTIES(List.of(Door.OUR_API), EnumSet.of(A_CHIEF, A_DIRECTOR, ADMIN)),
    /** The staff page for deputies: each chief and director for their own agency. */
    OPEN_THE_DEPUTIES_PAGE(List.of(Door.TASKLIST), EnumSet.of(A_CHIEF, A_DIRECTOR, B_CHIEF, B_DIRECTOR)),
    /** A field of the task's own form, kept on the task as a draft: the engine's UPDATE_VARIABLE, administrators only. */
    KEEP_A_FORM_FIELD_ON_THE_TASK(List.of(Door.ENGINE_REST, Door.TASKLIST), EnumSet.of(ADMIN)),
    /** What steers the case is no field of any form: nobody writes it through a task. */
    WRITE_WHAT_STEERS_THE_CASE_THROUGH_THE_TASK(List.of(Door.ENGINE_REST, Door.TASKLIST), EnumSet.noneOf(Person.class)),
    DEPLOY_A_SCRIPT(List.of(Door.ENGINE_REST), EnumSet.noneOf(Person.class)),
    /** What a migration of running cases would do (ADR 0030): process owners and administrators. */
    DRY_RUN_A_MIGRATION(List.of(Door.OUR_API), EnumSet.of(PROCESS_OWNER, ADMIN)),
    /** Moving a running case to another version past the second person's approval: nobody, through any door. */
    MIGRATE_THE_CASE_THROUGH_THE_ENGINE(List.of(Door.ENGINE_REST, Door.COCKPIT), EnumSet.noneOf(Person.class));

    final List<Door> doors;
    final Set<Person> allowed;

    Action(List<Door> doors, Set<Person> allowed) {
      this.doors = doors;
      this.allowed = allowed;
    }
  }

  /** Who can sign in to each webapp, from the OPEN_ rows of the matrix itself. */
  private static boolean opens(Door door, Person person) {
    return switch (door) {
      case TASKLIST -> Action.OPEN_TASKLIST.allowed.contains(person);
      case COCKPIT -> Action.OPEN_COCKPIT.allowed.contains(person);
      case ADMIN_APP -> Action.OPEN_ADMIN.allowed.contains(person);
      case ENGINE_REST, OUR_API -> true;
    };
  }

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    for (Action action : Action.values()) {
      for (Door door : action.doors) {
        for (Person person : Person.values()) {
          rows.add(Arguments.of(person, door, action, action.allowed.contains(person) && opens(door, person)));
        }
      }
    }
    return rows.stream();
  }

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired ProcessEngine engine;
  @Autowired Deputies deputies;
  @LocalServerPort int port;

  private final Map<String, WebappSession> sessions = new ConcurrentHashMap<>();
  private String applicationNo;
  private Task task;

  @BeforeAll
  void aCaseWaitsAtTheDistrictOfficeWithAnIncident() {
    applicationNo = submitted();
    task = waitingTask(applicationNo);
    runtime.createIncident("permissionProbe", task.getExecutionId(), "an incident every administrator should see");
  }

  @ParameterizedTest(name = "{0} {2} through {1}: {3}")
  @MethodSource("matrix")
  void eachPersonDoesExactlyWhatTheirRoleInTheirAgencyAllows(Person person, Door door, Action action, boolean allowed) {
    Outcome outcome = attempt(person, door, action);

    assertThat(outcome.status()).as("%s %s through %s: %s", person, action, door, outcome.detail()).isLessThan(500);
    assertThat(outcome.done()).as("%s %s through %s: %s", person, action, door, outcome.detail()).isEqualTo(allowed);
  }

  record Outcome(boolean done, int status, String detail) {
    static Outcome of(Api.Response response, boolean done) {
      return new Outcome(done, response.status(), response.status() + " " + response.body());
    }

    static Outcome status(Api.Response response, int success) {
      return of(response, response.status() == success);
    }

    static Outcome nonEmpty(Api.Response response) {
      return of(response, response.status() == 200 && response.body().isArray() && !response.body().isEmpty());
    }
  }

  private Outcome attempt(Person person, Door door, Action action) {
    return switch (action) {
      case OPEN_TASKLIST, OPEN_COCKPIT, OPEN_ADMIN -> {
        WebappSession session = session(person, door);
        yield new Outcome(session.signedIn(), session.signInStatus(), "sign-in " + session.signInStatus());
      }
      case SEE_THE_TASK ->
          Outcome.nonEmpty(get(person, door, "/task?processInstanceBusinessKey=" + applicationNo + PAGE));
      case READ_THE_TASK_FORM_DATA ->
          Outcome.status(get(person, door, "/task/" + task.getId() + "/form-variables"), 200);
      case CLAIM_THE_TASK -> {
        Api.Response claimed = post(person, door, "/task/" + task.getId() + "/claim", "{\"userId\":\"" + person.user + "\"}");
        tasks.setAssignee(task.getId(), null);
        yield Outcome.status(claimed, 204);
      }
      case ASSIGN_THE_TASK_TO_A_CLERK_OF_THE_AGENCY, ASSIGN_THE_TASK_TO_ANOTHER_AGENCYS_CLERK -> {
        String to = action == Action.ASSIGN_THE_TASK_TO_A_CLERK_OF_THE_AGENCY ? "do-daan-clerk-2" : "econ-clerk";
        if (door == Door.TASKLIST) {
          get(person, door, "/task/" + task.getId());
        }
        Api.Response assigned = post(person, door, "/task/" + task.getId() + "/assignee", "{\"userId\":\"" + to + "\"}");
        boolean done = to.equals(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee());
        tasks.setAssignee(task.getId(), null);
        yield Outcome.of(assigned, done && assigned.status() == 204);
      }
      case ASSIGN_FROM_THE_CASE_FILE -> {
        WebappSession session = session(person, door);
        WebappSession.Page caseFile = session.open("/cases/" + applicationNo);
        WebappSession.Page page = session.submit(caseFile, "/cases/" + applicationNo + "/assign",
            Map.of("taskId", task.getId(), "assignee", "do-daan-clerk-2"));
        boolean done = "do-daan-clerk-2".equals(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee());
        tasks.setAssignee(task.getId(), null);
        yield new Outcome(done && page.status() == 302, page.status(), "case file assign " + page.status());
      }
      case COMPLETE_THE_TASK -> {
        Task fresh = waitingTask(submitted());
        yield Outcome.status(post(person, door, "/task/" + fresh.getId() + "/complete",
            "{\"variables\":{\"outcome\":{\"value\":\"APPROVE\"},\"opinion\":{\"value\":\"符合資格\"}}}"), 204);
      }
      case READ_THE_CASE_VARIABLES ->
          Outcome.status(get(person, door, "/process-instance/" + task.getProcessInstanceId() + "/variables"), 200);
      case READ_THE_CASE_HISTORY ->
          Outcome.nonEmpty(get(person, door, "/history/process-instance?processInstanceBusinessKey=" + applicationNo + PAGE));
      case READ_THE_TASK_HISTORY ->
          Outcome.nonEmpty(get(person, door, "/history/task?processInstanceBusinessKey=" + applicationNo + PAGE));
      case SEE_THE_CASE_INCIDENT ->
          Outcome.nonEmpty(get(person, door, "/incident?processInstanceId=" + task.getProcessInstanceId() + PAGE));
      case READ_PROCESS_DEFINITIONS ->
          Outcome.nonEmpty(get(person, door, "/process-definition?key=case-intake" + PAGE));
      case DEPLOY_A_PROCESS -> deploy(person, Bpmn.createExecutableProcess("permissionProbe").camundaHistoryTimeToLive(1)
          .startEvent().endEvent().done());
      case READ_THE_APPLICATION -> Outcome.status(new Api(http, person.user).get("/api/applications/" + applicationNo), 200);
      case READ_THE_API_CONTRACT -> Outcome.status(new Api(http, person.user).get("/v3/api-docs"), 200);
      case OPEN_THE_CASE_FILE -> {
        int status = session(person, door).open("/cases/" + applicationNo).status();
        yield new Outcome(status == 200, status, "case file " + status);
      }
      case READ_WHO_LOOKED_AT_THE_DATA ->
          Outcome.status(new Api(http, person.user).get("/api/applications/" + applicationNo + "/data-access"), 200);
      case READ_WHO_LOOKED_AT_A_PERSONS_DATA ->
          Outcome.status(new Api(http, person.user).get("/api/people/" + Submission.LIN + "/data-access"), 200);
      case READ_THE_MEANS_TEST ->
          Outcome.status(new Api(http, person.user).get("/api/applications/" + applicationNo + "/means-test"), 200);
      case ADJUST_THE_MEANS_TEST -> {
        // The district's clerk has taken the first review; each person then tries to adjust.
        tasks.claim(task.getId(), "do-daan-clerk");
        Api.Response adjusted = new Api(http, person.user).postJson("/api/applications/" + applicationNo
                + "/means-test/adjustments", "{\"member\":\"" + Submission.WANG + "\",\"kind\":\"SET_FIGURE\","
                + "\"figure\":\"WORK_INCOME\",\"amount\":0,\"reason\":\"就學中 A student\"}", new HttpHeaders());
        tasks.setAssignee(task.getId(), null);
        yield Outcome.status(adjusted, 201);
      }
      case SUBMIT_TO_AGENCY_A ->
          Outcome.status(new Api(http, person.user).submit(Submission.lowIncome().set("receivingAgency", "DO-DAAN")), 201);
      case SUBMIT_WITH_FILES_TO_AGENCY_A -> {
        org.caserouting.support.Clamd.assumeInstalled();
        yield Outcome.status(new Api(http, person.user).submitWithFiles(
            Submission.lowIncome().set("receivingAgency", "DO-DAAN"),
            new Api.FilePart("INCOME_RECORD", "收入證明.pdf",
                "%PDF-1.4\n% permission probe\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))), 201);
      }
      case SUPPLY_MISSING_DOCUMENTS -> {
        CaseWork returned = new CaseWork(engine, submitted());
        returned.work("do-daan-clerk", RETURN, "請補正存摺封面影本");
        yield Outcome.status(new Api(http, person.user).postJson("/api/applications/" + returned.applicationNo() + "/supplements",
            "{\"documents\":[{\"documentClass\":\"UPLOADABLE\",\"title\":\"存摺封面影本\"}]}", new HttpHeaders()), 200);
      }
      case READ_THE_DATA_EXCHANGE_REPORT -> Outcome.status(new Api(http, person.user).get("/api/reports/data-exchange"), 200);
      case NAME_A_DEPUTY_AT_AGENCY_A -> {
        java.time.LocalDate tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei")).plusDays(1);
        Api.Response named = new Api(http, person.user).postJson("/api/deputies",
            "{\"absentUserId\":\"do-daan-clerk-2\",\"deputyUserId\":\"do-daan-clerk\",\"from\":\"" + tomorrow
                + "T08:00\",\"to\":\"" + tomorrow.plusDays(1) + "T17:00\"}", new HttpHeaders());
        if (named.status() == 201) {
          deputies.end(named.body().get("id").asLong(), new Caller("demo", Set.of(Groups.CAMUNDA_ADMIN)));
        }
        yield Outcome.status(named, 201);
      }
      case READ_AGENCY_AS_OVERSIGHT_FIGURES ->
          Outcome.status(new Api(http, person.user).get("/api/reports/oversight?agency=DO-DAAN"), 200);
      case OPEN_THE_OVERSIGHT_PAGE -> {
        WebappSession.Page page = session(person, door).open("/staff/reports");
        yield new Outcome(page.status() == 200 && page.text().contains("案件處理 Cases"), page.status(),
            "oversight page " + page.status());
      }
      case LIST_AGENCY_AS_DEPUTIES -> Outcome.status(new Api(http, person.user).get("/api/deputies?agency=DO-DAAN"), 200);
      case OPEN_THE_DEPUTIES_PAGE -> {
        WebappSession.Page page = session(person, door).open("/staff/deputies");
        yield new Outcome(page.status() == 200 && page.text().contains("指定代理人 Name a deputy"), page.status(),
            "deputies page " + page.status());
      }
      case KEEP_A_FORM_FIELD_ON_THE_TASK ->
          Outcome.status(put(person, door, "/task/" + task.getId() + "/localVariables/opinion", "{\"value\":\"草稿\"}"), 204);
      case WRITE_WHAT_STEERS_THE_CASE_THROUGH_THE_TASK ->
          Outcome.status(put(person, door, "/task/" + task.getId() + "/variables/withdrawn", "{\"value\":true}"), 204);
      case DEPLOY_A_SCRIPT -> deploy(person, Bpmn.createExecutableProcess("permissionScript").camundaHistoryTimeToLive(1)
          .startEvent().scriptTask().scriptFormat("groovy").scriptText("1").endEvent().done());
      case DRY_RUN_A_MIGRATION -> {
        var version = repository.getProcessDefinition(task.getProcessDefinitionId());
        yield Outcome.status(new Api(http, person.user).postJson("/api/model-migrations/dry-run",
            "{\"applicationNos\":[\"" + applicationNo + "\"],\"levels\":[{\"processKey\":\"" + version.getKey()
                + "\",\"sourceVersion\":" + version.getVersion() + ",\"targetVersion\":" + version.getVersion() + "}]}",
            new HttpHeaders()), 200);
      }
      case MIGRATE_THE_CASE_THROUGH_THE_ENGINE -> {
        String definition = task.getProcessDefinitionId();
        Api.Response migrated = post(person, door, "/migration/execute", "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\""
            + definition + "\",\"targetProcessDefinitionId\":\"" + definition + "\",\"instructions\":[{\"sourceActivityIds\":[\""
            + task.getTaskDefinitionKey() + "\"],\"targetActivityIds\":[\"" + task.getTaskDefinitionKey() + "\"]}]},"
            + "\"processInstanceIds\":[\"" + task.getProcessInstanceId() + "\"]}");
        yield Outcome.status(migrated, 204);
      }
    };
  }

  private Api.Response get(Person person, Door door, String path) {
    return door == Door.ENGINE_REST ? new Api(http, person.user).engineGet(person.user, path) : session(person, door).engineGet(path);
  }

  private Api.Response post(Person person, Door door, String path, String json) {
    return door == Door.ENGINE_REST
        ? new Api(http, person.user).enginePost(person.user, path, json)
        : session(person, door).enginePost(path, json);
  }

  private Api.Response put(Person person, Door door, String path, String json) {
    return door == Door.ENGINE_REST
        ? new Api(http, person.user).enginePut(person.user, path, json)
        : session(person, door).enginePut(path, json);
  }

  private WebappSession session(Person person, Door door) {
    String app = switch (door) {
      case TASKLIST -> "tasklist";
      case COCKPIT -> "cockpit";
      case ADMIN_APP -> "admin";
      default -> throw new IllegalArgumentException(door + " is not a webapp");
    };
    return sessions.computeIfAbsent(person + "/" + app,
        key -> WebappSession.signIn("http://localhost:" + port, app, person.user));
  }

  /** Camunda Modeler's Deploy button: a multipart POST of the model to /engine-rest/deployment/create. */
  private Outcome deploy(Person person, org.camunda.bpm.model.bpmn.BpmnModelInstance process) {
    String model = Bpmn.convertToString(process);
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "permission-probe-" + person);
    form.add("probe.bpmn", new ByteArrayResource(model.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "probe.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> response = http.withBasicAuth(person.user, "demo")
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    repository.createDeploymentQuery().deploymentName("permission-probe-" + person).list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
    return new Outcome(response.getStatusCode().value() == 200, response.getStatusCode().value(),
        response.getStatusCode().value() + " " + response.getBody());
  }

  private String submitted() {
    Api.Response response = new Api(http).submit(Submission.lowIncome());
    assertThat(response.status()).as("submitted: %s", response.body()).isEqualTo(201);
    return response.body().get("applicationNo").asText();
  }

  private Task waitingTask(String applicationNo) {
    return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult();
  }

  @SafeVarargs
  private static <T extends Enum<T>> Set<T> union(Set<T> set, T... more) {
    Set<T> all = EnumSet.copyOf(set);
    all.addAll(List.of(more));
    return all;
  }
}
