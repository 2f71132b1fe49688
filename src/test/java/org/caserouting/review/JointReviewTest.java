package org.caserouting.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.caserouting.platform.engine.task.TaskOutcome.AGREE;
import static org.caserouting.platform.engine.task.TaskOutcome.AGREE_WITH_CONDITIONS;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.ATTEND;
import static org.caserouting.platform.engine.task.TaskOutcome.OBJECT;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.platform.engine.task.TaskOutcome.OUTCOME;
import static org.caserouting.platform.engine.task.TaskOutcome.PROPOSE_OTHER;
import static org.caserouting.platform.engine.task.TaskOutcome.REJECT;
import static org.caserouting.platform.engine.task.TaskOutcome.RETURN;
import static org.caserouting.review.JointReviewProcess.Variables.ADD_AGENCIES;
import static org.caserouting.review.JointReviewProcess.Variables.CHANGE_REASON;
import static org.caserouting.review.JointReviewProcess.Variables.CONDITIONS;
import static org.caserouting.review.JointReviewProcess.Variables.FINDINGS;
import static org.caserouting.review.JointReviewProcess.Variables.INSPECTION_AT;
import static org.caserouting.review.JointReviewProcess.Variables.INSPECTION_PLACE;
import static org.caserouting.review.JointReviewProcess.Variables.LEGAL_BASIS;
import static org.caserouting.review.JointReviewProcess.Variables.MINUTES;
import static org.caserouting.review.JointReviewProcess.Variables.OBJECTION_ANSWER;
import static org.caserouting.review.JointReviewProcess.Variables.PROPOSED_AT;
import static org.caserouting.review.JointReviewProcess.Variables.REMOVE_AGENCIES;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.ApplicationStatus;
import org.caserouting.cases.ApplicationView;
import org.caserouting.cases.ApplicationViews;
import org.caserouting.cases.CaseEvent;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEventRepository;
import org.caserouting.cases.CaseWait;
import org.caserouting.cases.Decision;
import org.caserouting.cases.SiteZone;
import org.caserouting.cases.SubmitApplicationRequest;
import org.caserouting.cases.SubmitApplicationRequest.Applicant;
import org.caserouting.cases.SubmitApplicationRequest.Document;
import org.caserouting.cases.SubmitApplicationRequest.Site;
import org.caserouting.cases.SubmitApplicationRequest.SubmittedVia;
import org.caserouting.cases.SubmittedDocument;
import org.caserouting.catalog.District;
import org.caserouting.catalog.DocumentClass;
import org.caserouting.deadlines.DeadlineWatch;
import org.caserouting.intake.IntakeService;
import org.caserouting.platform.Variable;
import org.caserouting.reports.BurdenReport;
import org.caserouting.review.JointReviewProcess.Elements;
import org.caserouting.signoff.SignOffChain;
import org.caserouting.supplementation.Supplementation;
import org.caserouting.supplementation.SupplementationProcess;
import org.caserouting.support.CaseWork;
import org.caserouting.support.CatalogExamples;
import org.caserouting.support.ProcessScenarioTest;
import org.caserouting.support.Submission;
import org.caserouting.tracking.Timeline;
import org.caserouting.tracking.Timelines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The joint review (會辦) as the lead agency and the co-reviewing agencies meet it, on the real
 * engine and database: every path of the model, including simultaneous answers.
 */
@ProcessScenarioTest
class JointReviewTest {

  private static final String ROAD_USE = "TR-TEMPORARY-ROAD-USE"; // TRANS leads; POLICE and WORKS co-review
  private static final String ENTERTAINMENT = "IN-SPECIAL-ENTERTAINMENT"; // ECON; BUILDING, FIRE, POLICE; inspection
  private static final String MRT_ZONE = "MR-RESTRICTED-ZONE-CONSTRUCTION"; // MRT; BUILDING

  @Autowired ProcessEngine engine;
  @Autowired BurdenReport burdenReport;
  @Autowired IntakeService intake;
  @Autowired Supplementation supplementation;
  @Autowired ApplicationRepository applications;
  @Autowired JointReview jointReview;
  @Autowired SignOffChain signOffs;
  @Autowired DeadlineWatch deadlines;
  @Autowired ApplicationViews views;
  @Autowired Timelines timelines;
  @Autowired CaseEventRepository events;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private CaseWork submit(String caseType, SiteZone zone) {
    return submit(caseType, zone, null);
  }

  private CaseWork submit(String caseType, SiteZone zone, Map<String, Object> answers) {
    SubmitApplicationRequest request =
        new SubmitApplicationRequest(
            caseType,
            new Applicant(Submission.WANG, "王小明", "wang@example.tw", null, District.DAAN),
            List.of(new Document(DocumentClass.UPLOADABLE, "活動計畫書")),
            new Site("臺北市中山區林森北路100號", null, zone, District.ZHONGSHAN),
            SubmittedVia.ONLINE,
            true,
            null,
            answers == null ? CatalogExamples.applicationData(caseType) : new ObjectMapper().valueToTree(answers),
            null);
    return new CaseWork(engine, intake.submit(request, null).answer().applicationNo());
  }

  private Decision decision(CaseWork work) {
    return applications.findByApplicationNo(work.applicationNo()).orElseThrow().getDecision();
  }

  private String reason(CaseWork work) {
    return applications.findByApplicationNo(work.applicationNo()).orElseThrow().getDecisionReason();
  }

  private Map<String, String> outcomes(CaseWork work) {
    return jointReview.of(work.applicationNo()).stream()
        .filter(c -> c.getOutcome() != null)
        .collect(java.util.stream.Collectors.toMap(CoReview::getAgency, CoReview::getOutcome));
  }

  private static String inDays(int days) {
    return ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days)).atZone(ZoneId.of("Asia/Taipei"))
        .toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
  }

  @Test
  void aRuleReadsTheOneAnswerItNeedsAndAddsItsAgency() throws Exception {
    // A process owner's rule: construction beside the MRT digging deeper than 15 m is also asked of public works.
    try (InputStream table = getClass().getResourceAsStream("/review/co-review-reads-an-answer.dmn")) {
      engine.getRepositoryService().createDeployment().name("co-review reading an answer")
          .addInputStream("co-review.dmn", table).deploy();
    }
    try {
      CaseWork deep = submit(MRT_ZONE, SiteZone.MRT_RESTRICTED, Map.of("excavationDepthM", 18.5, "basementFloors", 4));
      CaseWork shallow = submit(MRT_ZONE, SiteZone.MRT_RESTRICTED, Map.of("excavationDepthM", 6, "basementFloors", 1));

      assertThat(jointReview.of(deep.applicationNo())).extracting(CoReview::getAgency, CoReview::getSource)
          .contains(tuple("BUILDING", CoReviewSource.CATALOG), tuple("WORKS", CoReviewSource.RULE));
      assertThat(jointReview.of(deep.applicationNo())).filteredOn(coReview -> coReview.getAgency().equals("WORKS"))
          .extracting(CoReview::getSourceReason).containsExactly("開挖深度逾15公尺 Excavation deeper than 15 m");
      assertThat(jointReview.of(shallow.applicationNo())).extracting(CoReview::getAgency).doesNotContain("WORKS");
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("applicationData")
          .processInstanceIdIn(instanceIds(deep)).count()).as("the answers are read, never kept by the engine").isZero();
    } finally {
      try (InputStream table = Files.newInputStream(Path.of("dmn/co-review.dmn"))) {
        engine.getRepositoryService().createDeployment().name("co-review as the repository holds it")
            .addInputStream("co-review.dmn", table).deploy();
      }
    }
  }

  private String[] instanceIds(CaseWork work) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(work.applicationNo()).list()
        .stream().map(instance -> instance.getId()).toArray(String[]::new);
  }

  @Test
  void everyAgencyAgreesAndTheLeadApproves() {
    CaseWork work = submit(ROAD_USE, SiteZone.COMMERCIAL);

    work.work("trans-clerk", APPROVE, null);
    work.work("police-clerk", AGREE, "無意見");
    work.work("works-clerk", AGREE, null);
    Task consolidation = work.taskFor("trans-clerk");
    assertThat(consolidation.getTaskDefinitionKey()).isEqualTo(Elements.CONSOLIDATE);
    assertThat((String) engine.getTaskService().getVariable(consolidation.getId(), JointReviewProcess.Variables.SUMMARY.name()))
        .contains("POLICE [CATALOG] AGREE", "WORKS [CATALOG] AGREE");
    work.work("trans-clerk", APPROVE, "同意於指定時段使用道路");
    work.work("trans-chief", APPROVE, null);

    assertThat(work.ended()).isTrue();
    assertThat(decision(work)).isEqualTo(Decision.APPROVED);
    assertThat(outcomes(work)).containsOnly(Map.entry("POLICE", "AGREE"), Map.entry("WORKS", "AGREE"));
  }

  @Test
  void conditionsOfAnAgencyCarryIntoTheDecision() {
    CaseWork work = submit(ROAD_USE, SiteZone.COMMERCIAL);
    work.work("trans-clerk", APPROVE, null);

    assertThatThrownBy(() -> work.work("works-clerk", AGREE_WITH_CONDITIONS, null))
        .hasMessageContaining("needs the conditions");
    work.work("works-clerk", AGREE_WITH_CONDITIONS, null, CONDITIONS.of("活動結束後二小時內恢復路面"));
    work.work("police-clerk", AGREE, null);
    work.work("trans-clerk", APPROVE, "同意");
    work.work("trans-chief", APPROVE, null);

    assertThat(decision(work)).isEqualTo(Decision.APPROVED);
    assertThat(reason(work)).contains("WORKS：活動結束後二小時內恢復路面");
  }

  @Test
  void anObjectionLeadsToARejection() {
    CaseWork work = submit(ROAD_USE, SiteZone.COMMERCIAL);
    work.work("trans-clerk", APPROVE, null);

    assertThatThrownBy(() -> work.work("police-clerk", OBJECT, "影響救護動線"))
        .hasMessageContaining("legal basis");
    work.work("police-clerk", OBJECT, "影響救護動線", LEGAL_BASIS.of("道路交通管理處罰條例第82條"));
    work.work("works-clerk", AGREE, null);
    work.work("trans-clerk", REJECT, "警察局認影響救護動線，不予同意");
    work.work("trans-chief", APPROVE, null);
    work.work("trans-director", APPROVE, null);

    assertThat(decision(work)).isEqualTo(Decision.REJECTED);
  }

  @Test
  void anObjectionCanBeOvercomeOnlyInWriting() {
    CaseWork work = submit(ROAD_USE, SiteZone.COMMERCIAL);
    work.work("trans-clerk", APPROVE, null);
    work.work("police-clerk", OBJECT, "影響救護動線", LEGAL_BASIS.of("道路交通管理處罰條例第82條"));
    work.work("works-clerk", AGREE, null);

    assertThatThrownBy(() -> work.work("trans-clerk", APPROVE, "同意"))
        .hasMessageContaining("why the objection is overcome");
    work.work("trans-clerk", APPROVE, "同意", OBJECTION_ANSWER.of("申請人已改道，保留救護車道"));
    work.work("trans-chief", RETURN, "請敘明改道路線");
    assertThat(work.taskFor("trans-clerk").getTaskDefinitionKey()).isEqualTo(Elements.CONSOLIDATE);
    work.work("trans-clerk", APPROVE, "同意，改道經林森北路", OBJECTION_ANSWER.of("申請人已改道，保留救護車道"));
    work.work("trans-chief", APPROVE, null);

    assertThat(decision(work)).isEqualTo(Decision.APPROVED);
    assertThat(reason(work)).contains("申請人已改道，保留救護車道");
  }

  @Test
  void silentAgencyIsRemindedEscalatedAndRecordedAsNoResponse() {
    CaseWork work = submit(ROAD_USE, SiteZone.COMMERCIAL);
    work.work("trans-clerk", APPROVE, null);
    work.work("police-clerk", AGREE, null);
    Task silent = work.taskFor("works-clerk");
    Job overdue = work.timer(Elements.CO_REVIEW_OVERDUE);
    Job grace = work.timer(Elements.CO_REVIEW_GRACE_PASSED);
    assertThat(silent.getFollowUpDate()).isBefore(silent.getDueDate());
    assertThat(overdue.getDuedate()).isBefore(grace.getDuedate());

    ClockUtil.setCurrentTime(Date.from(silent.getFollowUpDate().toInstant().plusSeconds(1)));
    deadlines.remindDueSoon();
    ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().plusSeconds(1)));
    work.fire(overdue);
    deadlines.escalateOverdue();
    work.work("works-chief", APPROVE, "已催辦");
    ClockUtil.setCurrentTime(Date.from(grace.getDuedate().toInstant().plusSeconds(1)));
    work.fire(grace);

    assertThat(outcomes(work)).containsEntry("WORKS", CoReview.NO_RESPONSE);
    assertThat(work.taskFor("trans-clerk").getTaskDefinitionKey()).isEqualTo(Elements.CONSOLIDATE);
    assertThat(events.findByApplicationNoOrderByOccurredAtAscIdAsc(work.applicationNo()))
        .filteredOn(e -> e.getKind() == CaseEventKind.REMINDER || e.getKind() == CaseEventKind.OVERDUE_ESCALATED)
        .extracting(CaseEvent::getKind, CaseEvent::getAgency)
        .containsExactly(tuple(CaseEventKind.REMINDER, "WORKS"), tuple(CaseEventKind.OVERDUE_ESCALATED, "WORKS"));
  }

  @Test
  void leadAddsAnAgencyWithAReason() {
    CaseWork work = submit(ROAD_USE, SiteZone.COMMERCIAL);

    assertThatThrownBy(() -> work.work("trans-clerk", APPROVE, null, ADD_AGENCIES.of("FIRE")))
        .hasMessageContaining("needs a reason");
    work.work("trans-clerk", APPROVE, null, ADD_AGENCIES.of("FIRE"), REMOVE_AGENCIES.of("WORKS"), CHANGE_REASON.of("活動使用煙火；未挖掘路面"));

    assertThat(work.taskFor("fire-clerk").getTaskDefinitionKey()).isEqualTo(Elements.CO_REVIEW);
    assertThat(work.hasTaskFor("works-clerk")).isFalse();
    assertThat(jointReview.of(work.applicationNo()))
        .filteredOn(c -> c.getAgency().equals("FIRE"))
        .singleElement()
        .satisfies(c -> {
          assertThat(c.getSource()).isEqualTo(CoReviewSource.ADDED_BY_LEAD);
          assertThat(c.getSourceReason()).isEqualTo("活動使用煙火；未挖掘路面");
        });
  }

  @Test
  void siteFactsAddAnAgencyThroughTheDecisionTable() {
    CaseWork work = submit(ROAD_USE, SiteZone.MRT_RESTRICTED);

    work.work("trans-clerk", APPROVE, null);

    assertThat(work.taskFor("mrt-clerk").getTaskDefinitionKey()).isEqualTo(Elements.CO_REVIEW);
    assertThat(jointReview.of(work.applicationNo()))
        .extracting(CoReview::getAgency, CoReview::getSource)
        .contains(org.assertj.core.groups.Tuple.tuple("MRT", CoReviewSource.RULE));
  }

  @Test
  void missingDocumentsAreSuppliedBeforeTheAgenciesAreAsked() {
    CaseWork work = submit(ROAD_USE, SiteZone.COMMERCIAL);

    work.work("trans-clerk", RETURN, "請補附交通維持計畫");
    supplementation.receive(work.applicationNo(), List.of(new SubmittedDocument(DocumentClass.UPLOADABLE, "交通維持計畫")));
    work.work("trans-clerk", APPROVE, null);

    assertThat(work.taskFor("trans-clerk").getTaskDefinitionKey()).isEqualTo(Elements.CHECK_COMPLETENESS);
    work.work("trans-clerk", APPROVE, null);
    assertThat(work.taskFor("police-clerk").getTaskDefinitionKey()).isEqualTo(Elements.CO_REVIEW);
  }

  @Test
  void caseClosesWhenTheApplicantNeverSupplies() {
    CaseWork work = submit(ROAD_USE, SiteZone.COMMERCIAL);
    work.work("trans-clerk", RETURN, "請補附交通維持計畫");
    Job deadline = work.timer(SupplementationProcess.Elements.DEADLINE_PASSED);

    ClockUtil.setCurrentTime(Date.from(deadline.getDuedate().toInstant().plusSeconds(1)));
    work.fire(deadline);

    assertThat(work.ended()).isTrue();
    assertThat(applications.findByApplicationNo(work.applicationNo()).orElseThrow().getStatus())
        .isEqualTo(ApplicationStatus.WITHDRAWN_NO_SUPPLEMENT);
  }

  @Test
  void clearlyIneligibleCaseIsRejectedWithoutAskingTheAgencies() {
    CaseWork work = submit(ROAD_USE, SiteZone.COMMERCIAL);

    work.work("trans-clerk", REJECT, "活動日期已過");
    work.work("trans-clerk", REJECT, "申請之活動日期已過，無從核准");
    work.work("trans-chief", APPROVE, null);
    work.work("trans-director", APPROVE, null);

    assertThat(decision(work)).isEqualTo(Decision.REJECTED);
    assertThat(jointReview.of(work.applicationNo())).allSatisfy(c -> assertThat(c.getOutcome()).isNull());
  }

  @Test
  void inspectionSlotIsAgreedInTheSecondRound() {
    CaseWork work = submit(ENTERTAINMENT, SiteZone.COMMERCIAL);
    work.work("econ-clerk", APPROVE, null);

    work.work("econ-clerk", APPROVE, null, INSPECTION_AT.of(inDays(7)), INSPECTION_PLACE.of("林森北路100號2樓"));
    work.work("building-clerk", ATTEND, null);
    work.work("fire-clerk", PROPOSE_OTHER, "當日另有會勘", PROPOSED_AT.of(inDays(8)));
    work.work("police-clerk", ATTEND, null);
    assertThat(work.taskFor("econ-clerk").getTaskDefinitionKey()).isEqualTo(Elements.PROPOSE_INSPECTION);
    work.work("econ-clerk", APPROVE, null, INSPECTION_AT.of(inDays(8)), INSPECTION_PLACE.of("林森北路100號2樓"));
    for (String agency : List.of("building", "fire", "police")) {
      work.work(agency + "-clerk", ATTEND, null);
    }

    assertThat(work.timers(Elements.INSPECTION_HELD)).hasSize(1);
    ApplicationView waiting = views.find(work.applicationNo());
    assertThat(waiting.stages()).as("no task is open until the inspection").isEmpty();
    assertThat(waiting.waitingFor()).singleElement().satisfies(wait -> {
      assertThat(wait.kind()).isEqualTo(CaseWait.Kind.JOINT_INSPECTION);
      assertThat(wait.place()).isEqualTo("林森北路100號2樓");
      assertThat(wait.agency()).isEqualTo("ECON");
      assertThat(wait.at().toLocalDateTime().toString()).isEqualTo(inDays(8));
    });
    assertThat(timelines.of(work.applicationNo()).orElseThrow().waitingFor())
        .extracting(Timeline.Awaited::kind, Timeline.Awaited::place)
        .containsExactly(tuple("JOINT_INSPECTION", "林森北路100號2樓"));
  }

  @Test
  void specialEntertainmentBusinessIsInspectedMinutedAndApproved() {
    BurdenReport.AgencyPair fireBefore = burden("ECON", "FIRE");
    CaseWork work = submit(ENTERTAINMENT, SiteZone.COMMERCIAL);
    work.work("econ-clerk", APPROVE, null);
    assertThatThrownBy(() -> work.work("econ-clerk", APPROVE, null, INSPECTION_AT.of("next Tuesday"), INSPECTION_PLACE.of("現場")))
        .hasMessageContaining("not a valid datetime");
    for (int round = 1; round <= 3; round++) {
      work.work("econ-clerk", APPROVE, null, INSPECTION_AT.of(inDays(6 + round)), INSPECTION_PLACE.of("林森北路100號2樓"));
      work.work("building-clerk", ATTEND, null);
      work.work("fire-clerk", PROPOSE_OTHER, null, PROPOSED_AT.of(inDays(10 + round)));
      work.work("police-clerk", ATTEND, null);
    }
    assertThat(work.taskFor("econ-clerk").getTaskDefinitionKey()).isEqualTo(Elements.FIX_INSPECTION);
    work.work("econ-clerk", APPROVE, null, INSPECTION_AT.of(inDays(12)), INSPECTION_PLACE.of("林森北路100號2樓"));
    Job inspectionDay = work.timer(Elements.INSPECTION_HELD);
    ClockUtil.setCurrentTime(Date.from(inspectionDay.getDuedate().toInstant().plusSeconds(60)));
    work.fire(inspectionDay);

    work.work("building-clerk", AGREE, null, FINDINGS.of("使用執照用途相符"));
    work.work("fire-clerk", AGREE_WITH_CONDITIONS, null, CONDITIONS.of("增設緊急照明"), FINDINGS.of("逃生指示不足"));
    work.work("police-clerk", AGREE, null, FINDINGS.of("無治安顧慮"));
    work.work("econ-clerk", APPROVE, null, MINUTES.of("三機關到場，場所大致符合規定，消防局要求增設緊急照明。"));
    for (String agency : List.of("building", "fire", "police")) {
      work.work(agency + "-chief", APPROVE, null);
    }
    work.work("econ-clerk", APPROVE, "准予登記");
    work.work("econ-chief", APPROVE, null);

    assertThat(decision(work)).isEqualTo(Decision.APPROVED);
    assertThat(reason(work)).contains("增設緊急照明");
    assertThat(signOffs.verify(work.applicationNo()).intact()).isTrue();
    assertThat(signOffs.of(work.applicationNo()))
        .extracting(s -> s.getDecisionKind().name())
        .containsExactly("MINUTES", "MINUTES", "MINUTES", "APPROVE");
    assertThat(signOffs.of(work.applicationNo()))
        .as("each signer signed what they were shown: the minutes, or the lead's draft with its conditions")
        .extracting(s -> s.draft().minutes(), s -> s.draft().reasons(), s -> s.draft().conditions())
        .containsExactly(
            tuple("三機關到場，場所大致符合規定，消防局要求增設緊急照明。", null, null),
            tuple("三機關到場，場所大致符合規定，消防局要求增設緊急照明。", null, null),
            tuple("三機關到場，場所大致符合規定，消防局要求增設緊急照明。", null, null),
            tuple(null, "准予登記", "附款 Conditions：\nFIRE：增設緊急照明"));
    BurdenReport.AgencyPair fireAfter = burden("ECON", "FIRE");
    assertThat(fireAfter.coReviews()).as("the fire department's co-review, for the burden report")
        .isGreaterThanOrEqualTo(fireBefore.coReviews() + 1);
    assertThat(fireAfter.inspections()).as("and its inspection").isGreaterThanOrEqualTo(fireBefore.inspections() + 1);
  }

  /** The burden report's pair, over all time (other tests add to it too, so tests compare before and after). */
  private BurdenReport.AgencyPair burden(String lead, String coReviewer) {
    return burdenReport.between(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("3000-01-01T00:00:00Z")).stream()
        .filter(pair -> pair.requestingAgency().equals(lead) && pair.sourceAgency().equals(coReviewer))
        .findFirst()
        .orElse(new BurdenReport.AgencyPair(lead, coReviewer, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void twoAgenciesAnsweringAtTheSameMomentAreBothKept() throws Exception {
    CaseWork work = submit(ROAD_USE, SiteZone.COMMERCIAL);
    work.work("trans-clerk", APPROVE, null);
    Task police = work.taskFor("police-clerk");
    Task works = work.taskFor("works-clerk");
    engine.getTaskService().claim(police.getId(), "police-clerk");
    engine.getTaskService().claim(works.getId(), "works-clerk");

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = pool.submit(() -> {
        start.await();
        engine.getTaskService().complete(police.getId(), Variable.values(OUTCOME.of(AGREE.name()), OPINION.of("警察局同意")));
        return null;
      });
      Future<?> second = pool.submit(() -> {
        start.await();
        engine.getTaskService().complete(works.getId(), Variable.values(OUTCOME.of(AGREE.name()), OPINION.of("工務局同意")));
        return null;
      });
      start.countDown();
      first.get();
      second.get();
      List<Job> continuations =
          engine.getManagementService().createJobQuery().messages().list().stream()
              .filter(job -> engine.getRuntimeService().createProcessInstanceQuery()
                  .processInstanceId(job.getProcessInstanceId()).processInstanceBusinessKey(work.applicationNo()).count() > 0)
              .toList();
      CountDownLatch together = new CountDownLatch(1);
      List<Future<?>> runs =
          continuations.stream()
              .map(job -> pool.submit(() -> {
                together.await();
                try {
                  engine.getManagementService().executeJob(job.getId());
                } catch (org.camunda.bpm.engine.OptimisticLockingException conflict) {
                  // the job executor would run it again; so does runAsyncContinuations below
                }
                return null;
              }))
              .<Future<?>>map(f -> f)
              .toList();
      together.countDown();
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    work.runAsyncContinuations();

    assertThat(jointReview.of(work.applicationNo()))
        .extracting(CoReview::getAgency, CoReview::getOpinion)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("POLICE", "警察局同意"),
            org.assertj.core.groups.Tuple.tuple("WORKS", "工務局同意"));
    assertThat(work.taskFor("trans-clerk").getTaskDefinitionKey()).isEqualTo(Elements.CONSOLIDATE);
  }
}
