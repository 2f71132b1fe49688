package org.caserouting.deadlines;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEvents;
import org.caserouting.mail.Notifications;
import org.caserouting.mail.TaskHolders;
import org.caserouting.platform.AgencyGroups.AgencyRole;
import org.caserouting.platform.AgencyGroups.Role;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.TaskPriorities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every task with a due date, in every model, is watched: when most of its time has passed (its
 * follow-up date, 跟催日) its holders are e-mailed and it rises in Tasklist; when it is past due,
 * the holding agency's section chief is e-mailed, it rises to the top and shows under "Overdue",
 * and the case records both. A model need not draw a timer for any of it.
 *
 * <p>The priority is the record of what was done, so each step happens once: a task is reminded
 * when its priority is below {@link TaskPriorities#REMINDED}, escalated when below
 * {@link TaskPriorities#OVERDUE}. Two nodes scanning at once both try; the engine's optimistic
 * lock lets one through, and the other's mail is rolled back with its change.
 */
@Component
public class DeadlineWatch {

  private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
  private static final int BATCH = 200;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final TaskHolders holders;
  private final CaseEvents events;
  private final Notifications mail;
  private final Clock clock;
  private final ZoneId zone;
  private final TransactionTemplate transaction;

  DeadlineWatch(TaskService tasks, RuntimeService runtime, TaskHolders holders, CaseEvents events,
      Notifications mail, Clock clock, CalendarProperties calendar, PlatformTransactionManager transactions) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.holders = holders;
    this.events = events;
    this.mail = mail;
    this.clock = clock;
    this.zone = calendar.zone();
    this.transaction = new TransactionTemplate(transactions);
  }

  @Scheduled(fixedDelayString = "${caserouting.deadlines.scan-interval:PT1M}",
      initialDelayString = "${caserouting.deadlines.scan-interval:PT1M}")
  void scan() {
    int escalated = escalateOverdue();
    int reminded = remindDueSoon();
    if (escalated + reminded > 0) {
      log.info("Deadlines: {} task(s) reminded, {} escalated as overdue", reminded, escalated);
    }
  }

  /** Reminds the holders of the tasks past their follow-up date, not yet due; returns how many. */
  public int remindDueSoon() {
    Date now = Date.from(clock.instant());
    return each(() -> tasks.createTaskQuery()
        .followUpBefore(now)
        .dueAfter(now)
        .taskMaxPriority(TaskPriorities.REMINDED - 1)
        .orderByTaskId().asc()
        .listPage(0, BATCH), this::remind);
  }

  /** Escalates the tasks past their due date, not yet escalated; returns how many. */
  public int escalateOverdue() {
    Date now = Date.from(clock.instant());
    return each(() -> tasks.createTaskQuery()
        .dueBefore(now)
        .taskMaxPriority(TaskPriorities.OVERDUE - 1)
        .orderByTaskId().asc()
        .listPage(0, BATCH), this::escalate);
  }

  private int each(Supplier<List<Task>> page, Consumer<Task> step) {
    int done = 0;
    List<Task> batch;
    do {
      batch = page.get();
      for (Task task : batch) {
        try {
          transaction.executeWithoutResult(status -> step.accept(task));
          done++;
        } catch (OptimisticLockingException anotherNodeDidIt) {
          // the task changed under us (another node's scan, a clerk's claim): it is looked at again next scan
        }
      }
    } while (batch.size() == BATCH && done > 0);
    return done;
  }

  private void remind(Task task) {
    tasks.setPriority(task.getId(), TaskPriorities.REMINDED);
    Optional<AgencyRole> holder = holders.role(task);
    String caseNo = caseNo(task);
    if (caseNo != null) {
      events.record(caseNo, CaseEventKind.REMINDER, holder.map(AgencyRole::agencyCode).orElse(null),
          task.getName() + " due " + day(task.getDueDate()));
    }
    if (caseNo == null) {
      return; // a task outside any case (made by hand in Tasklist): its priority says enough
    }
    for (String recipient : holders.emails(task)) {
      mail.taskReminder(caseNo, recipient, task.getName(), day(task.getDueDate()), holders.link(task));
    }
  }

  private void escalate(Task task) {
    tasks.setPriority(task.getId(), TaskPriorities.OVERDUE);
    Optional<AgencyRole> holder = holders.role(task);
    String caseNo = caseNo(task);
    if (caseNo != null) {
      events.record(caseNo, CaseEventKind.OVERDUE_ESCALATED, holder.map(AgencyRole::agencyCode).orElse(null),
          task.getName() + " was due " + day(task.getDueDate()));
    }
    if (holder.isEmpty() || caseNo == null) {
      return;
    }
    // The section chief follows up a clerk's task; the director, a chief's or a director's.
    Role above = holder.get().role() == Role.CLERK ? Role.CHIEF : Role.DIRECTOR;
    String holderGroup = AgencyGroups.groupId(holder.get().agencyCode(), holder.get().role());
    for (String recipient : holders.emailsOf(AgencyGroups.groupId(holder.get().agencyCode(), above))) {
      mail.taskOverdue(caseNo, recipient, task.getName(), task.getAssignee() != null ? task.getAssignee() : holderGroup,
          day(task.getDueDate()), holders.link(task));
    }
  }

  private String caseNo(Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  private String day(Date date) {
    return date.toInstant().atZone(zone).toLocalDate().toString();
  }
}
