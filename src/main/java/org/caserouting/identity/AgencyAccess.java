package org.caserouting.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.AgencyRepository;
import org.caserouting.platform.AgencyGroups.Role;
import org.caserouting.platform.AgencyGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The standing grants of each role, for every agency of the catalog, whichever directory the
 * groups come from. Everything about a single case (its tasks, its instance, its history) is
 * granted as the case reaches an agency, by {@link AgencyAuthorizationProvider}.
 *
 * <ul>
 *   <li>Agency staff (clerks, section chiefs, directors): Tasklist, and the process diagrams,
 *       which show no case data. Not Cockpit: its incident and instance views are for administrators.
 *   <li>Process owners: deploy (Camunda Modeler's Deploy button) and read processes and decision
 *       tables in Cockpit, without seeing any case.
 *   <li>The city oversight office: Tasklist, to reach the oversight page with its sign-in; no task.
 *   <li>The city portal: nothing in the engine; it only uses our API.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AgencyAccess implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AgencyAccess.class);

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  private final Grants grants;
  private final AgencyRepository agencies;

  AgencyAccess(Grants grants, AgencyRepository agencies) {
    this.grants = grants;
    this.agencies = agencies;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Resources resource : Resources.values()) {
      grants.toGroup(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    String owner = AgencyGroups.PROCESS_OWNER;
    grants.toGroup(owner, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grants.toGroup(owner, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grants.toGroup(owner, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grants.toGroup(owner, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grants.toGroup(owner, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    // The oversight office signs in to Tasklist only to reach the staff pages; it is offered no task.
    grants.toGroup(AgencyGroups.CITY_OVERSIGHT, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);

    int agencyCount = 0;
    for (Agency agency : agencies.findAll()) {
      for (Role role : Role.values()) {
        String group = AgencyGroups.groupId(agency.getCode(), role);
        grants.toGroup(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grants.toGroup(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      }
      agencyCount++;
    }
    log.info("Standing grants in place for {} agencies x {} roles and the process owners", agencyCount, Role.values().length);
  }
}
