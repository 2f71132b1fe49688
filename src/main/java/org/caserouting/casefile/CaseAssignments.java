package org.caserouting.casefile;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.Caller;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.AgencyGroups.Role;
import org.springframework.stereotype.Component;

/**
 * 分案 from the case file: the case's open tasks for the clerks of an agency whose chief or
 * director is signed in, each with that agency's clerks to choose from. The assignment itself is
 * the engine's, made as the signed-in person, so its assign permission and the rule on whom a task
 * may go to ({@code AssigneeRule}) decide it, as they do through Tasklist.
 */
@Component
class CaseAssignments {

  /** A task the signed-in supervisor may hand out, and to whom. */
  record Assignable(String taskId, String name, String agency, String assignee, List<Clerk> clerks) {}

  /** A clerk of the agency, as the chief knows them. */
  record Clerk(String id, String name) {}

  private final TaskService tasks;
  private final IdentityService identity;

  CaseAssignments(TaskService tasks, IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
  }

  /** The case's open tasks for the clerks of the agencies the caller supervises; none for anyone else. */
  List<Assignable> of(String applicationNo, Caller caller) {
    Set<String> supervised = caller.groups().stream().map(AgencyGroups::parse).flatMap(java.util.Optional::stream)
        .filter(role -> role.role() == Role.CHIEF || role.role() == Role.DIRECTOR)
        .map(role -> AgencyGroups.groupId(role.agencyCode(), Role.CLERK))
        .collect(java.util.stream.Collectors.toSet());
    if (supervised.isEmpty()) {
      return List.of();
    }
    return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).active().list().stream()
        .flatMap(task -> clerkGroupOf(task).filter(supervised::contains).stream()
            .map(group -> new Assignable(task.getId(), task.getName(),
                AgencyGroups.parse(group).map(AgencyGroups.AgencyRole::agencyCode).orElse(null), task.getAssignee(),
                identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
                    .map(user -> new Clerk(user.getId(),
                        (user.getFirstName() == null ? "" : user.getFirstName()) + " " + user.getId()))
                    .toList())))
        .toList();
  }

  /**
   * Hands the task to the clerk, or back to the agency's list (blank), as the signed-in person.
   *
   * @throws org.camunda.bpm.engine.AuthorizationException when they may not assign it
   * @throws org.camunda.bpm.engine.BadUserRequestException when it may not go to that person
   */
  void assign(String applicationNo, String taskId, String assignee, Caller caller) {
    Task task = tasks.createTaskQuery().taskId(taskId).processInstanceBusinessKey(applicationNo).singleResult();
    if (task == null) {
      throw new org.camunda.bpm.engine.exception.NotFoundException("No open task " + taskId + " in case " + applicationNo);
    }
    identity.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
    try {
      tasks.setAssignee(taskId, assignee == null || assignee.isBlank() ? null : assignee.strip());
    } finally {
      identity.clearAuthentication();
    }
  }

  private java.util.Optional<String> clerkGroupOf(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .filter(group -> group != null && AgencyGroups.parse(group).map(role -> role.role() == Role.CLERK).orElse(false))
        .findFirst();
  }
}
