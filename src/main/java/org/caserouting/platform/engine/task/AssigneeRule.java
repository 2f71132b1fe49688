package org.caserouting.platform.engine.task;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * To whom a task may be handed (分案), through every door. The engine's assign permission says who
 * may assign, not to whom; so here:
 *
 * <ul>
 *   <li>a claim is for oneself: nobody claims a task in another person's name;
 *   <li>an assignment or delegation goes to someone the task is offered to: a member of one of
 *       its candidate groups (the agency's clerks, for a clerk's task), or a candidate user. A
 *       chief cannot hand a task to another agency's clerk, nor to themselves unless offered it;
 *   <li>nobody is handed a task while away: their acting deputy (職務代理) is named instead;
 *   <li>taking a task from whoever has it (assigning it to nobody) is left to the engine's assign
 *       permission: the agency's chief and director, for a task of its clerks.
 * </ul>
 *
 * Who is in a group is the engine's staff directory (its identity service), the same one that
 * decides whom Tasklist offers the task to.
 */
final class AssigneeRule {

  private AssigneeRule() {}

  static void check(TaskCall call, CommandContext context, ActingDeputies deputies) {
    if (!call.handsOver() || call.assignee() == null) {
      return;
    }
    Authentication caller = context.getAuthentication();
    if (call.door() == TaskCall.Door.CLAIM) {
      if (caller != null && caller.getUserId() != null && !caller.getUserId().equals(call.assignee())) {
        throw new BadUserRequestException("認領只能由本人為之；分派請由科長或主管辦理。 A task is claimed by the person who"
            + " will work it; handing it to someone else is an assignment, which the agency's chief makes.");
      }
      return;
    }
    String deputy = deputies == null ? null : deputies.deputyOf(call.assignee()).orElse(null);
    if (deputy != null) {
      throw new BadUserRequestException(call.assignee() + " 職務代理期間不在，請分派給其代理人 " + deputy + "。 "
          + call.assignee() + " is away and " + deputy + " acts for them: assign the task to " + deputy + ".");
    }
    TaskEntity task = context.getTaskManager().findTaskById(call.taskId());
    if (task == null || task.getProcessDefinitionId() == null || offeredTo(task, call.assignee(), context)) {
      return;
    }
    throw new BadUserRequestException("只能分派給此任務交辦的人員（本機關承辦人），" + call.assignee() + " 不在其中。"
        + " A task can be assigned only to someone it is offered to (its agency's clerks); " + call.assignee()
        + " is not.");
  }

  private static boolean offeredTo(TaskEntity task, String userId, CommandContext context) {
    return context.runWithoutAuthorization(() -> {
      for (IdentityLinkEntity link : task.getIdentityLinks()) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (userId.equals(link.getUserId())) {
          return true;
        }
        if (link.getGroupId() != null && context.getReadOnlyIdentityProvider().createUserQuery()
            .userId(userId).memberOfGroup(link.getGroupId()).count() > 0) {
          return true;
        }
      }
      return false;
    });
  }
}
