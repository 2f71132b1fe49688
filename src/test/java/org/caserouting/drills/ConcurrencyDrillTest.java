package org.caserouting.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.review.CoReview;
import org.caserouting.review.JointReview;
import org.caserouting.review.JointReviewProcess;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Many people doing the same thing at the same moment, over HTTP as they would: the portal
 * resending one application, clerks grabbing one task, agencies answering one joint review.
 */
@CaseRouterTest
class ConcurrencyDrillTest {

  private static final String ROAD_USE = "TR-TEMPORARY-ROAD-USE"; // TRANS leads; POLICE and WORKS co-review

  @Autowired TestRestTemplate http;
  @Autowired ApplicationRepository applications;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired JointReview jointReview;

  @Test
  void fiftyResendsOfOneApplicationMakeOneApplication() throws Exception {
    String key = "drill-" + System.nanoTime();
    Api portal = new Api(http);

    List<Api.Response> answers = together(50, i -> portal.submit(Submission.lowIncome(), key));

    Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
    List<String> numbers = answers.stream().map(a -> a.body().path("applicationNo").asText()).distinct().toList();
    long replayed = answers.stream().filter(a -> "true".equals(a.headers().getFirst("Idempotent-Replayed"))).count();
    new DrillReport("Concurrency: one Idempotency-Key from 50 threads")
        .put("requests", answers.size())
        .put("answers by status", byStatus)
        .put("answered as replays", replayed)
        .put("applications created", numbers.size())
        .write();
    assertThat(byStatus).containsOnlyKeys(201);
    assertThat(numbers).hasSize(1);
    assertThat(replayed).isEqualTo(49);
    assertThat(applications.findByIdempotencyKey(key)).isPresent();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(numbers.get(0))
        .processDefinitionKey("case-intake").count()).isEqualTo(1);
  }

  @Test
  void twentyClerksClaimingOneTaskLeaveOneAssigneeAndNineteenConflicts() throws Exception {
    List<String> clerks = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      clerks.add(clerk("drill-trans-clerk-" + i, "trans-clerk"));
    }
    Api portal = new Api(http);
    String no = portal.submit(Submission.of(ROAD_USE).document("UPLOADABLE", "交通維持計畫書")
        .set("site", Map.of("address", "臺北市中正區重慶南路一段122號", "zone", "COMMERCIAL"))).body().get("applicationNo").asText();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(no).singleResult().getId();

    AtomicInteger next = new AtomicInteger();
    List<Api.Response> answers = together(20, i -> {
      String user = clerks.get(next.getAndIncrement());
      return new Api(http, user).enginePost(user, "/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
    });

    Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
    new DrillReport("Concurrency: 20 clerks claim one task")
        .put("requests", answers.size())
        .put("answers by status", byStatus)
        .write();
    assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(204, 1L, 409, 19L));
    assertThat(clerks).contains(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee());
  }

  @Test
  void agenciesAnsweringTenJointReviewsAtOnceLoseNoOpinion() throws Exception {
    Api portal = new Api(http);
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String no = portal.submit(Submission.of(ROAD_USE).document("UPLOADABLE", "交通維持計畫書")
          .set("site", Map.of("address", "臺北市中正區重慶南路一段" + (100 + i) + "號", "zone", "COMMERCIAL")))
          .body().get("applicationNo").asText();
      portal.workTask("trans-clerk", no, APPROVE, OPINION.of("請警察局、工務局表示意見"));
      cases.add(no);
    }
    List<String[]> answers = new ArrayList<>();
    for (String no : cases) {
      for (String agency : List.of("police", "works")) {
        String user = agency + "-clerk";
        String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(no).taskCandidateGroup(user)
            .singleResult().getId();
        engine.getTaskService().claim(task, user);
        answers.add(new String[] {user, task, agency.toUpperCase() + " 同意 " + no});
      }
    }

    AtomicInteger next = new AtomicInteger();
    List<Api.Response> completed = together(answers.size(), i -> {
      String[] answer = answers.get(next.getAndIncrement());
      return portal.enginePost(answer[0], "/task/" + answer[1] + "/complete",
          "{\"variables\":{\"outcome\":{\"value\":\"AGREE\"},\"opinion\":{\"value\":\"" + answer[2] + "\"}}}");
    });
    int conflicts = runContinuationsAsFourJobThreads(cases);

    Map<Integer, Long> byStatus = completed.stream().collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
    long kept = cases.stream().flatMap(no -> jointReview.of(no).stream()).filter(c -> c.getOpinion() != null).count();
    long atConsolidation = cases.stream().filter(no -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(no)
        .taskDefinitionKey(JointReviewProcess.Elements.CONSOLIDATE).count() == 1).count();
    new DrillReport("Concurrency: 20 co-review opinions on 10 cases at once")
        .put("completions", completed.size())
        .put("answers by status", byStatus)
        .put("job conflicts retried", conflicts)
        .put("opinions kept", kept)
        .put("cases at the lead's consolidation", atConsolidation)
        .put("cases lost", cases.size() - atConsolidation)
        .write();
    assertThat(byStatus).containsOnlyKeys(204);
    for (String no : cases) {
      assertThat(jointReview.of(no)).extracting(CoReview::getAgency, CoReview::getOpinion)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("POLICE", "POLICE 同意 " + no),
              org.assertj.core.groups.Tuple.tuple("WORKS", "WORKS 同意 " + no));
    }
    assertThat(atConsolidation).isEqualTo(cases.size());
  }

  /** The cases' asynchronous continuations run by four threads at once, conflicts retried as the job executor does. */
  private int runContinuationsAsFourJobThreads(List<String> cases) throws Exception {
    ManagementService management = engine.getManagementService();
    RuntimeService runtime = engine.getRuntimeService();
    AtomicInteger conflicts = new AtomicInteger();
    while (true) {
      List<Job> jobs = management.createJobQuery().messages().list().stream()
          .filter(job -> cases.contains(businessKey(runtime, job.getProcessInstanceId())))
          .toList();
      if (jobs.isEmpty()) {
        return conflicts.get();
      }
      AtomicInteger next = new AtomicInteger();
      together(Math.min(4, jobs.size()), i -> {
        for (int j = next.getAndIncrement(); j < jobs.size(); j = next.getAndIncrement()) {
          try {
            management.executeJob(jobs.get(j).getId());
          } catch (OptimisticLockingException conflict) {
            conflicts.incrementAndGet();
          } catch (org.camunda.bpm.engine.ProcessEngineException gone) {
            // taken by another thread's retry, or done by the conflict's winner
          }
        }
        return null;
      });
    }
  }

  private static String businessKey(RuntimeService runtime, String processInstanceId) {
    ProcessInstance instance = processInstanceId == null
        ? null
        : runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  private String clerk(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword("demo");
      user.setFirstName("Drill");
      user.setLastName(id);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
    return id;
  }

  /** Runs the call in this many threads released at the same moment; their results in order of start. */
  static <T> List<T> together(int threads, Function<Integer, T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        Callable<T> task = () -> {
          start.await();
          return call.apply(index);
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
