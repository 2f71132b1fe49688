package org.caserouting.platform.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.caserouting.support.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves {@link AuthorizationSqlPlugin}: two engines on one database, ours and the engine's
 * own SQL, answer every task query and every stored filter, list, page and count, with the same
 * tasks in the same order, for every user of random data, and find the same groups holding
 * authorizations. The data mixes process, case and
 * standalone tasks, candidate users and groups, and grants of every kind the check reads: per
 * task, per process definition key and on '*', to users, groups and everyone, with and without the
 * permission asked, and on resources of other types. Revokes are stored but never checked, as in
 * the service. Runs on PostgreSQL and on H2, with CMMN on (as the service runs) and off.
 */
class AuthorizationSqlEquivalenceTest {

  private static final long SEED = 20261201L;
  private static final List<String> KEYS = List.of("equivalenceA", "equivalenceB", "equivalenceC");
  private static final List<String> USERS = IntStream.range(0, 8).mapToObj(i -> "user" + i).toList();
  private static final List<String> GROUPS = IntStream.range(0, 6).mapToObj(i -> "group" + i).toList();
  private static final List<ProcessEngine> BUILT = new ArrayList<>();

  @AfterAll
  static void closeEngines() {
    BUILT.forEach(ProcessEngine::close);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"postgres", "h2", "postgres without CMMN"})
  void everyTaskQueryFindsWhatTheEnginesOwnSqlFinds(String database) {
    boolean cmmn = !database.endsWith("without CMMN");
    String url = database.startsWith("postgres")
        ? EmbeddedPostgres.jdbcUrl(cmmn ? "task_query_equivalence" : "task_query_equivalence_without_cmmn")
        : "jdbc:h2:mem:task-query-equivalence;DB_CLOSE_DELAY=-1";
    String name = database.replace(' ', '-');
    ProcessEngine engines = engine(name + "-engine", url, cmmn, false);
    ProcessEngine ours = engine(name + "-ours", url, cmmn, true);
    assertThat(((ProcessEngineConfigurationImpl) ours.getProcessEngineConfiguration()).getDbSqlSessionFactory()
        .mapStatement("selectAuthorizedGroupIds")).isEqualTo(AuthorizationSqlPlugin.STATEMENTS.get("selectAuthorizedGroupIds"));
    assertThat(((ProcessEngineConfigurationImpl) engines.getProcessEngineConfiguration()).getDbSqlSessionFactory()
        .mapStatement("selectTaskCountByQueryCriteria")).isEqualTo("selectTaskCountByQueryCriteria");

    Random random = new Random(SEED);
    if (engines.getTaskService().createTaskQuery().count() == 0) {
      randomData(engines, random, cmmn);
    }
    Map<String, String> filters = filters(engines);

    Map<String, List<String>> identities = new LinkedHashMap<>();
    for (String user : USERS) {
      identities.put(user, GROUPS.stream().filter(g -> random.nextInt(3) == 0).toList());
    }
    int compared = 0;
    int seenByAnyone = 0;
    for (var identity : identities.entrySet()) {
      for (var query : queries(identity.getKey(), identity.getValue(), cmmn).entrySet()) {
        String what = database + ", " + identity.getKey() + " " + identity.getValue() + ", " + query.getKey();
        List<String> expected = as(engines, identity, () -> ids(query.getValue().apply(engines.getTaskService()).list()));
        List<String> actual = as(ours, identity, () -> ids(query.getValue().apply(ours.getTaskService()).list()));
        assertThat(actual).as(what).isEqualTo(expected);
        assertThat(as(ours, identity, () -> query.getValue().apply(ours.getTaskService()).count())).as(what)
            .isEqualTo(as(engines, identity, () -> query.getValue().apply(engines.getTaskService()).count()))
            .isEqualTo(expected.size());
        assertThat(as(ours, identity, () -> ids(query.getValue().apply(ours.getTaskService()).listPage(2, 5)))).as(what)
            .isEqualTo(as(engines, identity, () -> ids(query.getValue().apply(engines.getTaskService()).listPage(2, 5))));
        seenByAnyone += expected.size();
        compared++;
      }
      for (var filter : filters.entrySet()) {
        String what = database + ", " + identity.getKey() + ", filter " + filter.getValue();
        assertThat(as(ours, identity, () -> ids(ours.getFilterService().list(filter.getKey())))).as(what)
            .isEqualTo(as(engines, identity, () -> ids(engines.getFilterService().list(filter.getKey()))));
        assertThat(as(ours, identity, () -> ours.getFilterService().count(filter.getKey()))).as(what)
            .isEqualTo(as(engines, identity, () -> engines.getFilterService().count(filter.getKey())));
        compared++;
      }
    }
    assertThat(authorizedGroups(ours)).as(database + ", groups holding authorizations")
        .isEqualTo(authorizedGroups(engines)).contains("group0", "group5");
    // Without a signed-in user, no check at all: both see every task.
    assertThat(ids(ours.getTaskService().createTaskQuery().list()))
        .isEqualTo(ids(engines.getTaskService().createTaskQuery().list()));
    long all = engines.getTaskService().createTaskQuery().count();
    assertThat(compared).isGreaterThan(100);
    // The data is not degenerate: users see different parts of it, and some see far from all.
    List<Long> seen = identities.entrySet().stream()
        .map(identity -> as(ours, identity, () -> ours.getTaskService().createTaskQuery().count())).toList();
    assertThat(seenByAnyone).isPositive();
    assertThat(seen.stream().distinct().count()).as("tasks seen per user: " + seen).isGreaterThanOrEqualTo(4);
    assertThat(seen.stream().mapToLong(Long::longValue).min().orElseThrow()).as("tasks seen per user: " + seen)
        .isLessThan(all / 2);
  }

  /** Our copy of the engine's task query is the engine's, but for the marked change. */
  @Test
  void ourCopyOfTheTaskQueryDiffersFromTheEnginesOnlyWhereMarked() throws IOException {
    String engines = sqlFragment(read("org/camunda/bpm/engine/impl/mapping/entity/Task.xml"), "selectTaskByQueryCriteriaSql");
    String ours = sqlFragment(read(AuthorizationSqlPlugin.MAPPING), "selectTaskByQueryCriteriaSql");
    String join = """
        <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
          <if test="!authCheck.revokeAuthorizationCheckEnabled">
            <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />
            AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})
          </if>
        </if>""";
    String check = """
        <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />""";
    String expected = normalized(engines)
        .replace(normalized(join), "<!-- CHANGED: no join to the authorizations here; see taskAuthorizationCheck below. -->")
        .replace(normalized(check), "<!-- CHANGED: the engine's contextualAuthorizationCheck, with a correlated EXISTS for the join. --> "
            + "<include refid=\"taskAuthorizationCheck\" />");
    assertThat(normalized(engines)).contains(normalized(join), normalized(check));
    assertThat(normalized(ours)).isEqualTo(expected);
  }

  private static ProcessEngine engine(String name, String url, boolean cmmn, boolean withOverride) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
            .setProcessEngineName(name)
            .setJdbcUrl(url)
            .setJdbcUsername(url.startsWith("jdbc:h2") ? "sa" : "postgres")
            .setJdbcPassword(url.startsWith("jdbc:h2") ? "" : "postgres")
            .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
            .setJobExecutorActivate(false)
            .setAuthorizationEnabled(true);
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    configuration.setCmmnEnabled(cmmn);
    configuration.setDbMetricsReporterActivate(false);
    configuration.setEnforceHistoryTimeToLive(false);
    if (withOverride) {
      configuration.getProcessEnginePlugins().add(new AuthorizationSqlPlugin());
    }
    ProcessEngine engine = configuration.buildProcessEngine();
    BUILT.add(engine);
    return engine;
  }

  private static void randomData(ProcessEngine engine, Random random, boolean cmmn) {
    for (String key : KEYS) {
      engine.getRepositoryService().createDeployment()
          .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
              .startEvent().userTask("probe").name("流程 process task " + key).endEvent().done())
          .deploy();
    }
    if (cmmn) {
      engine.getRepositoryService().createDeployment().addString("equivalence.cmmn", CASE).deploy();
    }
    TaskService tasks = engine.getTaskService();
    for (int i = 0; i < 30; i++) {
      engine.getRuntimeService().startProcessInstanceByKey(KEYS.get(random.nextInt(KEYS.size())), "case-" + i);
    }
    for (int i = 0; cmmn && i < 4; i++) {
      engine.getCaseService().createCaseInstanceByKey("equivalenceCase", "case-task-" + i);
    }
    for (int i = 0; i < 60; i++) {
      Task task = tasks.newTask();
      task.setName("獨立 standalone " + i);
      task.setPriority(random.nextInt(100));
      task.setDueDate(new Date(1_800_000_000_000L + random.nextInt(1_000_000) * 1000L));
      tasks.saveTask(task);
    }
    for (Task task : tasks.createTaskQuery().list()) {
      if (random.nextInt(4) == 0) {
        tasks.setAssignee(task.getId(), pick(random, USERS));
      }
      if (random.nextInt(6) == 0) {
        tasks.setOwner(task.getId(), pick(random, USERS));
      }
      for (int i = random.nextInt(3); i > 0; i--) {
        tasks.addCandidateGroup(task.getId(), pick(random, GROUPS));
      }
      if (random.nextInt(4) == 0) {
        tasks.addCandidateUser(task.getId(), pick(random, USERS));
      }
    }
    grants(engine, random, tasks.createTaskQuery().list().stream().map(Task::getId).toList());
  }

  /**
   * Random grants beside the ones the engine made for candidates and assignees: the check must
   * find a grant by task id, definition key or '*', and only one of the right type with the right
   * permission; a grant on another kind of resource or without the permission must not count.
   */
  private static void grants(ProcessEngine engine, Random random, List<String> taskIds) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Set<String> made = new HashSet<>();
    for (var existing : authorizations.createAuthorizationQuery().list()) {
      made.add(existing.getAuthorizationType() + existing.getUserId() + existing.getGroupId()
          + existing.getResourceType() + existing.getResourceId());
    }
    grantsOnEverything(authorizations);
    for (int i = 0; i < 160; i++) {
      int kind = random.nextInt(4);
      Resource resource = switch (kind) {
        case 0, 1 -> Resources.TASK;
        case 2 -> Resources.PROCESS_DEFINITION;
        default -> Resources.PROCESS_INSTANCE;
      };
      List<String> ids = new ArrayList<>(taskIds);
      ids.addAll(KEYS);
      String resourceId = pick(random, ids);
      int type = random.nextInt(10) == 0 ? Authorization.AUTH_TYPE_GLOBAL
          : random.nextInt(8) == 0 ? Authorization.AUTH_TYPE_REVOKE : Authorization.AUTH_TYPE_GRANT;
      String user = type == Authorization.AUTH_TYPE_GLOBAL ? "*"
          : random.nextInt(2) == 0 ? (random.nextInt(10) == 0 ? "*" : pick(random, USERS)) : null;
      String group = user == null ? pick(random, GROUPS) : null;
      if (!made.add(type + user + group + resource.resourceType() + resourceId)) {
        continue;
      }
      Authorization grant = authorizations.createNewAuthorization(type);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
      if (user != null) {
        grant.setUserId(user);
      } else {
        grant.setGroupId(group);
      }
      Permission[] choices = switch (kind) {
        case 0, 1 -> new Permission[] {TaskPermissions.READ, TaskPermissions.UPDATE, TaskPermissions.TASK_WORK};
        case 2 -> new Permission[] {ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.UPDATE_TASK};
        default -> new Permission[] {ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE};
      };
      if (type == Authorization.AUTH_TYPE_REVOKE) {
        grant.removePermission(pick(random, List.of(choices)));
      } else {
        grant.addPermission(pick(random, List.of(choices)));
        if (random.nextBoolean()) {
          grant.addPermission(pick(random, List.of(choices)));
        }
      }
      authorizations.saveAuthorization(grant);
    }
  }

  /** On '*': one group reads every task, one user every process definition's tasks, one user may only update them all. */
  private static void grantsOnEverything(AuthorizationService authorizations) {
    everything(authorizations, null, "group5", Resources.TASK, TaskPermissions.READ);
    everything(authorizations, "user6", null, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_TASK);
    everything(authorizations, "user7", null, Resources.TASK, TaskPermissions.UPDATE);
  }

  private static void everything(AuthorizationService authorizations, String user, String group, Resource resource,
      Permission permission) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setResource(resource);
    grant.setResourceId("*");
    grant.setUserId(user);
    grant.setGroupId(group);
    grant.addPermission(permission);
    authorizations.saveAuthorization(grant);
  }

  /** Stored filters, as Tasklist lists and counts them, readable by everyone. */
  private static Map<String, String> filters(ProcessEngine engine) {
    var service = engine.getFilterService();
    Map<String, TaskQuery> wanted = new LinkedHashMap<>();
    wanted.put("unclaimed group0", engine.getTaskService().createTaskQuery().taskCandidateGroup("group0").taskUnassigned());
    wanted.put("open for groups 1, 2", engine.getTaskService().createTaskQuery()
        .taskCandidateGroupIn(List.of("group1", "group2")).includeAssignedTasks());
    wanted.put("everything by due date", engine.getTaskService().createTaskQuery().orderByDueDate().asc());
    Map<String, String> ids = new LinkedHashMap<>();
    for (var filter : wanted.entrySet()) {
      var existing = service.createFilterQuery().filterName(filter.getKey()).singleResult();
      var stored = existing != null ? existing
          : service.saveFilter(service.newTaskFilter(filter.getKey()).setQuery(filter.getValue()));
      ids.put(stored.getId(), filter.getKey());
    }
    if (engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER).resourceId("*").count() == 0) {
      Authorization everyone = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      everyone.setResource(Resources.FILTER);
      everyone.setResourceId("*");
      everyone.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
      engine.getAuthorizationService().saveAuthorization(everyone);
    }
    return ids;
  }

  /** The queries compared, as Tasklist, the engine REST API and our API ask them. */
  private static Map<String, Function<TaskService, TaskQuery>> queries(String user, List<String> groups, boolean cmmn) {
    String group = groups.isEmpty() ? "group0" : groups.get(0);
    Map<String, Function<TaskService, TaskQuery>> queries = new LinkedHashMap<>();
    queries.put("all", TaskService::createTaskQuery);
    queries.put("unclaimed of " + group, t -> t.createTaskQuery().taskCandidateGroup(group).taskUnassigned());
    queries.put("of groups, assigned too", t -> t.createTaskQuery().taskCandidateGroupIn(GROUPS.subList(1, 4))
        .includeAssignedTasks().orderByTaskPriority().desc().orderByTaskId().asc());
    queries.put("candidate user", t -> t.createTaskQuery().taskCandidateUser(user));
    queries.put("involved user", t -> t.createTaskQuery().taskInvolvedUser(user));
    queries.put("assignee", t -> t.createTaskQuery().taskAssignee(user));
    queries.put("process key", t -> t.createTaskQuery().processDefinitionKey(KEYS.get(1)));
    queries.put("process keys by due date", t -> t.createTaskQuery().processDefinitionKeyIn(KEYS.get(0), KEYS.get(2))
        .orderByDueDate().asc().orderByTaskId().asc());
    queries.put("business key like", t -> t.createTaskQuery().processInstanceBusinessKeyLike("case-1%"));
    if (cmmn) {
      queries.put("case tasks", t -> t.createTaskQuery().caseDefinitionKey("equivalenceCase"));
    }
    queries.put("or: group or assignee", t -> t.createTaskQuery().or().taskCandidateGroup(group).taskAssignee(user).endOr());
    queries.put("or: name or priority", t -> t.createTaskQuery()
        .or().taskNameLike("%standalone 1%").taskMinPriority(90).endOr().orderByTaskName().asc().orderByTaskId().asc());
    queries.put("with candidate groups", t -> t.createTaskQuery().withCandidateGroups().orderByTaskCreateTime().desc()
        .orderByTaskId().asc());
    queries.put("without candidate groups", t -> t.createTaskQuery().withoutCandidateGroups());
    queries.put("unassigned", t -> t.createTaskQuery().taskUnassigned());
    return queries;
  }

  /**
   * What the engine reads at the start of a command that checks permissions, as it keeps it
   * (AuthorizationManager.getAllGroups: a set, without the null of grants to users).
   */
  private static Set<String> authorizedGroups(ProcessEngine engine) {
    org.camunda.bpm.engine.impl.interceptor.Command<Set<String>> read = context -> {
      Set<String> groups = new HashSet<>();
      for (Object group : context.getDbEntityManager().selectList("selectAuthorizedGroupIds")) {
        if (group != null) {
          groups.add((String) group);
        }
      }
      return groups;
    };
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(read);
  }

  private static <T> T as(ProcessEngine engine, Map.Entry<String, List<String>> identity, java.util.function.Supplier<T> query) {
    engine.getIdentityService().setAuthentication(identity.getKey(), identity.getValue());
    try {
      return query.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static List<String> ids(List<? extends Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = AuthorizationSqlEquivalenceTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String sqlFragment(String mapping, String id) {
    Matcher matcher = Pattern.compile("<sql id=\"" + id + "\">(.*?)\n  </sql>", Pattern.DOTALL).matcher(mapping);
    assertThat(matcher.find()).as(id).isTrue();
    return matcher.group(1);
  }

  private static String normalized(String xml) {
    return xml.replaceAll("\\s+", " ").trim();
  }

  private static final String CASE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" targetNamespace="http://caserouting.org/test">
        <case id="equivalenceCase">
          <casePlanModel id="plan">
            <planItem id="taskItem" definitionRef="caseTask" />
            <humanTask id="caseTask" name="案件 case task" />
          </casePlanModel>
        </case>
      </definitions>
      """;
}
