package org.caserouting.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.caserouting.catalog.AgencyRepository;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.engine.query.AuthorizationSqlPlugin;
import org.caserouting.support.EmbeddedPostgresInitializer;
import org.caserouting.support.StatementCount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * What clerks wait for in Tasklist over a large backlog (docs/performance.md), run by {@code mvn
 * -Pbench test}: open tasks offered to every agency's clerks ({@link Backlog}), then a clerk's "My
 * agency: unclaimed" (first page of 15 and its count, as Tasklist asks) with authorization on,
 * with our authorization SQL and with the engine's own, the plans of every query they send, and
 * 20 clerks of different agencies refreshing Tasklist at once (every filter counted, the first
 * one listed) beside one refreshing alone.
 *
 * <p>{@code -Dbench.backlog=1000000} runs it at a million open tasks; there only our query is
 * timed, as the engine's own would take minutes per count. Writes target/bench/tasklist-N.json
 * and .md.
 */
@SpringBootTest(properties = {
    "ADMIN_USER=bench-admin",
    "ADMIN_PASSWORD=bench-only-password",
    "CASEROUTING_TRACKING_READER_KEY=bench-only-reader-key",
    "caserouting.receipts.key-file=target/bench/receipt-key.jwk.json",
    "caserouting.verification.enabled=false",
    "caserouting.mail.poll-interval=P3650D",
    "caserouting.deadlines.scan-interval=P3650D",
    // Measured on its own in docs/performance.md: over a million tasks it would compete here.
    "caserouting.metrics.refresh-interval=P3650D"})
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = TaskListBench.OwnDatabase.class)
class TaskListBench {

  static final int BACKLOG = Integer.getInteger("bench.backlog", 100_000);
  /**
   * The engine's own SQL is timed too, unless {@code -Dbench.enginesSql=false}; never above 200,000
   * open tasks, where each of its counts would take minutes.
   */
  static final boolean ENGINES_SQL = Boolean.parseBoolean(System.getProperty("bench.enginesSql", "true"))
      && BACKLOG <= 200_000;
  static final int CLERKS_AT_ONCE = 20;
  /** Rounds of all clerks refreshing together, after two to warm up. */
  static final int ROUNDS = 10;
  static final String CLERK_GROUP = "do-daan-clerk";
  static final CountCapture COUNTS = new CountCapture();

  static class OwnDatabase extends EmbeddedPostgresInitializer {
    OwnDatabase() {
      super("task_list_bench", "tasklistbench");
    }
  }

  @TestConfiguration
  static class Capturing {
    @Bean
    static BeanPostProcessor captureCounts() {
      return StatementCount.proxying(builder -> builder.listener(COUNTS));
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired DataSource dataSource;
  @Autowired AgencyRepository agencies;

  private final Map<String, Object> results = new LinkedHashMap<>();

  @Test
  void measure() throws Exception {
    // Every agency's clerks, as TaskFilters gives each agency its filters (the production profile
    // has no demo users or groups: a clerk is whoever signs in with the group).
    List<String> groups = agencies.findAll().stream()
        .map(agency -> AgencyGroups.groupId(agency.getCode(), AgencyGroups.Role.CLERK)).sorted().toList();
    assertThat(groups).contains(CLERK_GROUP);

    long start = System.nanoTime();
    Backlog backlog = new Backlog(tasks, dataSource);
    for (int first = 0; first < BACKLOG; first += 100_000) {
      backlog.write(groups, first, Math.min(100_000, BACKLOG - first));
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : Backlog.ROWS.keySet()) {
        statement.execute("vacuum analyze " + table);
      }
    }
    results.put("openTasks", tasks.createTaskQuery().count());
    results.put("agencies", groups.size());
    results.put("clerksTasks", tasks.createTaskQuery().taskCandidateGroup(CLERK_GROUP).count());
    results.put("loadSeconds", CaseRouterBench.round((System.nanoTime() - start) / 1e9));

    Filter unclaimed = filter("unclaimed/DO-DAAN");
    Map<String, Object> clerk = new LinkedHashMap<>();
    clerk.put("ours", timeClerk(unclaimed, 10, 40));
    clerk.put("oursPlans", plan(unclaimed));
    if (ENGINES_SQL) {
      withEnginesOwnSql(() -> {
        clerk.put("engines", timeClerk(unclaimed, 2, 10));
        clerk.put("enginesPlans", plan(unclaimed));
      });
    }
    results.put("clerk", clerk);
    write();
    results.put("clerkAlone", clerksAtOnce(groups, 1));
    results.put("clerksAtOnce", clerksAtOnce(groups, CLERKS_AT_ONCE));
    write();
  }

  private void write() throws java.io.IOException {
    var json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.createDirectories(CaseRouterBench.OUT);
    Files.writeString(CaseRouterBench.OUT.resolve("tasklist-" + BACKLOG + ".json"), json.writeValueAsString(results));
    Files.writeString(CaseRouterBench.OUT.resolve("tasklist-" + BACKLOG + ".md"), markdown());
  }

  private Filter filter(String key) {
    return filters.createFilterQuery().list().stream()
        .filter(f -> key.equals(String.valueOf(f.getProperties().get("caseRouterFilter"))))
        .findFirst().orElseThrow(() -> new IllegalStateException("no filter " + key));
  }

  /** The clerk opens "My agency: unclaimed": its first page and its count, as Tasklist asks. */
  private Map<String, Object> timeClerk(Filter unclaimed, int warmUp, int measured) {
    List<Long> nanos = new ArrayList<>();
    List<Long> pageNanos = new ArrayList<>();
    long seen = 0;
    for (int i = 0; i < warmUp + measured; i++) {
      identity.setAuthentication("do-daan-bench", List.of(CLERK_GROUP));
      long t0 = System.nanoTime();
      long t1;
      try {
        filters.listPage(unclaimed.getId(), 0, 15);
        t1 = System.nanoTime();
        seen = filters.count(unclaimed.getId());
      } finally {
        identity.clearAuthentication();
      }
      if (i >= warmUp) {
        nanos.add(System.nanoTime() - t0);
        pageNanos.add(t1 - t0);
      }
    }
    Collections.sort(nanos);
    Collections.sort(pageNanos);
    Map<String, Object> timed = new LinkedHashMap<>();
    timed.put("count", seen);
    timed.put("p50Ms", CaseRouterBench.round(CaseRouterBench.percentile(nanos, 50)));
    timed.put("p99Ms", CaseRouterBench.round(CaseRouterBench.percentile(nanos, 99)));
    timed.put("firstPageP50Ms", CaseRouterBench.round(CaseRouterBench.percentile(pageNanos, 50)));
    return timed;
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of every query the engine sends for the first page and the count
   * (the filter's own look-up and its authorization, then the task query), exactly as sent.
   */
  private String plan(Filter unclaimed) throws Exception {
    identity.setAuthentication("do-daan-bench", List.of(CLERK_GROUP));
    try {
      COUNTS.sent.clear();
      COUNTS.capturing.set(true);
      filters.listPage(unclaimed.getId(), 0, 15);
      filters.count(unclaimed.getId());
    } finally {
      COUNTS.capturing.set(false);
      identity.clearAuthentication();
    }
    StringBuilder plans = new StringBuilder();
    for (QueryInfo query : COUNTS.sent) {
      plans.append(query.getQuery().replaceAll("\\s+", " ").trim()).append("\n\n");
      try (Connection connection = dataSource.getConnection();
          PreparedStatement explain = connection.prepareStatement("explain (analyze, buffers) " + query.getQuery())) {
        for (ParameterSetOperation parameter : query.getParametersList().get(0)) {
          Object[] args = parameter.getArgs();
          if (parameter.getMethod().getName().equals("setNull")) {
            explain.setNull((Integer) args[0], (Integer) args[1]);
          } else {
            explain.setObject((Integer) args[0], args[1]);
          }
        }
        try (ResultSet rows = explain.executeQuery()) {
          while (rows.next()) {
            plans.append(rows.getString(1)).append('\n');
          }
        }
      }
      plans.append('\n');
    }
    return plans.toString();
  }

  /**
   * Clerks of different agencies (one per agency) refreshing Tasklist at the same moment, round
   * after round: each refresh counts the clerk's filters ("unclaimed" and "overdue" of the agency)
   * and lists the first page of "unclaimed", as Tasklist does. With one clerk, what a refresh
   * costs alone.
   */
  private Map<String, Object> clerksAtOnce(List<String> groups, int wanted) throws Exception {
    int clerks = Math.min(wanted, groups.size());
    ExecutorService pool = Executors.newFixedThreadPool(clerks);
    CyclicBarrier together = new CyclicBarrier(clerks);
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clerks; c++) {
        String group = groups.get(c * groups.size() / clerks);
        String agency = group.substring(0, group.length() - "-clerk".length()).toUpperCase();
        String user = agency.toLowerCase() + "-bench";
        Filter unclaimed = filter("unclaimed/" + agency);
        Filter overdue = filter("overdue/" + agency);
        running.add(pool.submit(() -> {
          for (int round = 0; round < ROUNDS + 2; round++) {
            together.await();
            identity.setAuthentication(user, List.of(group));
            long t0 = System.nanoTime();
            try {
              filters.count(unclaimed.getId());
              filters.count(overdue.getId());
              filters.listPage(unclaimed.getId(), 0, 15);
            } finally {
              identity.clearAuthentication();
            }
            if (round >= 2) {
              nanos.add(System.nanoTime() - t0);
            }
          }
          return null;
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<Long> sorted = nanos.stream().sorted().toList();
    Map<String, Object> timed = new LinkedHashMap<>();
    timed.put("clerks", clerks);
    timed.put("refreshes", sorted.size());
    timed.put("p50Ms", CaseRouterBench.round(CaseRouterBench.percentile(sorted, 50)));
    timed.put("p99Ms", CaseRouterBench.round(CaseRouterBench.percentile(sorted, 99)));
    return timed;
  }

  /** Runs the block with the engine's own task query SQL, as without AuthorizationSqlPlugin. */
  private void withEnginesOwnSql(ThrowingRunnable block) throws Exception {
    DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbSqlSessionFactory();
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> enginesOwn = new HashMap<>(ours);
    AuthorizationSqlPlugin.STATEMENTS.keySet().forEach(enginesOwn::remove);
    sessions.setStatementMappings(enginesOwn);
    try {
      block.run();
    } finally {
      sessions.setStatementMappings(ours);
    }
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @SuppressWarnings("unchecked")
  private String markdown() {
    Map<String, Object> clerk = (Map<String, Object>) results.get("clerk");
    Map<String, Object> ours = (Map<String, Object>) clerk.get("ours");
    Map<String, Object> engines = (Map<String, Object>) clerk.get("engines");
    Map<String, Object> atOnce = (Map<String, Object>) results.get("clerksAtOnce");
    Map<String, Object> alone = (Map<String, Object>) results.get("clerkAlone");
    StringBuilder md = new StringBuilder();
    md.append("Backlog: ").append(results.get("openTasks")).append(" open tasks over ").append(results.get("agencies"))
        .append(" agencies' clerks, ").append(results.get("clerksTasks")).append(" of them `do-daan-clerk`'s; written in ")
        .append(results.get("loadSeconds")).append(" s.\n\n");
    md.append("| clerk's \"My agency: unclaimed\", first page and count | p50 ms | p99 ms |\n|---|---|---|\n");
    if (engines != null) {
      md.append("| engine's own SQL (join) | ").append(engines.get("p50Ms")).append(" | ").append(engines.get("p99Ms")).append(" |\n");
    }
    md.append("| ours (EXISTS) | ").append(ours.get("p50Ms")).append(" | ").append(ours.get("p99Ms")).append(" |\n");
    if (alone != null) {
      md.append("| one clerk refreshing Tasklist alone (every filter counted, first listed) | ")
          .append(alone.get("p50Ms")).append(" | ").append(alone.get("p99Ms")).append(" |\n");
    }
    if (atOnce != null) {
      md.append("| ").append(atOnce.get("clerks")).append(" clerks of different agencies refreshing at once (every filter counted, first listed) | ")
          .append(atOnce.get("p50Ms")).append(" | ").append(atOnce.get("p99Ms")).append(" |\n");
    }
    md.append('\n');
    if (engines != null) {
      md.append("Plans of the first page and the count, engine's own SQL:\n\n```\n").append(clerk.get("enginesPlans")).append("```\n\n");
    }
    md.append("Plans of the first page and the count, ours:\n\n```\n").append(clerk.get("oursPlans")).append("```\n");
    return md.toString();
  }

  /** Remembers the queries the engine sends while capturing is on. */
  static final class CountCapture implements QueryExecutionListener {
    final java.util.concurrent.atomic.AtomicBoolean capturing = new java.util.concurrent.atomic.AtomicBoolean();
    final List<QueryInfo> sent = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      if (capturing.get()) {
        queries.stream().filter(q -> q.getQuery().trim().toLowerCase().matches("(?s)(select|with).*")).forEach(sent::add);
      }
    }
  }
}
