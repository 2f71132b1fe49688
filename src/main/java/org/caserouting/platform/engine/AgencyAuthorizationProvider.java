package org.caserouting.platform.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.platform.AgencyGroups.AgencyRole;
import org.caserouting.platform.AgencyGroups.Role;
import org.caserouting.platform.AgencyGroups;

/**
 * The engine's default grants, plus what an agency's hierarchy needs. When a task is offered to a
 * group of agency A (candidate group {@code a-clerk}, {@code a-chief} or {@code a-director}):
 *
 * <ul>
 *   <li>the candidate group may work the task, as the engine grants by default;
 *   <li>A's section chief and director may read it, in Tasklist and in history, so supervisors see
 *       the agency's work without being able to take it over;
 *   <li>all three of A's groups may read the case it belongs to (the task's process instance and
 *       the case's root instance, running and historic), which is how our API and the engine REST
 *       API decide that a case is "theirs"; a task of a {@link ConfinedProcesses confined process}
 *       gives its own instance only.
 * </ul>
 *
 * Nothing is granted to another agency's groups, so agency B sees nothing of A's cases unless a
 * task of the case is offered to B (a co-review, an upper-agency review).
 */
class AgencyAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    AuthorizationEntity[] defaults = super.newTaskGroupIdentityLink(task, groupId, type);
    Optional<AgencyRole> agencyRole = AgencyGroups.parse(groupId);
    if (agencyRole.isEmpty()) {
      return defaults;
    }
    String agency = agencyRole.get().agencyCode();
    List<AuthorizationEntity> grants = new ArrayList<>(List.of(defaults));
    for (Role supervisor : List.of(Role.CHIEF, Role.DIRECTOR)) {
      String group = AgencyGroups.groupId(agency, supervisor);
      if (!group.equals(groupId)) {
        grant(grants, group, Resources.TASK, task.getId(), TaskPermissions.READ);
        grant(grants, group, Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ);
      }
    }
    Set<String> caseInstances = new LinkedHashSet<>();
    caseInstances.add(task.getProcessInstanceId());
    if (!confined(task)) {
      caseInstances.add(getRootProcessInstanceId(task));
    }
    caseInstances.remove(null);
    for (Role role : Role.values()) {
      String group = AgencyGroups.groupId(agency, role);
      for (String instance : caseInstances) {
        grant(grants, group, Resources.PROCESS_INSTANCE, instance, Permissions.READ);
        grant(grants, group, Resources.HISTORIC_PROCESS_INSTANCE, instance, HistoricProcessInstancePermissions.READ);
      }
    }
    return grants.toArray(AuthorizationEntity[]::new);
  }

  /** A task of a {@link ConfinedProcesses confined process}: its agency gets its own instance, not the case. */
  private static boolean confined(Task task) {
    return task instanceof TaskEntity entity && entity.getExecution() != null
        && ConfinedProcesses.KEYS.contains(entity.getExecution().getProcessDefinition().getKey());
  }

  /**
   * Grants the permission to the group on one resource. A grant the engine already holds in this
   * command (stored, or created a moment ago for another task of the same case) is amended in place
   * and flushed with the command; otherwise a stored grant is amended or a new one created, and
   * returned for the engine to save.
   */
  private void grant(List<AuthorizationEntity> grants, String groupId, Resource resource, String resourceId,
      Permission permission) {
    AuthorizationEntity held = heldInThisCommand(groupId, resource, resourceId);
    if (held != null) {
      addPermissions(held, permission);
      return;
    }
    AuthorizationEntity stored = getGrantAuthorizationByGroupId(groupId, resource, resourceId);
    if (stored == null) {
      grants.add(createGrantAuthorization(null, groupId, resource, resourceId, permission));
    } else {
      addPermissions(stored, permission);
      grants.add(stored);
    }
  }

  private static AuthorizationEntity heldInThisCommand(String groupId, Resource resource, String resourceId) {
    return Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .filter(cached -> groupId.equals(cached.getGroupId())
            && cached.getResourceType() == resource.resourceType()
            && resourceId.equals(cached.getResourceId()))
        .findFirst()
        .orElse(null);
  }
}
