package org.caserouting.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.caserouting.intake.IntakeProcess;
import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Our API over real HTTP, answers read as JSON trees. */
public class Api {

  private final TestRestTemplate http;
  private final TestRestTemplate anonymous;
  private final ObjectMapper json = new ObjectMapper();

  /** An administrator of the demo identities, who may run any job. */
  private static final String ADMIN = "demo";
  private static final String START = IntakeProcess.Elements.SUBMITTED;

  /** Our API as the city portal's client, which every test of the portal's calls uses. */
  public Api(TestRestTemplate http) {
    this(http, "portal");
  }

  /** Our API as this demo user (password demo). */
  public Api(TestRestTemplate http, String user) {
    this.anonymous = http;
    this.http = http.withBasicAuth(user, "demo");
  }

  /** The same calls without credentials. */
  public Api anonymous() {
    return new Api(anonymous, anonymous);
  }

  private Api(TestRestTemplate plain, TestRestTemplate asIs) {
    this.anonymous = plain;
    this.http = asIs;
  }

  public record Response(int status, HttpHeaders headers, JsonNode body) {
    public MediaType contentType() {
      return headers.getContentType();
    }

    /** The field names of a problem's {@code errors}. */
    public List<String> invalidFields() {
      return body.path("errors").findValuesAsText("field");
    }
  }

  /** The engine REST API as a demo user, each of whom logs in with the demo password. */
  public Response engineGet(String user, String path, Object... uriVariables) {
    return new Api(anonymous, user).get("/engine-rest" + path, uriVariables);
  }

  public Response enginePost(String user, String path, String body) {
    return new Api(anonymous, user).postJson("/engine-rest" + path, body, new HttpHeaders());
  }

  public Response enginePut(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new Api(anonymous, user).exchange(HttpMethod.PUT, "/engine-rest" + path, body, headers);
  }

  public Response engineDelete(String user, String path) {
    return new Api(anonymous, user).exchange(HttpMethod.DELETE, "/engine-rest" + path, null, new HttpHeaders());
  }

  /**
   * As a demo user through the engine REST API, as Tasklist does it: the user's one visible task
   * of the case, claimed, then completed with an outcome and the form's fields (null ones left out).
   */
  public void workTask(String user, String applicationNo, TaskOutcome outcome, Variable.Value<?>... fields) {
    Response tasks = engineGet(user, "/task?processInstanceBusinessKey=" + applicationNo + "&candidateUser=" + user
        + "&includeAssignedTasks=true&maxResults=50");
    org.assertj.core.api.Assertions.assertThat(tasks.body()).as("tasks %s sees: %s", user, tasks.body()).hasSize(1);
    String taskId = tasks.body().get(0).get("id").asText();
    Response claimed = enginePost(user, "/task/" + taskId + "/claim", write(java.util.Map.of("userId", user)));
    org.assertj.core.api.Assertions.assertThat(claimed.status()).as("%s claims: %s", user, claimed.body()).isEqualTo(204);
    java.util.Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put(TaskOutcome.OUTCOME.name(), java.util.Map.of("value", outcome.name()));
    for (Variable.Value<?> field : fields) {
      if (field.value() != null) {
        variables.put(field.variable().name(), java.util.Map.of("value", field.value()));
      }
    }
    Response completed =
        enginePost(user, "/task/" + taskId + "/complete", write(java.util.Map.of("variables", variables)));
    org.assertj.core.api.Assertions.assertThat(completed.status())
        .as("%s completes: %s", user, completed.body())
        .isEqualTo(204);
  }

  /** A GET of the path, its {placeholders} filled (and encoded) from the variables in order. */
  public Response get(String path, Object... uriVariables) {
    return exchange(HttpMethod.GET, path, null, new HttpHeaders(), uriVariables);
  }

  public Response submit(Submission submission) {
    return started(postJson("/api/applications", write(submission.body()), new HttpHeaders()));
  }

  public Response submit(Submission submission, String idempotencyKey) {
    return started(accept(submission, idempotencyKey));
  }

  /** Submits, and leaves the case's start to the engine, as a portal does. */
  public Response accept(Submission submission, String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Idempotency-Key", idempotencyKey);
    return postJson("/api/applications", write(submission.body()), headers);
  }

  /**
   * A new case starts after the answer, on the job executor, which tests leave off: its start is
   * run here, through the engine REST API as an administrator, so the test can work the case at once.
   */
  public Response started(Response submitted) {
    if (submitted.status() != 201) {
      return submitted;
    }
    String applicationNo = submitted.body().get("applicationNo").asText();
    // A resend answered with the same case, or a database hiccup, may find the start run or failing:
    // the start is done when no start job of the case is left.
    for (int attempt = 0; attempt < 10; attempt++) {
      List<String> starts = new java.util.ArrayList<>();
      Response instances = engineGet(ADMIN, "/process-instance?maxResults=50&businessKey=" + applicationNo);
      boolean read = instances.status() == 200;
      for (JsonNode instance : read ? instances.body() : List.<JsonNode>of()) {
        Response jobs = engineGet(ADMIN, "/job?maxResults=50&activityId=" + START
            + "&processInstanceId=" + instance.path("id").asText());
        read &= jobs.status() == 200;
        (jobs.status() == 200 ? jobs.body() : List.<JsonNode>of()).forEach(job -> starts.add(job.path("id").asText()));
      }
      if (read && starts.isEmpty()) {
        return submitted;
      }
      starts.forEach(job -> enginePost(ADMIN, "/job/" + job + "/execute", ""));
    }
    throw new AssertionError("The case " + applicationNo + " did not start");
  }

  /** A file sent with an application, as the part named by the document it answers. */
  public record FilePart(String documentCode, String fileName, byte[] content) {}

  /** Submits as multipart: the application as JSON, each file a part of its own; the case is started. */
  public Response submitWithFiles(Submission submission, FilePart... files) {
    return started(acceptWithFiles(submission, files));
  }

  /** The same, and the case's start left to the engine, as a portal does. */
  public Response acceptWithFiles(Submission submission, FilePart... files) {
    return postMultipart("/api/applications", "application", submission.body(), files);
  }

  /** Supplies missing documents (補正) as multipart: the supplement as JSON, each file a part of its own. */
  public Response supplementWithFiles(String applicationNo, Object supplement, FilePart... files) {
    return postMultipart("/api/applications/" + applicationNo + "/supplements", "supplement", supplement, files);
  }

  private Response postMultipart(String path, String jsonPartName, Object json, FilePart... files) {
    org.springframework.util.MultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
    HttpHeaders jsonPart = new HttpHeaders();
    jsonPart.setContentType(MediaType.APPLICATION_JSON);
    parts.add(jsonPartName, new HttpEntity<>(write(json), jsonPart));
    for (FilePart file : files) {
      HttpHeaders filePart = new HttpHeaders();
      filePart.setContentDispositionFormData(file.documentCode(), file.fileName());
      filePart.setContentType(MediaType.APPLICATION_OCTET_STREAM);
      parts.add(file.documentCode(), new HttpEntity<>(file.content(), filePart));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return response(http.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class));
  }

  public Response postJson(String path, String rawBody, HttpHeaders headers) {
    headers.setContentType(MediaType.APPLICATION_JSON);
    return exchange(HttpMethod.POST, path, rawBody, headers);
  }

  private Response exchange(HttpMethod method, String path, String body, HttpHeaders headers, Object... uriVariables) {
    return response(http.exchange(path, method, new HttpEntity<>(body, headers), String.class, uriVariables));
  }

  private Response response(ResponseEntity<String> response) {
    try {
      JsonNode tree =
          response.getBody() == null || response.getBody().isEmpty() ? json.missingNode() : json.readTree(response.getBody());
      return new Response(response.getStatusCode().value(), response.getHeaders(), tree);
    } catch (Exception e) {
      throw new AssertionError("Not JSON (" + response.getStatusCode() + "): " + response.getBody(), e);
    }
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
