package org.caserouting.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.intake.IntakeProcess;
import org.caserouting.platform.Variable;
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
    Task task = taskFor(user);
    if (!user.equals(task.getAssignee())) {
      engine.getTaskService().claim(task.getId(), user);
    }
    Map<String, Object> answer = new HashMap<>(Variable.values(fields));
    answer.put(TaskOutcome.OUTCOME.name(), outcome.name());
    answer.put(TaskOutcome.OPINION.name(), opinion);
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
    List<Job> jobs = new java.util.ArrayList<>();
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

  public boolean ended() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).count() == 0;
  }
}
