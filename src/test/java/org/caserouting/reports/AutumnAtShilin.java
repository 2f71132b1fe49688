package org.caserouting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.AGREE;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.platform.engine.task.TaskOutcome.RETURN;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.caserouting.deadlines.DeadlineWatch;
import org.caserouting.review.JointReviewProcess;
import org.caserouting.support.Api;
import org.caserouting.support.CaseWork;
import org.caserouting.support.Submission;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;

/**
 * The seeded autumn of {@link OversightReportTest}, worked once per test run through the API as
 * the clerks would, at the dates the figures were worked out for; the oversight page's browser
 * test reads the same cases. Spring tests take turns, so the first to ask seeds it.
 */
public final class AutumnAtShilin {

  public static final String OFFICE = "DO-SHILIN";
  public static final String FROM = "2026-10-01";
  public static final String TO = "2026-11-30";

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static List<String> seeded;

  private AutumnAtShilin() {}

  /** The six low-income cases A to F, seeding them first if this run has not. */
  public static synchronized List<String> seeded(TestRestTemplate http, ProcessEngine engine, DeadlineWatch deadlines) {
    if (seeded == null) {
      try {
        seeded = seed(new Api(http), engine, deadlines);
      } finally {
        ClockUtil.reset();
      }
    }
    return seeded;
  }

  private static List<String> seed(Api api, ProcessEngine engine, DeadlineWatch deadlines) {
    on(2026, 10, 5);
    coReviewsAskedOfPoliceAndPublicWorks(api, engine, deadlines);
    on(2026, 10, 5);
    String a = submitted(api);
    String b = submitted(api);
    String c = submitted(api);
    String d = submitted(api);
    String e = submitted(api);

    on(2026, 10, 7);
    api.workTask("do-shilin-clerk", c, RETURN, OPINION.of("請補正存摺封面影本"));
    on(2026, 10, 8);
    decide(api, a);
    on(2026, 10, 16);
    assertThat(api.postJson("/api/applications/" + c + "/supplements",
        "{\"documents\":[{\"documentClass\":\"UPLOADABLE\",\"title\":\"存摺封面影本\"}]}", new HttpHeaders()).status())
        .isEqualTo(200);
    api.workTask("do-shilin-clerk", c, APPROVE, OPINION.of("補正齊全"));
    on(2026, 11, 2);
    String f = submitted(api);
    on(2026, 11, 19);
    decide(api, b);
    on(2026, 11, 20);
    decide(api, c);
    on(2026, 11, 24);
    decide(api, d);
    return List.of(a, b, c, d, e, f);
  }

  /** A road-use case asks the police and public works on 10-05; the police answer on 10-07, works never. */
  private static void coReviewsAskedOfPoliceAndPublicWorks(Api api, ProcessEngine engine, DeadlineWatch deadlines) {
    String no = api.submit(Submission.of("TR-TEMPORARY-ROAD-USE")).body().get("applicationNo").asText();
    CaseWork work = new CaseWork(engine, no);
    work.work("trans-clerk", APPROVE, null);
    on(2026, 10, 7);
    work.work("police-clerk", AGREE, null);
    Job overdue = work.timer(JointReviewProcess.Elements.CO_REVIEW_OVERDUE);
    Job grace = work.timer(JointReviewProcess.Elements.CO_REVIEW_GRACE_PASSED);
    ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().plusSeconds(1)));
    work.fire(overdue);
    deadlines.escalateOverdue();
    work.work("works-chief", APPROVE, "已催辦");
    ClockUtil.setCurrentTime(Date.from(grace.getDuedate().toInstant().plusSeconds(1)));
    work.fire(grace);
  }

  private static String submitted(Api api) {
    Api.Response response = api.submit(Submission.lowIncome().set("receivingAgency", OFFICE));
    assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
    return response.body().get("applicationNo").asText();
  }

  /** The district office forwards, its chief signs, the Department of Social Welfare approves. */
  private static void decide(Api api, String no) {
    api.workTask("do-shilin-clerk", no, APPROVE, OPINION.of("經訪視符合資格，擬陳轉社會局"));
    api.workTask("do-shilin-chief", no, APPROVE, OPINION.of("如擬"));
    api.workTask("social-clerk", no, APPROVE, OPINION.of("核列低收入戶"));
    api.workTask("social-chief", no, APPROVE);
    assertThat(api.get("/api/applications/" + no).body().get("status").asText()).isEqualTo("DECIDED");
  }

  private static void on(int year, int month, int day) {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(year, month, day).atTime(LocalTime.of(10, 0)).atZone(TAIPEI).toInstant()));
  }
}
