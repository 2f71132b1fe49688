package org.caserouting.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.AgencyRepository;
import org.caserouting.identity.AgencyGroups.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo's people: an administrator {@code demo}, a process owner, and for every agency a
 * clerk, a section chief and a director, each in the group of that role. Every password is the
 * demo password. Idempotent: existing users, groups and grants are left as they are.
 */
@Component
@ConditionalOnProperty(name = "caserouting.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoIdentitySeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoIdentitySeeder.class);
  static final String ADMIN = "demo";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final AgencyRepository agencies;
  private final DemoProperties properties;

  DemoIdentitySeeder(
      IdentityService identity,
      AuthorizationService authorizations,
      FilterService filters,
      TaskService tasks,
      AgencyRepository agencies,
      DemoProperties properties) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.agencies = agencies;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    group(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
    user(ADMIN, "Demo", "Administrator", Groups.CAMUNDA_ADMIN);
    grantAll(Groups.CAMUNDA_ADMIN);

    group(AgencyGroups.PROCESS_OWNER, "流程負責人 Process owners", Groups.GROUP_TYPE_WORKFLOW);
    user(AgencyGroups.PROCESS_OWNER, "流程負責人", "Process owner", AgencyGroups.PROCESS_OWNER);
    grant(AgencyGroups.PROCESS_OWNER, Resources.DEPLOYMENT, Permissions.CREATE, Permissions.READ);
    grant(AgencyGroups.PROCESS_OWNER, Resources.PROCESS_DEFINITION, Permissions.READ);
    grant(AgencyGroups.PROCESS_OWNER, Resources.DECISION_DEFINITION, Permissions.READ);
    grant(AgencyGroups.PROCESS_OWNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);

    group(AgencyGroups.PORTAL, "市民服務平台 City portal", Groups.GROUP_TYPE_WORKFLOW);
    user(AgencyGroups.PORTAL, "市民服務平台", "City portal client", AgencyGroups.PORTAL);

    List<Agency> all = agencies.findAll();
    for (Agency agency : all) {
      for (Role role : Role.values()) {
        String id = AgencyGroups.groupId(agency.getCode(), role);
        group(id, agency.getNameZh() + " " + role.nameZh() + " / " + agency.getNameEn() + " " + role.nameEn(),
            Groups.GROUP_TYPE_WORKFLOW);
        user(id, agency.getNameZh() + role.nameZh(), agency.getNameEn() + " " + role.nameEn(), id);
      }
    }
    // Every signed-in user may open Tasklist; which tasks they see is decided per task by the
    // candidate groups the engine grants (see the default authorization provider).
    grantGlobally(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    taskFilters();
    log.info("Demo identities ready: {} agencies x 3 roles, password '{}' (demo only)", all.size(), properties.password());
  }

  private void taskFilters() {
    if (filters.createFilterQuery().filterName(MY_AGENCY).count() == 0) {
      Filter filter =
          filters.newTaskFilter(MY_AGENCY)
              .setOwner(ADMIN)
              .setQuery(tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks());
      filter.setProperties(
          java.util.Map.of("description", "本機關待辦案件 Tasks of my agency", "priority", -10, "refresh", true));
      filters.saveFilter(filter);
    }
    if (filters.createFilterQuery().filterName(MY_TASKS).count() == 0) {
      Filter filter =
          filters.newTaskFilter(MY_TASKS)
              .setOwner(ADMIN)
              .setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
      filter.setProperties(java.util.Map.of("description", "我已認領的案件 Tasks I have claimed", "priority", -5, "refresh", true));
      filters.saveFilter(filter);
    }
    grantGlobally(Resources.FILTER, ANY, Permissions.READ);
  }

  static final String MY_AGENCY = "本機關待辦 My agency";
  static final String MY_TASKS = "我的案件 My tasks";

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void user(String id, String firstName, String lastName, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(properties.password());
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(id, groupId);
    }
  }

  private void grantAll(String groupId) {
    for (Resources resource : Resources.values()) {
      grant(groupId, resource, ANY, Permissions.ALL);
    }
  }

  private void grant(String groupId, Resource resource, Permission... permissions) {
    grant(groupId, resource, ANY, permissions);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists =
        authorizations.createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .count()
            > 0;
    if (!exists) {
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      for (Permission permission : permissions) {
        authorization.addPermission(permission);
      }
      authorizations.saveAuthorization(authorization);
    }
  }

  private void grantGlobally(Resource resource, String resourceId, Permission permission) {
    boolean exists =
        authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(resource)
                .resourceId(resourceId)
                .count()
            > 0;
    if (!exists) {
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      authorization.setUserId(ANY);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      authorizations.saveAuthorization(authorization);
    }
  }
}
