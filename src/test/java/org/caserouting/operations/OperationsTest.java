package org.caserouting.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** What operators see: probes for the proxy, metrics for Prometheus, logs they can search by case. */
@CaseRouterTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

  @Autowired TestRestTemplate http;
  @Autowired CaseMetrics metrics;

  @Test
  void theProxyAsksWhetherANodeLivesAndCanReachItsDatabaseWithoutSigningIn() {
    ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
    ResponseEntity<String> liveness = http.getForEntity("/actuator/health/liveness", String.class);

    assertThat(readiness.getStatusCode().value()).isEqualTo(200);
    assertThat(readiness.getBody()).contains("\"status\":\"UP\"", "\"db\":{\"status\":\"UP\"}");
    assertThat(liveness.getStatusCode().value()).isEqualTo(200);
    assertThat(http.getForEntity("/actuator/health", String.class).getBody())
        .as("no hosts or versions for strangers").doesNotContain("jdbc", "PostgreSQL", "database\"");
  }

  @Test
  void metricsAreForOperatorsOnly() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(http.withBasicAuth("do-daan-clerk", "demo").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(http.withBasicAuth("nobody", "demo").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode().value()).isEqualTo(401);
    assertThat(http.withBasicAuth("operations", "not-its-key").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode().value()).as("the monitor's key, never an engine password").isEqualTo(401);
    assertThat(http.withBasicAuth("operations", "demo").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void metricsCountApplicationsOpenAndOverdueTasksPerAgencyAndTheJobBacklog() {
    metrics.refresh();
    String before = prometheus();

    String no = new Api(http).submit(Submission.lowIncome()).body().get("applicationNo").asText();
    metrics.refresh();
    String after = prometheus();

    assertThat(gauge(after, "caserouting_applications", "status=\"IN_REVIEW\""))
        .isEqualTo(gauge(before, "caserouting_applications", "status=\"IN_REVIEW\"") + 1);
    assertThat(gauge(after, "caserouting_tasks_open", "agency=\"DO-DAAN\""))
        .as("the clerk's first task of %s", no)
        .isEqualTo(gauge(before, "caserouting_tasks_open", "agency=\"DO-DAAN\"") + 1);
    assertThat(after).contains("caserouting_jobs{application=\"case-router\",state=\"failed\"}");

    try {
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(400, ChronoUnit.DAYS)));
      metrics.refresh();
      String later = prometheus();
      double overdue = gauge(later, "caserouting_tasks_overdue", "agency=\"DO-DAAN\"");
      assertThat(overdue).as("a year later every open task is past due")
          .isEqualTo(gauge(later, "caserouting_tasks_open", "agency=\"DO-DAAN\""))
          .isGreaterThan(gauge(after, "caserouting_tasks_overdue", "agency=\"DO-DAAN\""));
      assertThat(gauge(later, "caserouting_jobs", "state=\"backlog\""))
          .as("the case's deadline timers are due and wait for the job executor")
          .isGreaterThan(gauge(after, "caserouting_jobs", "state=\"backlog\""));
    } finally {
      ClockUtil.reset();
      metrics.refresh();
    }
  }

  @Test
  void everyLogLineOfACaseCarriesItsApplicationNumber(CapturedOutput output) {
    Api api = new Api(http);
    String no = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();
    api.workTask("hr-daan-clerk", no, APPROVE, OPINION.of("核發英文戶籍謄本"));
    api.workTask("hr-daan-chief", no, APPROVE);

    // Accepted in our API's request; decided inside the engine, on a request that names no case.
    assertThat(output.getAll().lines().filter(line -> line.contains("[" + no + "]")))
        .anySatisfy(line -> assertThat(line).contains("Application accepted: CA-HOUSEHOLD-TRANSCRIPT-EN"))
        .anySatisfy(line -> assertThat(line).contains("Decision recorded: APPROVED"));
  }

  private String prometheus() {
    ResponseEntity<String> scrape = http.withBasicAuth("operations", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(scrape.getStatusCode().value()).isEqualTo(200);
    return scrape.getBody();
  }

  /** The value of one gauge row, 0 when the row is absent. */
  private static double gauge(String scrape, String name, String tag) {
    Matcher row = Pattern.compile("^" + name + "\\{[^}]*" + Pattern.quote(tag) + "[^}]*} (\\S+)$", Pattern.MULTILINE)
        .matcher(scrape);
    return row.find() ? Double.parseDouble(row.group(1)) : 0;
  }
}
