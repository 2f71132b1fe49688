package org.caserouting.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.caserouting.intake.IntakeProcess;
import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.FormContract;
import org.caserouting.platform.engine.task.OutcomeContract;
import org.caserouting.platform.engine.task.TaskOutcome;

/**
 * A case worked as its people would: the task offered to a user's groups, claimed and completed
 * with an outcome, an opinion and the form's other fields; and the engine's own work (asynchronous
 * continuations, timers), done here because tests run without the job executor.
 */
public final class CaseWork {

  private final ProcessEngine engine;
  private final String applicationNo;

  /** The case just submitted; its start, which the engine runs after the answer, is run here. */
  public CaseWork(ProcessEngine engine, String applicationNo) {
    this.engine = engine;
    this.applicationNo = applicationNo;
    for (Job start : jobs(false, IntakeProcess.Elements.SUBMITTED)) {
      engine.getManagementService().executeJob(start.getId());
    }
  }

  public String applicationNo() {
    return applicationNo;
  }

  /** The one open task of the case offered to this user's groups. */
  public Task taskFor(String user) {
    List<Task> tasks =
        engine.getTaskService().createTaskQuery()
            .processInstanceBusinessKey(applicationNo)
            .taskCandidateUser(user)
            .includeAssignedTasks()
            .list();
    assertThat(tasks).as("open tasks of %s for %s", applicationNo, user).hasSize(1);
    return tasks.get(0);
  }

  public boolean hasTaskFor(String user) {
    return engine.getTaskService().createTaskQuery()
            .processInstanceBusinessKey(applicationNo)
            .taskCandidateUser(user)
            .count()
        > 0;
  }

  /** Claims the user's task and completes it; then lets the engine do what it would do next. */
  public void work(String user, TaskOutcome outcome, String opinion, Variable.Value<?>... fields) {
    Map<String, Object> answer = new HashMap<>(Variable.values(fields));
    answer.put(TaskOutcome.OUTCOME.name(), outcome.name());
    answer.put(TaskOutcome.OPINION.name(), opinion);
    complete(taskFor(user), user, answer);
  }

  /** Claims the task for the user unless it is theirs, completes it, and lets the engine go on. */
  private void complete(Task task, String user, Map<String, Object> answer) {
    if (!user.equals(task.getAssignee())) {
      engine.getTaskService().claim(task.getId(), user);
    }
    engine.getTaskService().complete(task.getId(), answer);
    runAsyncContinuations();
  }

  /**
   * Executes the case's pending asynchronous continuations as the job executor would: a conflict
   * or a failure leaves the job to run again (without waiting for its retry time) until its
   * retries are spent and it becomes an incident.
   */
  public void runAsyncContinuations() {
    for (int pass = 0; pass < 20; pass++) {
      List<Job> due = jobs(false, null).stream().filter(job -> job.getRetries() > 0).toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (OptimisticLockingException retryNextPass) {
          // another continuation of the same case got there first; the job stays and runs again
        } catch (RuntimeException failed) {
          // the engine recorded the failure and counted down the job's retries
        }
      }
    }
  }

  /** The case's timer on this element. */
  public Job timer(String activityId) {
    List<Job> timers = timers(activityId);
    assertThat(timers).as("timers %s of %s", activityId, applicationNo).isNotEmpty();
    return timers.get(0);
  }

  public List<Job> timers(String activityId) {
    return jobs(true, activityId);
  }

  /** Jobs of every process instance of the case (intake and the processes it called). */
  private List<Job> jobs(boolean timers, String activityId) {
    List<Job> jobs = new ArrayList<>();
    for (var instance :
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).list()) {
      var query = engine.getManagementService().createJobQuery().processInstanceId(instance.getId());
      query = timers ? query.timers() : query.messages();
      if (activityId != null) {
        query = query.activityId(activityId);
      }
      jobs.addAll(query.list());
    }
    return jobs;
  }

  public void fire(Job timer) {
    engine.getManagementService().executeJob(timer.getId());
    runAsyncContinuations();
  }

  /** A task worked on the way to the decision: which, by whom, in the group it was offered to. */
  public record Worked(String taskKey, String user, String group) {}

  /** The answers that move a case on, the first of them a task offers given: no one returns, objects or rejects. */
  private static final List<TaskOutcome> FORWARD = List.of(TaskOutcome.APPROVE, TaskOutcome.AGREE, TaskOutcome.ATTEND);

  /**
   * Works the case to its decision as its people would if each of them agreed: every open task by a
   * member of the group it is offered to (or its assignee), with the first forward outcome the task
   * offers and each field its form requires filled in; and, when the case waits on no one, the time
   * it waits for (an inspection's day) let come. It knows no case type and no model, only what the
   * engine offers a clerk, so a type that needed code of its own would stop it.
   */
  public List<Worked> toDecision() {
    List<Worked> worked = new ArrayList<>();
    for (int step = 0; step < 100 && !ended(); step++) {
      List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applicationNo)
          .orderByTaskCreateTime().asc().list();
      if (open.isEmpty()) {
        Job next = timers(null).stream().min(Comparator.comparing(Job::getDuedate))
            .orElseThrow(() -> new AssertionError(applicationNo + " waits on neither a task nor a date"));
        ClockUtil.setCurrentTime(Date.from(next.getDuedate().toInstant().plusSeconds(60)));
        fire(next);
        ClockUtil.reset();
        continue;
      }
      Task task = open.get(0);
      String group = offeredTo(task);
      String user = task.getAssignee() != null ? task.getAssignee() : memberOf(group);
      Step asked = STEPS.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), key -> step(task));
      Map<String, Object> answer = new HashMap<>();
      String weekAhead = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7)).atZone(ZoneId.of("Asia/Taipei"))
          .toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
      asked.required().forEach((field, kind) ->
          answer.put(field, kind == FormContract.Kind.DATETIME ? weekAhead : "依規定辦理 Handled as the rules say"));
      answer.put(TaskOutcome.OUTCOME.name(), asked.outcome().name());
      complete(task, user, answer);
      worked.add(new Worked(task.getTaskDefinitionKey(), user, group));
    }
    assertThat(ended()).as("%s decided within 100 steps; worked %s", applicationNo, worked).isTrue();
    return worked;
  }

  /** What a task of a deployed model asks: the forward outcome it offers, and its form's required fields. */
  private record Step(TaskOutcome outcome, Map<String, FormContract.Kind> required) {}

  /** Per process definition and task: deployed models do not change. */
  private static final Map<String, Step> STEPS = new ConcurrentHashMap<>();

  /** The first member of each group, per engine: the demo's people do not change during a test run. */
  private static final Map<String, String> MEMBERS = new ConcurrentHashMap<>();

  private Step step(Task task) {
    UserTask element = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey());
    List<String> offered = OutcomeContract.allowedOutcomes(element);
    TaskOutcome outcome = FORWARD.stream().filter(forward -> offered.contains(forward.name())).findFirst()
        .orElseThrow(() -> new AssertionError(task.getTaskDefinitionKey() + " offers no way forward: " + offered));
    FormContract form;
    try (InputStream json = engine.getFormService().getDeployedTaskForm(task.getId())) {
      form = FormContract.parse(json.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, FormContract.Kind> required = new LinkedHashMap<>();
    form.fields().values().stream()
        .filter(field -> field.required() && !field.key().equals(TaskOutcome.OUTCOME.name()))
        .forEach(field -> required.put(field.key(), field.kind()));
    return new Step(outcome, required);
  }

  private String memberOf(String group) {
    return MEMBERS.computeIfAbsent(engine.getName() + "/" + group, key ->
        engine.getIdentityService().createUserQuery().memberOfGroup(group).orderByUserId().asc().list().get(0).getId());
  }

  private String offeredTo(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst()
        .orElseThrow(() -> new AssertionError(task.getTaskDefinitionKey() + " of " + applicationNo + " is offered to no group"));
  }

  public boolean ended() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).count() == 0;
  }
}
