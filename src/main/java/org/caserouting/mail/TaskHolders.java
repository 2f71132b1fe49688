package org.caserouting.mail;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.platform.AgencyGroups.AgencyRole;
import org.caserouting.platform.AgencyGroups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Who holds a task, where to mail them, and the link that opens it in Tasklist. */
@Component
public class TaskHolders {

  private final TaskService tasks;
  private final IdentityService identity;
  private final String tasklistUrl;

  TaskHolders(TaskService tasks, IdentityService identity,
      @Value("${caserouting.mail.tasklist-url:http://localhost:8080/camunda/app/tasklist/default/}") String tasklistUrl) {
    this.tasks = tasks;
    this.identity = identity;
    this.tasklistUrl = tasklistUrl;
  }

  /** The agency and role a task is offered to, from its candidate group; empty for a task offered to none. */
  public Optional<AgencyRole> role(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .map(AgencyGroups::parse)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** Whoever holds the task: its assignee, else everyone of the group it is offered to. */
  public Set<String> emails(Task task) {
    if (task.getAssignee() != null) {
      User user = identity.createUserQuery().userId(task.getAssignee()).singleResult();
      return Optional.ofNullable(user).map(User::getEmail).filter(email -> !email.isBlank()).map(Set::of).orElse(Set.of());
    }
    return role(task).map(role -> emailsOf(AgencyGroups.groupId(role.agencyCode(), role.role()))).orElse(Set.of());
  }

  public Set<String> emailsOf(String groupId) {
    Set<String> emails = new LinkedHashSet<>();
    for (User user : identity.createUserQuery().memberOfGroup(groupId).list()) {
      if (user.getEmail() != null && !user.getEmail().isBlank()) {
        emails.add(user.getEmail());
      }
    }
    return emails;
  }

  public String link(Task task) {
    return tasklistUrl + "#/?task=" + task.getId();
  }
}
