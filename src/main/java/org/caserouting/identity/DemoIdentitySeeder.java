package org.caserouting.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.AgencyRepository;
import org.caserouting.platform.AgencyGroups.Role;
import org.caserouting.platform.AgencyGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo's people: an administrator {@code demo}, a process owner, and for every agency two
 * clerks ({@code do-daan-clerk}, {@code do-daan-clerk-2}), a section chief and a director, each in
 * the group of that role. Every password is the
 * demo password. Idempotent: existing users and groups are left as they are. What each role may
 * do is granted by {@link AgencyAccess} and {@link TaskFilters}, as in production.
 */
@Component
@ConditionalOnProperty(name = "caserouting.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoIdentitySeeder implements ApplicationRunner {

  /** Demo staff mailboxes, in a domain reserved for examples (RFC 2606): nothing reaches a real person. */
  static final String DEMO_MAIL_DOMAIN = "staff.example.org";

  private static final Logger log = LoggerFactory.getLogger(DemoIdentitySeeder.class);
  static final String ADMIN = "demo";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final AgencyRepository agencies;
  private final DemoProperties properties;

  DemoIdentitySeeder(
      IdentityService identity,
      AuthorizationService authorizations,
      AgencyRepository agencies,
      DemoProperties properties) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.agencies = agencies;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    group(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
    user(ADMIN, "Demo", "Administrator", Groups.CAMUNDA_ADMIN);

    group(AgencyGroups.PROCESS_OWNER, "流程負責人 Process owners", Groups.GROUP_TYPE_WORKFLOW);
    user(AgencyGroups.PROCESS_OWNER, "流程負責人", "Process owner", AgencyGroups.PROCESS_OWNER);

    group(AgencyGroups.CITY_OVERSIGHT, "研考會 City oversight office", Groups.GROUP_TYPE_WORKFLOW);
    user(AgencyGroups.CITY_OVERSIGHT, "研考會", "City oversight", AgencyGroups.CITY_OVERSIGHT);

    // The portal and the monitoring system are machine clients with keys (SignInProperties), not
    // engine users: no password of theirs is ever checked, or counted, by the engine.
    group(AgencyGroups.PORTAL, "市民服務平台 City portal", Groups.GROUP_TYPE_WORKFLOW);
    group(AgencyGroups.OPERATIONS, "系統維運 Operations", Groups.GROUP_TYPE_SYSTEM);

    List<Agency> all = agencies.findAll();
    for (Agency agency : all) {
      for (Role role : Role.values()) {
        String id = AgencyGroups.groupId(agency.getCode(), role);
        group(id, agency.getNameZh() + " " + role.nameZh() + " / " + agency.getNameEn() + " " + role.nameEn(),
            Groups.GROUP_TYPE_WORKFLOW);
        user(id, agency.getNameZh() + role.nameZh(), agency.getNameEn() + " " + role.nameEn(), id);
        if (role == Role.CLERK) {
          // A second clerk, so that a chief has someone to hand work to (分案).
          user(id + "-2", agency.getNameZh() + role.nameZh() + "二", agency.getNameEn() + " " + role.nameEn() + " 2", id);
        }
      }
    }
    retireGlobalGrants();
    log.info("Demo identities ready: {} agencies x 3 roles, password '{}' (demo only)", all.size(), properties.password());
  }

  /**
   * Earlier demo databases let every signed-in user open Tasklist and read every filter; the grants
   * are per role and per filter now (AgencyAccess, TaskFilters).
   */
  private void retireGlobalGrants() {
    for (Resource resource : List.of(Resources.APPLICATION, Resources.FILTER)) {
      authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource).list()
          .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    }
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  /** A demo user, with a mailbox of its own so deadline reminders reach someone. */
  private void user(String id, String firstName, String lastName, String groupId) {
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(properties.password());
      user.setEmail(id + "@" + DEMO_MAIL_DOMAIN);
      identity.saveUser(user);
    } else if (user.getEmail() == null) {
      user.setEmail(id + "@" + DEMO_MAIL_DOMAIN);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(id, groupId);
    }
  }
}
