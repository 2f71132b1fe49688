package org.caserouting.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.caserouting.cases.CaseVariables;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.AgencyRepository;
import org.caserouting.platform.AgencyGroups.Role;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.TaskPriorities;
import org.caserouting.platform.Variable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters each role finds when it signs in, sorted by due date. Stored queries hold
 * no expressions (the engine refuses them), so each filter names its groups outright and is shared
 * with those groups only. Tasklist opens the one with the lowest priority first: the work waiting
 * to be taken.
 *
 * <ul>
 *   <li>{@value #UNCLAIMED}, per agency, for its clerks: offered to the agency's clerks, nobody has it yet;
 *   <li>{@value #AWAITING_SIGN_OFF}, per agency, for its section chiefs and for its director: sign-offs
 *       and minutes offered to that role;
 *   <li>{@value #AGENCY_OPEN}, per agency, for its section chiefs and director: all the agency's open tasks;
 *   <li>{@value #OVERDUE}, per agency, for all three roles: the agency's tasks past their due date
 *       (the deadline watch marks them);
 *   <li>"代理 ... Acting for ...", per acting deputy and period: the absent colleague's group tasks
 *       ({@link #actingFor}), removed when the period ends;
 *   <li>{@value #MY_TASKS}, per person: what they have claimed. Created for every member of an
 *       agency group at startup and at sign-in to Tasklist, so a newly added clerk has it too.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class TaskFilters implements ApplicationRunner {

  public static final String UNCLAIMED = "本機關待領 My agency: unclaimed";
  public static final String MY_TASKS = "我的案件 My tasks";
  public static final String AWAITING_SIGN_OFF = "待我核定 Awaiting my sign-off";
  public static final String AGENCY_OPEN = "本機關全部待辦 My agency: all open";
  public static final String OVERDUE = "逾期 Overdue";

  /** The user tasks that are a signature: sign-off (陳核) and signing joint-inspection minutes. */
  static final List<String> SIGNATURE_TASKS = List.of("signOff", "signMinutes");

  /** Filters of earlier versions, whose queries used expressions. */
  private static final List<String> RETIRED = List.of("本機關待辦 My agency");

  /** Marks each filter this class manages, so a restart finds it instead of adding another. */
  private static final String KEY = "caseRouterFilter";

  private final FilterService filters;
  private final TaskService tasks;
  private final IdentityService identity;
  private final AgencyRepository agencies;
  private final Grants grants;

  TaskFilters(FilterService filters, TaskService tasks, IdentityService identity, AgencyRepository agencies, Grants grants) {
    this.filters = filters;
    this.tasks = tasks;
    this.identity = identity;
    this.agencies = agencies;
    this.grants = grants;
  }

  @Override
  public void run(ApplicationArguments args) {
    retireExpressionFilters();
    Map<String, Filter> existing = managedFilters();
    for (Agency agency : agencies.findAll()) {
      String code = agency.getCode();
      String clerks = AgencyGroups.groupId(code, Role.CLERK);
      String chiefs = AgencyGroups.groupId(code, Role.CHIEF);
      String directors = AgencyGroups.groupId(code, Role.DIRECTOR);
      String agencyName = agency.getNameZh() + " " + agency.getNameEn();

      ensure(existing, "unclaimed/" + code, UNCLAIMED, agencyName, -10,
          tasks.createTaskQuery().taskCandidateGroup(clerks).taskUnassigned(), List.of(clerks));
      for (String supervisors : List.of(chiefs, directors)) {
        ensure(existing, "sign-off/" + supervisors, AWAITING_SIGN_OFF, agencyName, -10,
            tasks.createTaskQuery()
                .taskCandidateGroup(supervisors)
                .includeAssignedTasks()
                .taskDefinitionKeyIn(SIGNATURE_TASKS.toArray(String[]::new)),
            List.of(supervisors));
      }
      ensure(existing, "open/" + code, AGENCY_OPEN, agencyName, 0,
          tasks.createTaskQuery().taskCandidateGroupIn(List.of(clerks, chiefs, directors)).includeAssignedTasks(),
          List.of(chiefs, directors));
      ensure(existing, "overdue/" + code, OVERDUE, agencyName, 5,
          tasks.createTaskQuery()
              .taskCandidateGroupIn(List.of(clerks, chiefs, directors))
              .includeAssignedTasks()
              .taskMinPriority(TaskPriorities.OVERDUE),
          List.of(clerks, chiefs, directors));
    }
    for (User user : identity.createUserQuery().list()) {
      if (inAnAgency(user.getId())) {
        ensurePersonalFilter(existing, user.getId());
      }
    }
  }

  /** Gives an agency's staff member their "My tasks" filter if they do not have it yet. */
  public void ensurePersonalFilter(String userId) {
    if (inAnAgency(userId)) {
      ensurePersonalFilter(managedFilters(userId), userId);
    }
  }

  /**
   * The same for someone signed in at the identity provider, whose agency groups come from the
   * provider rather than the engine's directory.
   */
  public void ensurePersonalFilter(String userId, java.util.Collection<String> groups) {
    if (groups.stream().anyMatch(group -> AgencyGroups.parse(group).isPresent())) {
      ensurePersonalFilter(managedFilters(userId), userId);
    }
  }

  private void ensurePersonalFilter(Map<String, Filter> existing, String userId) {
    String key = "mine/" + userId;
    if (!existing.containsKey(key)) {
      Filter filter = filters.newTaskFilter(MY_TASKS).setOwner(userId);
      save(filter, key, "我已認領的案件 Tasks I have claimed", -5, tasks.createTaskQuery().taskAssignee(userId));
      grants.toUser(userId, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  /**
   * Gives an acting deputy (職務代理) the absent colleague's list for the period: the tasks offered to
   * the colleague's group, which the engine offers the deputy too. Kept until {@link #stopActing}.
   */
  public void actingFor(long period, String deputy, String absent, String group) {
    String key = "acting/" + period;
    if (managedFilters(deputy).containsKey(key)) {
      return;
    }
    Filter filter = filters.newTaskFilter("代理 " + absent + " Acting for " + absent).setOwner(deputy);
    save(filter, key, "職務代理期間 " + absent + " 的待辦 " + absent + "'s work while you act for them", -8,
        tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
    grants.toUser(deputy, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  /** Takes the absent colleague's list away from the deputy when the period ends. */
  public void stopActing(long period, String deputy) {
    Filter filter = managedFilters(deputy).get("acting/" + period);
    if (filter != null) {
      filters.deleteFilter(filter.getId());
    }
  }

  private void ensure(Map<String, Filter> existing, String key, String name, String description, int priority,
      TaskQuery query, List<String> sharedWith) {
    Filter filter = existing.get(key);
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      save(filter, key, description, priority, query);
    }
    for (String group : sharedWith) {
      grants.toGroup(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private void save(Filter filter, String key, String description, int priority, TaskQuery query) {
    filter.setQuery(sortedByDueDate(query));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", shownVariables());
    properties.put(KEY, key);
    filter.setProperties(properties);
    filters.saveFilter(filter);
  }

  private static TaskQuery sortedByDueDate(TaskQuery query) {
    return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
  }

  /** A variable shown on every card of a clerk's list, with its label. */
  public record CardVariable(Variable<String> variable, String label) {}

  /**
   * What a clerk reads on each card of the list. Tasklist reads them from the task's process
   * instance, so every process with user tasks is passed them.
   */
  public static final List<CardVariable> ON_EVERY_CARD = List.of(
      new CardVariable(CaseVariables.APPLICATION_NO, "案號 Application no."),
      new CardVariable(CaseVariables.CASE_TYPE_NAME, "案件類別 Case type"));

  private static List<Map<String, String>> shownVariables() {
    return ON_EVERY_CARD.stream().map(shown -> Map.of("name", shown.variable().name(), "label", shown.label())).toList();
  }

  private Map<String, Filter> managedFilters() {
    return byKey(filters.createFilterQuery().list());
  }

  private Map<String, Filter> managedFilters(String owner) {
    return byKey(filters.createFilterQuery().filterOwner(owner).list());
  }

  private static Map<String, Filter> byKey(List<Filter> found) {
    Map<String, Filter> byKey = new HashMap<>();
    for (Filter filter : found) {
      Object key = filter.getProperties() == null ? null : filter.getProperties().get(KEY);
      if (key != null) {
        byKey.put(key.toString(), filter);
      }
    }
    return byKey;
  }

  private void retireExpressionFilters() {
    List<String> retired = new ArrayList<>(RETIRED);
    retired.add(MY_TASKS);
    for (String name : retired) {
      for (Filter filter : filters.createFilterQuery().filterName(name).list()) {
        if (filter.getProperties() == null || !filter.getProperties().containsKey(KEY)) {
          filters.deleteFilter(filter.getId());
        }
      }
    }
  }

  private boolean inAnAgency(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream()
        .anyMatch(group -> AgencyGroups.parse(group.getId()).isPresent());
  }
}
