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
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
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
 *       the agency's work; a task for A's clerks they may also assign (分案), to those clerks only
 *       ({@link org.caserouting.platform.engine.task.AssigneeRule}), but not work themselves;
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
        boolean newTask = createdInThisCommand(task.getId());
        // A task for the agency's clerks is the supervisors' to hand out (分案), to those clerks only
        // (AssigneeRule); any other task of the agency they may only read.
        Permission[] onTask = agencyRole.get().role() == Role.CLERK
            ? new Permission[] {TaskPermissions.READ, TaskPermissions.TASK_ASSIGN}
            : new Permission[] {TaskPermissions.READ};
        grant(grants, group, Resources.TASK, task.getId(), newTask, onTask);
        grant(grants, group, Resources.HISTORIC_TASK, task.getId(), newTask, HistoricTaskPermissions.READ);
      }
    }
    Set<String> caseInstances = new LinkedHashSet<>();
    caseInstances.add(task.getProcessInstanceId());
    if (!confined(task)) {
      caseInstances.add(getRootProcessInstanceId(task));
    }
    caseInstances.remove(null);
    caseInstances.forEach(AgencyAuthorizationProvider::loadGrantsOn);
    for (Role role : Role.values()) {
      String group = AgencyGroups.groupId(agency, role);
      for (String instance : caseInstances) {
        grant(grants, group, Resources.PROCESS_INSTANCE, instance, true, Permissions.READ);
        grant(grants, group, Resources.HISTORIC_PROCESS_INSTANCE, instance, true, HistoricProcessInstancePermissions.READ);
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
   * Grants the permission to the group on one resource. A grant the engine holds in this command
   * (loaded, or created a moment ago for another task of the same case) is amended in place, and
   * flushed with the command if that changed it; otherwise a new one is returned for the engine to
   * save.
   *
   * @param known whether the command holds every stored grant on the resource: it created the
   *     resource, or loaded its grants ({@link #loadGrantsOn}); else the database is asked
   */
  private void grant(List<AuthorizationEntity> grants, String groupId, Resource resource, String resourceId,
      boolean known, Permission... permissions) {
    AuthorizationEntity held = heldInThisCommand(groupId, resource, resourceId);
    AuthorizationEntity stored = held != null || known ? held : getGrantAuthorizationByGroupId(groupId, resource, resourceId);
    if (stored == null) {
      grants.add(createGrantAuthorization(null, groupId, resource, resourceId, permissions));
    } else {
      addPermissions(stored, permissions);
    }
  }

  /** The engine's look-up of one stored grant, which a task or instance this command created has none of. */
  @Override
  protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource, String resourceId) {
    return createdInThisCommand(resourceId) ? null : super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
  }

  /**
   * Loads every grant on an instance this command did not create into the command's cache, where
   * {@link #heldInThisCommand} finds them: one statement instead of one per group and resource.
   */
  private static void loadGrantsOn(String instanceId) {
    if (createdInThisCommand(instanceId)) {
      return;
    }
    CommandContext command = Context.getCommandContext();
    command.runWithoutAuthorization(() -> command.getAuthorizationManager()
        .selectAuthorizationByQueryCriteria((AuthorizationQueryImpl) new AuthorizationQueryImpl().resourceId(instanceId)));
  }

  /** Whether this command created the task or process instance of this id, so nothing of it is stored. */
  private static boolean createdInThisCommand(String resourceId) {
    DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
    for (Class<? extends DbEntity> type : List.of(TaskEntity.class, ExecutionEntity.class)) {
      CachedDbEntity cached = cache.getCachedEntity(type, resourceId);
      if (cached != null && cached.getEntityState() == DbEntityState.TRANSIENT) {
        return true;
      }
    }
    return false;
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
