package org.caserouting.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.platform.engine.task.TaskOutcome.OUTCOME;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.Caller;
import org.caserouting.cases.SubmitApplicationRequest;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.catalog.HandlingDecisions;
import org.caserouting.intake.IntakeService;
import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.support.EmbeddedPostgresInitializer;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The benchmarks of docs/performance.md, run by {@code mvn -Pbench test} (never by {@code mvn
 * verify}): the production profile's pool and job executor on an embedded PostgreSQL, our full
 * case lifecycle beside the bare engine running a process of the same shape, decision
 * evaluation, and the SQL statements each case costs (a clerk's Tasklist over a large backlog is
 * {@link TaskListBench}). Writes target/bench/results.json and
 * results.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ADMIN_USER=bench-admin",
    "ADMIN_PASSWORD=bench-only-password",
    "CASEROUTING_TRACKING_READER_KEY=bench-only-reader-key",
    "caserouting.receipts.key-file=target/bench/receipt-key.jwk.json",
    "caserouting.verification.enabled=false",
    // The same case as in earlier runs: no home visit to arrange and wait for.
    "caserouting.field-steps.enabled=false",
    "caserouting.simulator.enabled=true",
    "caserouting.mail.poll-interval=P3650D",
    "caserouting.deadlines.scan-interval=P3650D",
    // -Dbench.history-level=audit measures what the variable trail of level full costs a case.
    "camunda.bpm.history-level=${bench.history-level:full}"})
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = CaseRouterBench.OwnDatabase.class)
class CaseRouterBench {

  static final StatementCounter COUNTER = new StatementCounter();
  static final Path OUT = Path.of("target", "bench");
  /**
   * Cases of each kind run before measuring. Ours reach a steady rate only after about a hundred:
   * measured, 280 ms a case over the first 25 and 190 ms from the hundredth on, while the JIT
   * compiles what the baseline's smaller path needed compiled after ten.
   */
  static final int WARM_UP_CASES = 100;
  static final int CASES_PER_THREAD = 25;

  static class OwnDatabase extends EmbeddedPostgresInitializer {
    OwnDatabase() {
      super("case_router_bench", "bench");
    }
  }

  @TestConfiguration
  static class Counting {
    @Bean
    static BeanPostProcessor countStatements() {
      return COUNTER.wrapper();
    }
  }

  @Autowired IntakeService intake;
  @Autowired HandlingDecisions decisions;
  @Autowired CaseTypeRepository caseTypes;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Object> results = new LinkedHashMap<>();

  @Test
  void measure() throws Exception {
    Files.createDirectories(OUT);
    results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "java", System.getProperty("java.version"), "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20));
    results.put("historyLevel", ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName());

    // Warm up our lifecycle, then read one case's shape for the baseline.
    for (int i = 0; i < WARM_UP_CASES; i++) {
      ourCase();
    }
    String sample = ourCase();
    BaselineModel.Shape shape = BaselineModel.shapeOf(history, sample, asyncActivities(sample));
    var deployment = repository.createDeployment().name("bench-baseline");
    BaselineModel.models(shape).forEach(model -> deployment.addModelInstance(
        (model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId())
            + ".bpmn", model));
    deployment.deploy();
    for (int i = 0; i < WARM_UP_CASES; i++) {
      baselineCase();
    }
    results.put("baselineShape", shape.describe());

    Map<String, Object> lifecycle = new LinkedHashMap<>();
    for (int threads : List.of(1, 4)) {
      double ours = casesPerSecond(threads, this::ourCase);
      double baseline = casesPerSecond(threads, this::baselineCase);
      lifecycle.put(threads + " threads", Map.of(
          "oursCasesPerSecond", round(ours), "baselineCasesPerSecond", round(baseline), "ratio", round(ours / baseline)));
    }
    results.put("lifecycle", lifecycle);

    results.put("statementsPerCase", statementCounts());
    double configured = engineEvaluationsPerSecond(configuredDmnEngine());
    double parsedEveryTime = engineEvaluationsPerSecond(
        org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine());
    results.put("decisionsPerSecond", Map.of(
        "engine", round(configured), "parsedEveryTime", round(parsedEveryTime),
        "ratio", round(configured / parsedEveryTime), "lookUps", round(decisionsPerSecond())));
    results.put("intake", intake());
    // Intake as in production: the agencies are queried (here the bundled simulator, in the same
    // JVM) after the response, on the job executor, which competes for the same cores. Measured
    // after the statement counts, so that these cases' jobs are not counted there.
    Object intakeService = AopTestUtils.getUltimateTargetObject(intake);
    ReflectionTestUtils.setField(intakeService, "verificationEnabled", true);
    try {
      results.put("intakeWithAgencyQueries", intake());
      // The request path alone: the same, with the job executor held, as on a node that answers
      // the portal while other nodes run the jobs. Measured last: the held jobs stay behind.
      var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
      jobExecutor.shutdown();
      results.put("intakeWithJobsElsewhere", intake());
    } finally {
      ReflectionTestUtils.setField(intakeService, "verificationEnabled", false);
    }

    Files.writeString(OUT.resolve("results.json"),
        json.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
    Files.writeString(OUT.resolve("results.md"), markdown());
    Chart.throughput(OUT.resolve("throughput.png"), results);
    assertThat(results).containsKeys("lifecycle", "statementsPerCase", "decisionsPerSecond");
  }

  /**
   * POST /api/applications over HTTP as the city portal, alternating a low-income and a household
   * transcript application, at 1, 2, 4 and 8 client threads: applications per second and latency.
   */
  private Map<String, Object> intake() throws Exception {
    if (identity.createUserQuery().userId("bench-portal").count() == 0) {
      var portal = identity.newUser("bench-portal");
      portal.setPassword("bench-only-password");
      identity.saveUser(portal);
      if (identity.createGroupQuery().groupId("portal").count() == 0) {
        identity.saveGroup(identity.newGroup("portal"));
      }
      identity.createMembership("bench-portal", "portal");
    }
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    String auth = "Basic " + java.util.Base64.getEncoder()
        .encodeToString("bench-portal:bench-only-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<String> bodies = List.of(
        json.writeValueAsString(Submission.lowIncome().body()),
        json.writeValueAsString(Submission.householdTranscript().body()));
    java.util.function.IntFunction<Long> submitOne = i -> {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/applications"))
          .header("Authorization", auth).header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(bodies.get(i % 2))).build();
      long start = System.nanoTime();
      try {
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
          throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return System.nanoTime() - start;
    };
    for (int i = 0; i < 50; i++) {
      submitOne.apply(i);
    }
    Map<String, Object> byThreads = new LinkedHashMap<>();
    for (int threads : List.of(1, 2, 4, 8)) {
      int perThread = 60;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            latencies.add(submitOne.apply(i));
          }
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      List<Long> sorted = latencies.stream().sorted().toList();
      byThreads.put(threads + " threads", Map.of(
          "applicationsPerSecond", round(sorted.size() / seconds),
          "p50Ms", round(percentile(sorted, 50)), "p95Ms", round(percentile(sorted, 95)),
          "p99Ms", round(percentile(sorted, 99))));
    }
    return byThreads;
  }

  static double percentile(List<Long> sortedNanos, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, index)) / 1e6;
  }

  /** Our low-income case from submission to decision, every task worked through the Java API. */
  private String ourCase() {
    SubmitApplicationRequest request =
        json.convertValue(Submission.lowIncome().body(), SubmitApplicationRequest.class);
    String no = intake.submit(request, null, Caller.SYSTEM).answer().applicationNo();
    workUntilEnded(no, () -> history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(no).processDefinitionKey("case-intake").finished().count() == 1);
    return no;
  }

  private String baselineCase() {
    String key = "baseline-" + UUID.randomUUID();
    runtime.startProcessInstanceByKey(BaselineModel.KEY, key);
    workUntilEnded(key, () -> history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(key).processDefinitionKey(BaselineModel.KEY).finished().count() == 1);
    return key;
  }

  /**
   * Works every task of the case as it appears: claimed by a user of its candidate group and
   * completed with APPROVE, until the case ends. Asynchronous steps run on the job executor.
   */
  private void workUntilEnded(String businessKey, Supplier<Boolean> ended) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!ended.get()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Case " + businessKey + " did not end within a minute");
      }
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list();
      if (open.isEmpty()) {
        sleep(2);
        continue;
      }
      for (Task task : open) {
        String worker = tasks.getIdentityLinksForTask(task.getId()).stream()
            .map(link -> link.getGroupId()).filter(java.util.Objects::nonNull).findFirst().orElse("bench") + "-worker";
        tasks.claim(task.getId(), worker);
        tasks.complete(task.getId(), Variable.values(OUTCOME.of(TaskOutcome.APPROVE.name()), OPINION.of("符合規定")));
      }
    }
  }

  private double casesPerSecond(int threads, Supplier<String> oneCase) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(() -> {
          for (int i = 0; i < CASES_PER_THREAD; i++) {
            oneCase.get();
          }
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
      return threads * CASES_PER_THREAD / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Statements and commits of one case of each kind, counted with the job executor stopped and
   * the jobs run here one by one, so the count is the same on every run.
   */
  private Map<String, Object> statementCounts() {
    var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    jobExecutor.shutdown();
    try {
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("ours", countOneCase(() -> {
        SubmitApplicationRequest request =
            json.convertValue(Submission.lowIncome().body(), SubmitApplicationRequest.class);
        String no = intake.submit(request, null, Caller.SYSTEM).answer().applicationNo();
        workWithJobsByHand(no, "case-intake");
      }));
      counts.put("baseline", countOneCase(() -> {
        String key = "baseline-" + UUID.randomUUID();
        runtime.startProcessInstanceByKey(BaselineModel.KEY, key);
        workWithJobsByHand(key, BaselineModel.KEY);
      }));
      long ours = (long) ((Map<?, ?>) counts.get("ours")).get("statements");
      long baseline = (long) ((Map<?, ?>) counts.get("baseline")).get("statements");
      counts.put("ratio", round((double) ours / baseline));
      return counts;
    } finally {
      jobExecutor.start();
    }
  }

  private Map<String, Object> countOneCase(Runnable oneCase) {
    COUNTER.start();
    try {
      oneCase.run();
    } finally {
      COUNTER.stop();
    }
    Map<String, Object> count = new LinkedHashMap<>();
    count.put("statements", COUNTER.statements());
    count.put("commits", COUNTER.commits());
    count.put("byTable", COUNTER.byTable());
    return count;
  }

  private void workWithJobsByHand(String businessKey, String definitionKey) {
    for (int round = 0; round < 200; round++) {
      for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
          if (job.getDuedate() == null) {
            management.executeJob(job.getId());
          }
        }
      }
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list();
      for (Task task : open) {
        String worker = tasks.getIdentityLinksForTask(task.getId()).stream()
            .map(link -> link.getGroupId()).filter(java.util.Objects::nonNull).findFirst().orElse("bench") + "-worker";
        tasks.claim(task.getId(), worker);
        tasks.complete(task.getId(), Variable.values(OUTCOME.of(TaskOutcome.APPROVE.name()), OPINION.of("符合規定")));
      }
      if (history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
          .processDefinitionKey(definitionKey).finished().count() == 1) {
        return;
      }
    }
    throw new IllegalStateException(businessKey + " did not end");
  }

  /**
   * The catalog's look-ups of online eligibility and routing as the service makes them (each
   * evaluation counts one table; a look-up of a type is two), answers remembered for ten seconds.
   */
  private double decisionsPerSecond() {
    var types = caseTypes.findAll();
    return perSecond(n -> decisions.evaluate(types.get((int) (n % types.size()))), 2);
  }

  /**
   * A DMN engine configured as the process engine's (its FEEL engine, which business rule tasks
   * and our look-ups use), without the listeners that write history, which only run inside the
   * engine's commands.
   */
  private org.camunda.bpm.dmn.engine.DmnEngine configuredDmnEngine() {
    var configured = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDmnEngineConfiguration();
    var configuration = (org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration)
        org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(configured.getFeelEngineFactory());
    return configuration.buildEngine();
  }

  /**
   * The same two tables evaluated every time on a DMN engine, nothing remembered, no history
   * written: the engine's configured one, or, as the baseline, a default one that parses every
   * expression on every evaluation.
   */
  private double engineEvaluationsPerSecond(org.camunda.bpm.dmn.engine.DmnEngine dmn) {
    var types = caseTypes.findAll();
    var eligibility = parse(dmn, org.caserouting.catalog.OnlineEligibilityDecision.KEY);
    var route = parse(dmn, org.caserouting.catalog.RoutingDecision.KEY);
    return perSecond(n -> {
      var type = types.get((int) (n % types.size()));
      dmn.evaluateDecision(eligibility, org.caserouting.catalog.OnlineEligibilityDecision.inputsFor(type));
      dmn.evaluateDecision(route, org.caserouting.catalog.RoutingDecision.inputsFor(type));
    }, 2);
  }

  private org.camunda.bpm.dmn.engine.DmnDecision parse(org.camunda.bpm.dmn.engine.DmnEngine dmn, String key) {
    String id = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult().getId();
    try (var model = repository.getDecisionModel(id)) {
      return dmn.parseDecision(key, model);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Three seconds to warm up, then five measured; each call of {@code once} is that many evaluations. */
  private static double perSecond(java.util.function.LongConsumer once, int evaluationsPerCall) {
    for (long end = System.nanoTime() + Duration.ofSeconds(3).toNanos(), n = 0; System.nanoTime() < end; n++) {
      once.accept(n);
    }
    long start = System.nanoTime();
    long end = start + Duration.ofSeconds(5).toNanos();
    long calls = 0;
    while (System.nanoTime() < end) {
      once.accept(calls++);
    }
    return calls * evaluationsPerCall / ((System.nanoTime() - start) / 1e9);
  }

  private Set<String> asyncActivities(String businessKey) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
        .flatMap(instance -> history.createHistoricJobLogQuery().processInstanceId(instance.getId()).creationLog().list().stream())
        .filter(log -> log.getJobDefinitionType() != null && log.getJobDefinitionType().startsWith("async"))
        .map(HistoricJobLog::getActivityId)
        .collect(Collectors.toSet());
  }

  @SuppressWarnings("unchecked")
  private String markdown() {
    StringBuilder md = new StringBuilder();
    for (var intakeRun : List.of(
        List.of("intake", "intake over HTTP, agency queries off"),
        List.of("intakeWithAgencyQueries", "intake over HTTP, agency queries on (simulator)"),
        List.of("intakeWithJobsElsewhere", "intake over HTTP, agency queries on, job executor held (the request path alone)"))) {
      md.append("| ").append(intakeRun.get(1)).append(" | applications/s | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n");
      ((Map<String, Map<String, Object>>) results.get(intakeRun.get(0))).forEach((threads, r) ->
          md.append("| ").append(threads).append(" | ").append(r.get("applicationsPerSecond")).append(" | ")
              .append(r.get("p50Ms")).append(" | ").append(r.get("p95Ms")).append(" | ").append(r.get("p99Ms")).append(" |\n"));
      md.append('\n');
    }
    md.append("| measure | ours | baseline | ours / baseline |\n|---|---|---|---|\n");
    ((Map<String, Map<String, Object>>) results.get("lifecycle")).forEach((threads, r) ->
        md.append("| full lifecycle, cases/s, ").append(threads).append(" | ").append(r.get("oursCasesPerSecond"))
            .append(" | ").append(r.get("baselineCasesPerSecond")).append(" | ").append(r.get("ratio")).append(" |\n"));
    Map<String, Object> statements = (Map<String, Object>) results.get("statementsPerCase");
    Map<String, Object> ours = (Map<String, Object>) statements.get("ours");
    Map<String, Object> baseline = (Map<String, Object>) statements.get("baseline");
    md.append("| SQL statements per case | ").append(ours.get("statements")).append(" | ").append(baseline.get("statements"))
        .append(" | ").append(statements.get("ratio")).append(" |\n");
    md.append("| commits per case | ").append(ours.get("commits")).append(" | ").append(baseline.get("commits"))
        .append(" | |\n");
    Map<String, Object> decided = (Map<String, Object>) results.get("decisionsPerSecond");
    md.append("| decision evaluations/s on the engine's DMN engine (eligibility, routing; full FEEL; baseline: parsed"
            + " every time) | ").append(decided.get("engine")).append(" | ").append(decided.get("parsedEveryTime"))
        .append(" | ").append(decided.get("ratio")).append(" |\n");
    md.append("| decision look-ups/s through the service (answers remembered 10 s) | ").append(decided.get("lookUps"))
        .append(" | | |\n\n");
    md.append("Baseline shape: ").append(results.get("baselineShape")).append("\n\n");
    md.append("Statements per case by table (ours):\n\n| statement | count |\n|---|---|\n");
    ((Map<String, Long>) ours.get("byTable")).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n"));
    md.append("\nStatements per case by table (baseline):\n\n| statement | count |\n|---|---|\n");
    ((Map<String, Long>) baseline.get("byTable")).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n"));
    return md.toString();
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
